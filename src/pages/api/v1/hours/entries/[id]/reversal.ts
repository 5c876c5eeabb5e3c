import type { APIRoute } from 'astro';
import { hoursRoutes } from '@/lib/api/schemas/hours.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { reverseEntryInScope } from '@/lib/hours/adjustments.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';

export const POST: APIRoute = ({ request, params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { reason } = await readJson(request, hoursRoutes.reverse.body);
    return Response.json(await reverseEntryInScope(locals.db, user, params.id!, reason), { status: 201 });
  });
