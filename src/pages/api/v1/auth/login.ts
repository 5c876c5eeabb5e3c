import type { APIRoute } from 'astro';
import { presentMe } from '@/lib/api/present.ts';
import { authRoutes } from '@/lib/api/schemas/auth.ts';
import { setSessionCookie } from '@/lib/auth/cookie.ts';
import { logIn } from '@/lib/auth/login.ts';
import { validateSessionToken } from '@/lib/auth/session.ts';
import { clientIp, cookieSecure } from '@/lib/http/client.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';

export const POST: APIRoute = ({ request, url, cookies, locals, clientAddress }) =>
  handle(async () => {
    const body = await readJson(request, authRoutes.login.body);
    const { token, session } = await logIn(locals.db, { ...body, ip: clientIp(request, clientAddress) });
    setSessionCookie(cookies, token, session.expiresAt, cookieSecure(request, url));
    const { user } = await validateSessionToken(locals.db, token);
    return Response.json({ user: presentMe(user!), expiresAt: session.expiresAt.toISOString() });
  });
