import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { type ScopeSubject, scopeOf, usersInScope } from '../org/scope.ts';
import type { Role } from '../users/users.table.ts';
import { getPerson } from '../users/users.ts';
import { newId } from '../util/ids.ts';
import { beijingYear } from './beijing-year.ts';
import { hoursToTenths, requireReason } from './hours-input.ts';
import { creditOnce, reverseEntry } from './ledger.ts';
import { requireCorrectableYear } from './open-years.ts';

/** An adjustment moves a person's hours by at most this many 学时 either way. */
export const MAX_ADJUSTMENT_HOURS = 200;
/** The source title every adjustment entry carries in the ledger. */
export const ADJUSTMENT_TITLE = '学时调整';

/** Organisation staff and admins correct hours; trainers and cadres never do. */
export function mayAdjustHours(actor: { role: Role }): boolean {
  return actor.role === 'staff' || actor.role === 'admin';
}

function requireAdjuster(actor: { role: Role }): void {
  if (!mayAdjustHours(actor)) throw new ForbiddenError('只有组织部门人员和管理员可以调整或冲销学时。');
}

function refuseOwnHours(actor: { id: string }, personId: string): void {
  if (actor.id === personId) throw new ForbiddenError('不能调整或冲销自己的学时，请由其他经办人办理。');
}

export interface AdjustmentInput {
  personId: string;
  /** Signed 学时, one decimal, non-zero, at most ±MAX_ADJUSTMENT_HOURS. */
  hours: number;
  reason: string;
  countsAsRequired?: boolean;
  /** This year by default; the previous year only while it is still open (see open-years.ts). */
  year?: number;
  /** A client-made id: sending the same adjustment twice (double click, retry on a weak network) records it once. */
  requestId?: string;
}

/**
 * Adds an adjustment entry for a person in the actor's scope, with the actor and the reason,
 * and writes an audit row in the same transaction. `created` is false when the request id was seen before.
 */
export async function addAdjustment(db: Kysely<Database>, actor: ScopeSubject, input: AdjustmentInput, now = new Date()) {
  requireAdjuster(actor);
  const hoursTenths = hoursToTenths(input.hours, { min: -MAX_ADJUSTMENT_HOURS, max: MAX_ADJUSTMENT_HOURS }, 'hours', '调整学时');
  if (hoursTenths === 0) throw new ValidationError('调整学时不能为 0。', { field: 'hours' });
  const reason = requireReason(input.reason);
  const year = requireCorrectableYear(input.year ?? beijingYear(now), now);
  const person = await getPerson(db, scopeOf(actor), input.personId);
  refuseOwnHours(actor, person.id);
  const source = `adjustment:${input.requestId ?? newId()}`;
  return db.transaction().execute(async (trx) => {
    const id = newId();
    const credit = { id, userId: person.id, kind: 'adjustment' as const, source, sourceTitle: ADJUSTMENT_TITLE, hoursTenths, reason, year };
    const written = await creditOnce(trx, { ...credit, countsAsRequired: input.countsAsRequired, actorId: actor.id }, now);
    if (!written) {
      const earlier = await trx.selectFrom('hours_ledger').select('id').where('user_id', '=', person.id).where('source', '=', source).executeTakeFirstOrThrow();
      return { entryId: earlier.id, created: false };
    }
    const detail = { personId: person.id, year, hoursTenths, reason, countsAsRequired: Boolean(input.countsAsRequired) };
    await recordAudit(trx, { actorId: actor.id, action: 'hours.adjust', targetType: 'hours_ledger', targetId: id, detail }, now);
    return { entryId: id, created: true };
  });
}

/**
 * Reverses a ledger entry of a person in the actor's scope with a written reason. An entry outside
 * the scope answers exactly like a missing one (404), so entry ids cannot be probed.
 */
export async function reverseEntryInScope(db: Kysely<Database>, actor: ScopeSubject, entryId: string, reason: string, now = new Date()) {
  requireAdjuster(actor);
  const why = requireReason(reason);
  const entry = await db
    .selectFrom('hours_ledger')
    .innerJoin('users', 'users.id', 'hours_ledger.user_id')
    .select(['hours_ledger.id', 'hours_ledger.user_id', 'hours_ledger.year', 'hours_ledger.hours_tenths'])
    .where('hours_ledger.id', '=', entryId)
    .where(usersInScope(scopeOf(actor)))
    .executeTakeFirst();
  if (!entry) throw new NotFoundError('找不到这条学时记录，或它不在您的管理范围内。');
  refuseOwnHours(actor, entry.user_id);
  requireCorrectableYear(entry.year, now, '_');
  return db.transaction().execute(async (trx) => {
    const reversalId = await reverseEntry(trx, entry.id, actor.id, why, now);
    const detail = { personId: entry.user_id, year: entry.year, reversesId: entry.id, hoursTenths: -entry.hours_tenths, reason: why };
    await recordAudit(trx, { actorId: actor.id, action: 'hours.reverse', targetType: 'hours_ledger', targetId: reversalId, detail }, now);
    return { entryId: reversalId };
  });
}
