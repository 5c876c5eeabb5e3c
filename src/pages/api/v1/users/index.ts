import type { APIRoute } from 'astro';
import { presentPerson } from '@/lib/api/present.ts';
import { userRoutes } from '@/lib/api/schemas/users.ts';
import { requireRole } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson, readQuery } from '@/lib/http/read-json.ts';
import { scopeOf } from '@/lib/org/scope.ts';
import { createUser, listPeople } from '@/lib/users/users.ts';

export const GET: APIRoute = ({ url, locals }) =>
  handle(async () => {
    const user = requireRole(locals, 'staff', 'trainer', 'admin');
    const query = readQuery(url, userRoutes.list.query);
    const { people, total } = await listPeople(locals.db, scopeOf(user), {
      orgUnitId: query.orgUnit,
      role: query.role,
      search: query.q,
      includeInactive: query.includeInactive === '1',
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    return Response.json({ people: people.map(presentPerson), total, page: query.page });
  });

export const POST: APIRoute = ({ request, locals }) =>
  handle(async () => {
    const user = requireRole(locals, 'admin');
    const body = await readJson(request, userRoutes.create.body);
    const id = await createUser(locals.db, scopeOf(user), user.id, body);
    return Response.json({ id }, { status: 201 });
  });
