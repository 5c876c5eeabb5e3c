import type { Role } from '../users/users.table.ts';

/** Pages anyone may open without signing in. */
const PUBLIC_PAGES = ['/login', '/404', '/403', '/verify'];

const EVERYONE: Role[] = ['cadre', 'trainer', 'staff', 'admin'];

/** Path prefixes (or patterns) limited to some roles; the first match wins. Pages not listed need any signed-in user. */
const ROLE_PAGES: Array<{ prefix: string | RegExp; roles: Role[] }> = [
  { prefix: '/admin', roles: ['admin'] },
  { prefix: '/people/import', roles: ['staff', 'admin'] },
  { prefix: '/people', roles: ['staff', 'trainer', 'admin'] },
  { prefix: '/reports', roles: ['staff', 'trainer', 'admin'] },
  { prefix: '/targets', roles: ['staff', 'trainer', 'admin'] },
  // A class's reading notes and completion are for its members too; those pages check membership themselves.
  { prefix: /^\/classes\/[^/]+\/(notes|completion)(\/|$)/, roles: EVERYONE },
  { prefix: '/classes', roles: ['staff', 'trainer', 'admin'] },
  { prefix: '/authoring', roles: ['staff', 'trainer', 'admin'] },
];

function matches(pathname: string, prefix: string | RegExp): boolean {
  if (prefix instanceof RegExp) return prefix.test(pathname);
  return pathname === prefix || pathname.startsWith(prefix + '/');
}

export type PageAccess = 'allow' | 'login' | 'forbidden';

/** Decides whether a page request may go ahead, must sign in first, or is forbidden for this role. */
export function pageAccess(pathname: string, role: Role | null): PageAccess {
  if (PUBLIC_PAGES.some((p) => matches(pathname, p))) return 'allow';
  if (!role) return 'login';
  const rule = ROLE_PAGES.find((r) => matches(pathname, r.prefix));
  return !rule || rule.roles.includes(role) ? 'allow' : 'forbidden';
}

/** Only same-site relative paths are followed after login, never another host. */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
