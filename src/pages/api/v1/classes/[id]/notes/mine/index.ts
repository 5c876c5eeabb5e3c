import type { APIRoute } from 'astro';
import { presentClassSummary, presentNote } from '@/lib/api/present-reading.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { myReadingNotes } from '@/lib/reading/overview.ts';
import { loadClassCatalog } from '@/pages/reading/_class-catalog.ts';

export const GET: APIRoute = ({ params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { cls, readings } = await myReadingNotes(locals.db, user, params.id!, (await loadClassCatalog()).readings);
    return Response.json({ class: presentClassSummary(cls), readings: readings.map(({ note, ...r }) => ({ ...r, note: note && presentNote(note) })) });
  });
