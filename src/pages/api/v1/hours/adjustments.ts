import type { APIRoute } from 'astro';
import { hoursRoutes } from '@/lib/api/schemas/hours.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { addAdjustment } from '@/lib/hours/adjustments.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';

export const POST: APIRoute = ({ request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { cadreId, ...body } = await readJson(request, hoursRoutes.adjust.body);
    const { entryId, created } = await addAdjustment(locals.db, user, { personId: cadreId, ...body });
    return Response.json({ entryId }, { status: created ? 201 : 200 });
  });
