import { SESSION_LIFETIME_MS } from './session.ts';

export const SESSION_COOKIE = 'jt_session';

/** The part of Astro's cookie API that sessions need (kept structural so this stays framework-free). */
export interface CookieJar {
  get(name: string): { value: string } | undefined;
  set(name: string, value: string, options: Record<string, unknown>): void;
  delete(name: string, options: Record<string, unknown>): void;
}

/** Writes the session cookie: HttpOnly, SameSite=Lax, Secure over https. */
export function setSessionCookie(cookies: CookieJar, token: string, expiresAt: Date, secure: boolean): void {
  cookies.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: expiresAt,
    maxAge: Math.floor(SESSION_LIFETIME_MS / 1000),
  });
}

export function clearSessionCookie(cookies: CookieJar): void {
  cookies.delete(SESSION_COOKIE, { path: '/' });
}
