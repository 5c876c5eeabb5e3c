import type { APIRoute } from 'astro';
import { presentOrgUnit } from '@/lib/api/present.ts';
import { orgRoutes } from '@/lib/api/schemas/org.ts';
import { requireRole } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { createOrgUnit, listOrgUnits } from '@/lib/org/org-units.ts';
import { scopeOf } from '@/lib/org/scope.ts';

export const GET: APIRoute = ({ locals }) =>
  handle(async () => {
    const user = requireRole(locals, 'staff', 'trainer', 'admin');
    const units = await listOrgUnits(locals.db, scopeOf(user));
    return Response.json({ units: units.map(presentOrgUnit) });
  });

export const POST: APIRoute = ({ request, locals }) =>
  handle(async () => {
    const user = requireRole(locals, 'admin');
    const body = await readJson(request, orgRoutes.create.body);
    const id = await createOrgUnit(locals.db, scopeOf(user), user.id, body);
    return Response.json({ id }, { status: 201 });
  });
