import type { AstroGlobal } from 'astro';

/**
 * Shows the 404 page in place. Rewrites with a fresh bodiless GET, because rewriting the original
 * request fails once a form handler has read its body (a POST for something out of scope would be a 500).
 */
export function rewriteNotFound(Astro: Pick<AstroGlobal, 'rewrite' | 'url' | 'request'>) {
  return Astro.rewrite(new Request(new URL('/404', Astro.url), { headers: Astro.request.headers }));
}
