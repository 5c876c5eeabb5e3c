import type { APIRoute } from 'astro';
import { authRoutes } from '@/lib/api/schemas/auth.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { changeOwnPassword } from '@/lib/users/users.ts';

export const POST: APIRoute = ({ request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const body = await readJson(request, authRoutes.changePassword.body);
    await changeOwnPassword(locals.db, { userId: user.id, sessionId: locals.session!.id, ...body });
    return Response.json({ ok: true });
  });
