import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import type { Role } from '../users/users.table.ts';
import type { CurrentUser } from './session.ts';

/** The signed-in user, or UnauthenticatedError (401 / redirect to login). */
export function requireUser(locals: { user: CurrentUser | null }): CurrentUser {
  if (!locals.user) throw new UnauthenticatedError();
  return locals.user;
}

/** The signed-in user if they hold one of the roles, else ForbiddenError. */
export function requireRole(locals: { user: CurrentUser | null }, ...roles: Role[]): CurrentUser {
  const user = requireUser(locals);
  if (!roles.includes(user.role)) throw new ForbiddenError();
  return user;
}
