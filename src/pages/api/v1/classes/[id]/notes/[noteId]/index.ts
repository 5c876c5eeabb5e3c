import type { APIRoute } from 'astro';
import { presentReviewNote } from '@/lib/api/present-reading.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { getNoteForReview } from '@/lib/reading/review.ts';
import { loadClassCatalog } from '@/pages/reading/_class-catalog.ts';

export const GET: APIRoute = ({ params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { reading, note } = await getNoteForReview(locals.db, user, params.id!, params.noteId!, (await loadClassCatalog()).readings);
    return Response.json(presentReviewNote(note, reading ? [reading] : []));
  });
