import type { APIRoute } from 'astro';
import { presentClassSummary, presentReviewNote } from '@/lib/api/present-reading.ts';
import { readingRoutes } from '@/lib/api/schemas/reading.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readQuery } from '@/lib/http/read-json.ts';
import { listNotesForReview, REVIEWABLE_STATUSES } from '@/lib/reading/review.ts';
import { loadClassCatalog } from '@/pages/reading/_class-catalog.ts';

export const GET: APIRoute = ({ url, params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { status } = readQuery(url, readingRoutes.list.query);
    const statuses = status === 'all' ? REVIEWABLE_STATUSES : [status];
    const { cls, readings, notes } = await listNotesForReview(locals.db, user, params.id!, (await loadClassCatalog()).readings, statuses);
    return Response.json({ class: presentClassSummary(cls), notes: notes.map((n) => presentReviewNote(n, readings)) });
  });
