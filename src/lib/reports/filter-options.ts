import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { usersInScope, type Scope } from '../org/scope.ts';

/** Positions held by cadres in the scope, for the report's position filter. */
export async function positionsInScope(db: Kysely<Database>, scope: Scope): Promise<string[]> {
  const rows = await db.selectFrom('users').select('position').distinct().where(usersInScope(scope)).where('role', '=', 'cadre').where('position', '!=', '').execute();
  return rows.map((r) => r.position).sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
