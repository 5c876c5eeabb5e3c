import type { APIRoute } from 'astro';
import { userRoutes } from '@/lib/api/schemas/users.ts';
import { requireRole } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { scopeOf } from '@/lib/org/scope.ts';
import { resetPassword } from '@/lib/users/users.ts';

export const POST: APIRoute = ({ request, params, locals }) =>
  handle(async () => {
    const user = requireRole(locals, 'admin');
    const { password } = await readJson(request, userRoutes.resetPassword.body);
    await resetPassword(locals.db, scopeOf(user), user.id, params.id!, password);
    return Response.json({ ok: true });
  });
