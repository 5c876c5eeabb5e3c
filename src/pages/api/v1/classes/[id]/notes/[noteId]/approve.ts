import type { APIRoute } from 'astro';
import { presentReviewNote } from '@/lib/api/present-reading.ts';
import { readingRoutes } from '@/lib/api/schemas/reading.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { fromTenths } from '@/lib/hours/units.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { approveNote } from '@/lib/reading/review.ts';
import { loadClassCatalog } from '@/pages/reading/_class-catalog.ts';

export const POST: APIRoute = ({ request, params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { comment } = await readJson(request, readingRoutes.approve.body);
    const { note, reading, creditedTenths } = await approveNote(locals.db, user, params.id!, params.noteId!, comment, (await loadClassCatalog()).readings);
    return Response.json({ note: presentReviewNote(note, [reading]), creditedHours: fromTenths(creditedTenths) });
  });
