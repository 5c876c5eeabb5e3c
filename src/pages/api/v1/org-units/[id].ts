import type { APIRoute } from 'astro';
import { orgRoutes } from '@/lib/api/schemas/org.ts';
import { requireRole } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { moveOrgUnit, updateOrgUnit } from '@/lib/org/org-units.ts';
import { scopeOf } from '@/lib/org/scope.ts';

export const PATCH: APIRoute = ({ request, params, locals }) =>
  handle(async () => {
    const user = requireRole(locals, 'admin');
    const { parentId, ...patch } = await readJson(request, orgRoutes.update.body);
    const scope = scopeOf(user);
    await updateOrgUnit(locals.db, scope, user.id, params.id!, patch);
    if (parentId) await moveOrgUnit(locals.db, scope, user.id, params.id!, parentId);
    return Response.json({ ok: true });
  });
