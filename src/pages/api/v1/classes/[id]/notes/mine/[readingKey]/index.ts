import type { APIRoute } from 'astro';
import { presentNote } from '@/lib/api/present-reading.ts';
import { readingRoutes } from '@/lib/api/schemas/reading.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { saveDraft } from '@/lib/reading/drafting.ts';
import { loadClassCatalog } from '@/pages/reading/_class-catalog.ts';

export const PUT: APIRoute = ({ request, params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const input = await readJson(request, readingRoutes.saveDraft.body);
    const note = await saveDraft(locals.db, user, params.id!, params.readingKey!, input, (await loadClassCatalog()).readings);
    return Response.json(presentNote(note));
  });
