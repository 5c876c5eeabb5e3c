import type { APIRoute } from 'astro';
import { presentReviewNote } from '@/lib/api/present-reading.ts';
import { readingRoutes } from '@/lib/api/schemas/reading.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { returnNote } from '@/lib/reading/review.ts';
import { loadClassCatalog } from '@/pages/reading/_class-catalog.ts';

export const POST: APIRoute = ({ request, params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { reason } = await readJson(request, readingRoutes.return.body);
    const { note, reading } = await returnNote(locals.db, user, params.id!, params.noteId!, reason, (await loadClassCatalog()).readings);
    return Response.json({ note: presentReviewNote(note, reading ? [reading] : []) });
  });
