import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { ConflictError, NotFoundError, ValidationError } from '../errors.ts';
import { newId } from '../util/ids.ts';
import { beijingYear } from './beijing-year.ts';
import type { LedgerKind } from './hours.table.ts';

export interface Credit {
  /** The new row's id; made here when not given. */
  id?: string;
  userId: string;
  kind: LedgerKind;
  /** Unique per person: the same source is never credited twice. */
  source: string;
  sourceTitle: string;
  hoursTenths: number;
  reason?: string;
  countsAsRequired?: boolean;
  actorId?: string | null;
  reversesId?: string | null;
  /** The ledger year; by default the Beijing year of `now` (a reversal keeps the year of what it cancels). */
  year?: number;
}

/**
 * Appends a credit unless this person already has one for the source. Safe under concurrency:
 * the unique (user, source) constraint decides, so parallel completions credit exactly once.
 * Returns true when this call wrote the row.
 */
export async function creditOnce(db: Kysely<Database>, credit: Credit, now = new Date()): Promise<boolean> {
  const result = await db
    .insertInto('hours_ledger')
    .values({
      id: credit.id ?? newId(),
      user_id: credit.userId,
      year: credit.year ?? beijingYear(now),
      hours_tenths: credit.hoursTenths,
      kind: credit.kind,
      source: credit.source,
      source_title: credit.sourceTitle,
      reason: credit.reason ?? '',
      counts_as_required: credit.countsAsRequired ? 1 : 0,
      actor_id: credit.actorId ?? null,
      reverses_id: credit.reversesId ?? null,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['user_id', 'source']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * Cancels an entry with a new, opposite entry in the same year (the original stays); an entry is
 * reversed at most once. Returns the id of the reversal entry.
 */
export async function reverseEntry(db: Kysely<Database>, entryId: string, actorId: string, reason: string, now = new Date()): Promise<string> {
  if (!reason.trim()) throw new ValidationError('冲销必须写明原因。', { field: 'reason' });
  const entry = await db.selectFrom('hours_ledger').selectAll().where('id', '=', entryId).executeTakeFirst();
  if (!entry) throw new NotFoundError('找不到这条学时记录。');
  if (entry.reverses_id) throw new ConflictError('冲销记录本身不能再冲销；如需更正，请做一次学时调整。');
  const id = newId();
  const written = await creditOnce(
    db,
    {
      id,
      userId: entry.user_id,
      kind: entry.kind,
      source: `reversal:${entry.id}`,
      sourceTitle: `冲销：${entry.source_title}`,
      hoursTenths: -entry.hours_tenths,
      reason,
      countsAsRequired: Boolean(entry.counts_as_required),
      actorId,
      reversesId: entry.id,
      year: entry.year,
    },
    now,
  );
  if (!written) throw new ConflictError('这条记录已经冲销过了。');
  return id;
}

export interface YearTotals {
  totalTenths: number;
  requiredTenths: number;
}

/** Sums of a person's ledger for a year: all hours, and hours from required courses. */
export async function yearTotals(db: Kysely<Database>, userId: string, year: number): Promise<YearTotals> {
  const row = await db
    .selectFrom('hours_ledger')
    .select([
      sql<number>`cast(coalesce(sum(hours_tenths), 0) as integer)`.as('total'),
      sql<number>`cast(coalesce(sum(case when counts_as_required = 1 then hours_tenths else 0 end), 0) as integer)`.as('required'),
    ])
    .where('user_id', '=', userId)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  return { totalTenths: Number(row.total), requiredTenths: Number(row.required) };
}

export interface LedgerEntry {
  id: string;
  year: number;
  hoursTenths: number;
  kind: LedgerKind;
  source: string;
  sourceTitle: string;
  reason: string;
  countsAsRequired: boolean;
  actorName: string | null;
  reversesId: string | null;
  createdAt: string;
}

/** A person's ledger for one year (or every year), oldest first, with who made each manual entry. */
export async function listLedger(db: Kysely<Database>, userId: string, year?: number): Promise<LedgerEntry[]> {
  let query = db
    .selectFrom('hours_ledger')
    .leftJoin('users as actor', 'actor.id', 'hours_ledger.actor_id')
    .select([
      'hours_ledger.id',
      'hours_ledger.year',
      'hours_ledger.hours_tenths',
      'hours_ledger.kind',
      'hours_ledger.source',
      'hours_ledger.source_title',
      'hours_ledger.reason',
      'hours_ledger.counts_as_required',
      'hours_ledger.reverses_id',
      'hours_ledger.created_at',
      'actor.name as actor_name',
    ])
    .where('hours_ledger.user_id', '=', userId);
  if (year !== undefined) query = query.where('hours_ledger.year', '=', year);
  const rows = await query.orderBy('hours_ledger.created_at').orderBy('hours_ledger.id').execute();
  return rows.map((r) => ({
    id: r.id,
    year: r.year,
    hoursTenths: r.hours_tenths,
    kind: r.kind,
    source: r.source,
    sourceTitle: r.source_title,
    reason: r.reason,
    countsAsRequired: Boolean(r.counts_as_required),
    actorName: r.actor_name,
    reversesId: r.reverses_id,
    createdAt: r.created_at,
  }));
}

/** Years in which the person has ledger entries, newest first, always including `current`. */
export async function ledgerYears(db: Kysely<Database>, userId: string, current: number): Promise<number[]> {
  const rows = await db.selectFrom('hours_ledger').select('year').distinct().where('user_id', '=', userId).execute();
  return [...new Set([current, ...rows.map((r) => Number(r.year))])].sort((a, b) => b - a);
}
