import type { APIRoute } from 'astro';
import { classRoutes } from '@/lib/api/schemas/classes.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { addMembers } from '@/lib/classes/roster.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';

export const POST: APIRoute = ({ params, request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const body = await readJson(request, classRoutes.addMembers.body);
    return Response.json(await addMembers(locals.db, user, params.id!, body));
  });
