import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import type { Role } from '../users/users.table.ts';

/**
 * Whose data a person may see. The one place the rule lives:
 * admin sees everyone; staff and trainers see their unit's subtree; a cadre sees only themself.
 */
export type Scope =
  | { kind: 'all' }
  | { kind: 'subtree'; orgUnitPath: string }
  | { kind: 'self'; userId: string };

export interface ScopeSubject {
  id: string;
  role: Role;
  /** Path of the subtree the person manages (see CurrentUser.scopePath). */
  scopePath: string;
}

/** The scope that follows from a person's role and unit. */
export function scopeOf(user: ScopeSubject): Scope {
  switch (user.role) {
    case 'admin':
      return { kind: 'all' };
    case 'staff':
    case 'trainer':
      return { kind: 'subtree', orgUnitPath: user.scopePath };
    default:
      return { kind: 'self', userId: user.id };
  }
}

/** True when a unit (by its path) lies inside the scope. A cadre's scope covers no unit. */
export function scopeCoversUnit(scope: Scope, unitPath: string): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'subtree') return unitPath.startsWith(scope.orgUnitPath);
  return false;
}

/** True when a person (by id and unit path) lies inside the scope. */
export function scopeCoversPerson(scope: Scope, person: { id: string; orgUnitPath: string }): boolean {
  if (scope.kind === 'self') return person.id === scope.userId;
  return scopeCoversUnit(scope, person.orgUnitPath);
}

/** LIKE pattern for a subtree. Paths hold base32 ids and slashes only, so no wildcard can occur in them. */
function likePrefix(path: string): string {
  return path + '%';
}

/** Kysely filter for rows of `users` inside the scope: add with `.where(usersInScope(scope))`. */
export function usersInScope(scope: Scope) {
  return (eb: ExpressionBuilder<Database, 'users'>) => {
    if (scope.kind === 'all') return eb.lit(true);
    if (scope.kind === 'self') return eb('users.id', '=', scope.userId);
    return eb(
      'users.org_unit_id',
      'in',
      eb.selectFrom('org_units').select('org_units.id').where('org_units.path', 'like', likePrefix(scope.orgUnitPath)),
    );
  };
}

/** Kysely filter for rows of `org_units` inside the scope. */
export function unitsInScope(scope: Scope) {
  return (eb: ExpressionBuilder<Database, 'org_units'>) => {
    if (scope.kind === 'all') return eb.lit(true);
    if (scope.kind === 'self') return eb.lit(false);
    return eb('org_units.path', 'like', likePrefix(scope.orgUnitPath));
  };
}

/** Loads a unit the scope covers, or throws NotFound (same answer whether it exists or not). */
export async function requireUnitInScope(db: Kysely<Database>, scope: Scope, unitId: string) {
  const unit = await db.selectFrom('org_units').selectAll().where('id', '=', unitId).executeTakeFirst();
  if (!unit || !scopeCoversUnit(scope, unit.path)) throw new NotFoundError('找不到该单位，或它不在您的管理范围内。');
  return unit;
}

/** Throws unless the scope reaches beyond the person's own record. */
export function requireManagerScope(scope: Scope): void {
  if (scope.kind === 'self') throw new ForbiddenError();
}
