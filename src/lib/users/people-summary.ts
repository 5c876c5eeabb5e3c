import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type Scope, usersInScope } from '../org/scope.ts';
import type { Role } from './users.table.ts';

/** Active accounts in the scope, counted per role. */
export async function countPeopleByRole(db: Kysely<Database>, scope: Scope): Promise<Record<Role, number>> {
  const rows = await db
    .selectFrom('users')
    .select(['users.role', sql<number>`cast(count(*) as integer)`.as('n')])
    .where(usersInScope(scope))
    .where('users.active', '=', 1)
    .groupBy('users.role')
    .execute();
  const counts: Record<Role, number> = { cadre: 0, trainer: 0, staff: 0, admin: 0 };
  for (const row of rows) counts[row.role] = Number(row.n);
  return counts;
}
