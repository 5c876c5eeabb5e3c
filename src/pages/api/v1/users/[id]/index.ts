import type { APIRoute } from 'astro';
import { presentPerson } from '@/lib/api/present.ts';
import { userRoutes } from '@/lib/api/schemas/users.ts';
import { requireRole, requireUser } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { scopeOf } from '@/lib/org/scope.ts';
import { getPerson, updateUser } from '@/lib/users/users.ts';

export const GET: APIRoute = ({ params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    return Response.json(presentPerson(await getPerson(locals.db, scopeOf(user), params.id!)));
  });

export const PATCH: APIRoute = ({ request, params, locals }) =>
  handle(async () => {
    const user = requireRole(locals, 'admin');
    const body = await readJson(request, userRoutes.update.body);
    await updateUser(locals.db, scopeOf(user), user.id, params.id!, body);
    return Response.json({ ok: true });
  });
