import { config } from '../config.ts';

/** The client's address: the socket's, or the first X-Forwarded-For hop when a trusted proxy sits in front. */
export function clientIp(request: Request, socketAddress: string | undefined): string {
  if (config.trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  return socketAddress || 'unknown';
}

/** Whether the browser reached us over https (directly or through a trusted proxy). */
export function isHttps(request: Request, url: URL): boolean {
  if (url.protocol === 'https:') return true;
  return config.trustProxy && request.headers.get('x-forwarded-proto') === 'https';
}

const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i;

/**
 * Whether a state-changing request must be refused as cross-site (CSRF). Refused: a browser saying
 * `Sec-Fetch-Site: cross-site`, an Origin naming another host, and a form-type body with no Origin at all
 * (browsers always send one on form posts; Astro's own checkOrigin has the same rule).
 * A JSON body without Origin comes from a non-browser client, which holds no victim's cookie.
 */
export function isCrossSite(request: Request, url: URL): boolean {
  if (request.headers.get('sec-fetch-site') === 'cross-site') return true;
  const origin = request.headers.get('origin');
  if (!origin) {
    return FORM_TYPES.test(request.headers.get('content-type') ?? '');
  }
  if (origin === 'null') return true;
  try {
    const host = config.trustProxy ? (request.headers.get('x-forwarded-host') ?? url.host) : url.host;
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Secure cookies over https; COOKIE_SECURE=true|false overrides. */
export function cookieSecure(request: Request, url: URL): boolean {
  if (config.cookieSecure === 'true') return true;
  if (config.cookieSecure === 'false') return false;
  return isHttps(request, url);
}
