import type { APIRoute } from 'astro';
import { clearSessionCookie } from '@/lib/auth/cookie.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { invalidateUserSessions } from '@/lib/auth/session.ts';
import { handle } from '@/lib/http/endpoint.ts';

export const POST: APIRoute = ({ cookies, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    await invalidateUserSessions(locals.db, user.id);
    clearSessionCookie(cookies);
    return Response.json({ ok: true });
  });
