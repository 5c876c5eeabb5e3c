import { defineMiddleware } from 'astro:middleware';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from './lib/auth/cookie.ts';
import { pageAccess } from './lib/auth/page-access.ts';
import { validateSessionToken } from './lib/auth/session.ts';
import { database } from './lib/db.ts';
import { errorBody } from './lib/http/errors.ts';
import { cookieSecure, isCrossSite } from './lib/http/client.ts';
import { isDemoDatabase } from './lib/settings/settings.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function withSecurityHeaders(response: Response, isApi: boolean): Response {
  const headers = response.headers;
  try {
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'same-origin');
    if (!headers.has('X-Frame-Options')) headers.set('X-Frame-Options', 'SAMEORIGIN');
    if (isApi && !headers.has('Cache-Control')) headers.set('Cache-Control', 'no-store');
  } catch {
    // Immutable headers (e.g. a redirect built by the runtime): leave them as they are.
  }
  return response;
}

export const onRequest = defineMiddleware(async (context, next) => {
  if (context.isPrerendered) return next();
  const { url, request, cookies, locals } = context;
  const isApi = url.pathname.startsWith('/api/');

  if (!SAFE_METHODS.has(request.method) && isCrossSite(request, url)) {
    const refusal = isApi
      ? Response.json(errorBody('cross_site_request', '拒绝跨站请求。'), { status: 403 })
      : new Response('拒绝跨站提交：请从本站页面提交表单。', { status: 403, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    return withSecurityHeaders(refusal, isApi);
  }

  const db = await database();
  locals.db = db;
  locals.user = null;
  locals.session = null;
  locals.demo = await isDemoDatabase(db);

  const token = cookies.get(SESSION_COOKIE)?.value;
  if (token) {
    const result = await validateSessionToken(db, token);
    if (result.session) {
      locals.user = result.user;
      locals.session = result.session;
      if (result.renewed) setSessionCookie(cookies, token, result.session.expiresAt, cookieSecure(request, url));
    } else {
      clearSessionCookie(cookies);
    }
  }

  if (!isApi) {
    const access = pageAccess(url.pathname, locals.user?.role ?? null);
    if (access === 'login') {
      const nextPath = encodeURIComponent(url.pathname + url.search);
      return context.redirect(`/login?next=${nextPath}`, 303);
    }
    if (access === 'forbidden') return withSecurityHeaders(await context.rewrite('/403'), false);
  }

  const response = await next();
  if (isApi && response.status === 404 && !response.headers.get('content-type')?.includes('json')) {
    // A matched endpoint that does not export this method answers 404 in Astro; say 405 instead.
    const matched = context.routePattern.startsWith('/api/');
    const body = matched ? errorBody('method_not_allowed', `此接口不支持 ${request.method} 方法。`) : errorBody('not_found', '没有这个接口。');
    return withSecurityHeaders(Response.json(body, { status: matched ? 405 : 404 }), true);
  }
  return withSecurityHeaders(response, isApi);
});
