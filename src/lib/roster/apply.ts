import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type AuditEntry, recordAudits } from '../audit/audit.ts';
import { ConflictError } from '../errors.ts';
import type { Scope } from '../org/scope.ts';
import { newId } from '../util/ids.ts';
import { RosterProblemsError } from './errors.ts';
import { makeInitialPasswords } from './initial-password.ts';
import type { RosterRow } from './parse.ts';
import { type PlannedRow, type PlanSummary, planRoster } from './plan.ts';

/** Someone changed an account the file names between the preview (or the first check) and the write. */
export class RosterChangedError extends ConflictError {
  constructor() {
    super('名单涉及的账号在预览之后有了变化，本次没有做任何修改。请重新预览，核对后再导入。');
  }
}

/** A new account and its initial password: returned once, never stored in clear. */
export interface NewAccount {
  row: number;
  login: string;
  name: string;
  unitPath: string;
  password: string;
}

export interface ApplyResult {
  importId: string | null;
  rows: PlannedRow[];
  summary: PlanSummary;
  accounts: NewAccount[];
}

export interface ApplyOptions {
  /** SHA-256 of the file, kept in the audit log. */
  fileSha256: string;
  /** The digest of the plan the person previewed; when given, any other plan is refused. */
  expectedDigest?: string;
}

const INSERT_BATCH = 100;

async function insertCadres(trx: Transaction<Database>, rows: PlannedRow[], hashes: string[], stamp: string) {
  const ids = rows.map(() => newId());
  for (let i = 0; i < rows.length; i += INSERT_BATCH) {
    const values = rows.slice(i, i + INSERT_BATCH).map((r, j) => ({
      id: ids[i + j]!,
      login: r.login,
      name: r.name,
      password_hash: hashes[i + j]!,
      role: 'cadre' as const,
      org_unit_id: r.unitId,
      scope_unit_id: null,
      position: r.position,
      phone: r.phone,
      active: 1,
      created_at: stamp,
      updated_at: stamp,
    }));
    const inserted = await trx.insertInto('users').values(values).onConflict((oc) => oc.column('login').doNothing()).returning('id').execute();
    if (inserted.length !== values.length) throw new RosterChangedError();
  }
  return ids;
}

async function updateCadres(trx: Transaction<Database>, rows: PlannedRow[], stamp: string) {
  for (const r of rows) {
    const result = await trx
      .updateTable('users')
      .set({ name: r.name, org_unit_id: r.unitId, position: r.position, phone: r.phone, updated_at: stamp })
      .where('id', '=', r.userId!)
      .where('updated_at', '=', r.seenUpdatedAt!)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new RosterChangedError();
  }
}

/**
 * Applies a roster in one transaction: creates the new cadres (random initial passwords, hashed
 * before the transaction opens so it stays short), updates the changed ones, writes the audit log.
 * The plan is made again inside the transaction; any problem, or any difference from the plan
 * checked before (or previewed), rolls everything back. Unchanged rows are not written at all.
 */
export async function applyRoster(
  db: Kysely<Database>,
  actor: { id: string; scope: Scope },
  rows: RosterRow[],
  options: ApplyOptions,
  now = new Date(),
): Promise<ApplyResult> {
  const before = await planRoster(db, actor.scope, rows);
  if (!before.ok) throw new RosterProblemsError(before.problems);
  if (options.expectedDigest !== undefined && options.expectedDigest !== before.digest) throw new RosterChangedError();
  const creates = before.rows.filter((r) => r.action === 'create');
  const updates = before.rows.filter((r) => r.action === 'update');
  if (creates.length === 0 && updates.length === 0) return { importId: null, rows: before.rows, summary: before.summary, accounts: [] };

  const passwords = await makeInitialPasswords(creates.length);
  const importId = newId();
  const stamp = now.toISOString();
  let ids: string[] = [];
  await db.transaction().execute(async (trx) => {
    const plan = await planRoster(trx, actor.scope, rows);
    if (!plan.ok) throw new RosterProblemsError(plan.problems);
    if (plan.digest !== before.digest) throw new RosterChangedError();
    ids = await insertCadres(trx, creates, passwords.map((p) => p.hash), stamp);
    await updateCadres(trx, updates, stamp);
    const via = { via: 'roster_import', importId };
    const audit: AuditEntry[] = [
      { actorId: actor.id, action: 'roster.import', targetType: 'roster_import', targetId: importId, detail: { sha256: options.fileSha256, ...before.summary } },
      ...creates.map((r, i) => ({ actorId: actor.id, action: 'user.create', targetType: 'user', targetId: ids[i]!, detail: { login: r.login, role: 'cadre', ...via } })),
      ...updates.map((r) => ({
        actorId: actor.id,
        action: 'user.update',
        targetType: 'user',
        targetId: r.userId!,
        detail: { changes: Object.fromEntries(r.changes.map((c) => [c.field, { from: c.from, to: c.to }])), ...via },
      })),
    ];
    await recordAudits(trx, audit, now);
  });
  const newIds = new Map(creates.map((r, i) => [r.row, ids[i]!]));
  const accounts = creates.map((r, i) => ({ row: r.row, login: r.login, name: r.name, unitPath: r.unitPath, password: passwords[i]!.password }));
  const rowsWithIds = before.rows.map((r) => (r.action === 'create' ? { ...r, userId: newIds.get(r.row)! } : r));
  return { importId, rows: rowsWithIds, summary: before.summary, accounts };
}
