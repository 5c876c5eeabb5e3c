import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type Scope, usersInScope } from '../org/scope.ts';

/** Distinct non-empty positions of the active people in the scope, sorted (for choosing a target rule's match). */
export async function listPositionsInUse(db: Kysely<Database>, scope: Scope): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('users.position')
    .distinct()
    .where(usersInScope(scope))
    .where('users.active', '=', 1)
    .where('users.position', '!=', '')
    .execute();
  return rows.map((r) => r.position).sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
