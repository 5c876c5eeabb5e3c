import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Scope } from '../org/scope.ts';
import type { RowProblem } from './errors.ts';
import type { RosterRow } from './parse.ts';
import type { UnitDirectory } from './unit-directory.ts';
import { type CheckedRow, validateRoster } from './validate.ts';

export type PlannedAction = 'create' | 'update' | 'unchanged';

export const ACTION_LABELS: Record<PlannedAction, string> = { create: '新建', update: '修改', unchanged: '无变化' };

export type ChangedField = 'name' | 'unit' | 'position' | 'phone';

export const FIELD_LABELS: Record<ChangedField, string> = { name: '姓名', unit: '单位', position: '职务', phone: '联系电话' };

/** One field of an existing cadre that the import changes, old → new (units as slash paths). */
export interface FieldChange {
  field: ChangedField;
  from: string;
  to: string;
}

/** What applying the file would do to one row's account. */
export interface PlannedRow {
  row: number;
  action: PlannedAction;
  login: string;
  name: string;
  unitId: string;
  unitPath: string;
  /** The position the account will have (an empty cell keeps the current one). */
  position: string;
  phone: string | null;
  /** The existing account, for updates and unchanged rows. */
  userId: string | null;
  /** The account's updated_at when planned: apply changes it only if nobody did meanwhile. */
  seenUpdatedAt: string | null;
  changes: FieldChange[];
}

export interface PlanSummary {
  create: number;
  update: number;
  unchanged: number;
  total: number;
}

export type RosterPlan = { ok: true; rows: PlannedRow[]; summary: PlanSummary; digest: string } | { ok: false; problems: RowProblem[] };

/** Compares one checked row with the account it names (if any). */
function planRow(row: CheckedRow, directory: UnitDirectory): PlannedRow {
  const existing = row.existing;
  const unitPath = directory.pathName(row.unit.id);
  const base = { row: row.row, login: row.login, name: row.name, unitId: row.unit.id, unitPath };
  if (!existing) {
    return { ...base, action: 'create', position: row.position, phone: row.phone, userId: null, seenUpdatedAt: null, changes: [] };
  }
  const position = row.position || existing.position;
  const phone = row.phone ?? existing.phone;
  const changes: FieldChange[] = [];
  if (row.name !== existing.name) changes.push({ field: 'name', from: existing.name, to: row.name });
  if (row.unit.id !== existing.orgUnitId) changes.push({ field: 'unit', from: directory.pathName(existing.orgUnitId), to: unitPath });
  if (position !== existing.position) changes.push({ field: 'position', from: existing.position, to: position });
  if (phone !== existing.phone) changes.push({ field: 'phone', from: existing.phone ?? '', to: phone ?? '' });
  return { ...base, action: changes.length ? 'update' : 'unchanged', position, phone, userId: existing.id, seenUpdatedAt: existing.updatedAt, changes };
}

export function summarise(rows: PlannedRow[]): PlanSummary {
  const count = (action: PlannedAction) => rows.filter((r) => r.action === action).length;
  return { create: count('create'), update: count('update'), unchanged: count('unchanged'), total: rows.length };
}

/** A fingerprint of what the plan would write: the apply step refuses if it differs from the previewed one. */
export function planDigest(rows: PlannedRow[]): string {
  const essence = rows.map((r) => [r.row, r.action, r.login, r.name, r.unitId, r.position, r.phone, r.userId, r.seenUpdatedAt]);
  return createHash('sha256').update(JSON.stringify(essence)).digest('hex');
}

/** The dry run: every problem of the file, or per row what applying it would do. Reads only. */
export async function planRoster(db: Kysely<Database>, scope: Scope, rows: RosterRow[]): Promise<RosterPlan> {
  const validation = await validateRoster(db, scope, rows);
  if (validation.problems.length) return { ok: false, problems: validation.problems };
  const planned = validation.rows.map((row) => planRow(row, validation.directory));
  return { ok: true, rows: planned, summary: summarise(planned), digest: planDigest(planned) };
}
