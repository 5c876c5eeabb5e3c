import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { requireReason } from '../hours/hours-input.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { isMember } from './access.ts';
import type { ContentLookup } from './content-lookup.ts';
import { lockOpenSession, requireManagedSession, toSessionView } from './sessions.ts';

/** What the trainer records by hand: a check-in for someone whose scan failed, or leave (请假). Both need a reason. */
export interface ManualEntry {
  userId: string;
  status: 'present' | 'leave';
  reason: string;
}

const CLOSED = '本场已结束考勤，不能再更改。如需补记学时，请由组织部门做学时调整。';

/**
 * Records a manual check-in or a leave for a cadre on the roster, with the actor and the reason, in
 * attendance and in the audit log (one transaction). Someone already present cannot be put on leave
 * or checked in again; someone on leave may be checked in (they came after all).
 */
export async function recordManualEntry(db: Kysely<Database>, actor: ScopeSubject, classId: string, sessionId: string, entry: ManualEntry, now = new Date()) {
  const { session } = await requireManagedSession(db, actor, classId, sessionId);
  if (session.status === 'closed') throw new ConflictError(CLOSED);
  const reason = requireReason(entry.reason);
  if (!(await isMember(db, classId, entry.userId))) throw new NotFoundError('该学员不在本班次的名单中。');
  const stamp = now.toISOString();
  return db.transaction().execute(async (trx) => {
    if (!(await lockOpenSession(trx, sessionId))) throw new ConflictError(CLOSED);
    const row = { status: entry.status, method: 'manual' as const, reason, actor_id: actor.id, recorded_at: stamp };
    const inserted = await trx
      .insertInto('attendance')
      .values({ session_id: sessionId, user_id: entry.userId, ...row })
      .onConflict((oc) => oc.columns(['session_id', 'user_id']).doNothing())
      .executeTakeFirst();
    let previous: string | null = null;
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      const existing = await trx.selectFrom('attendance').select('status').where('session_id', '=', sessionId).where('user_id', '=', entry.userId).executeTakeFirstOrThrow();
      previous = existing.status;
      if (existing.status === 'present') throw new ConflictError(entry.status === 'leave' ? '该学员已签到，不能再记请假。' : '该学员已签到，无需补签到。');
      if (entry.status === 'leave') throw new ConflictError('该学员已记请假。');
      await trx.updateTable('attendance').set(row).where('session_id', '=', sessionId).where('user_id', '=', entry.userId).where('status', '=', 'leave').execute();
    }
    const action = entry.status === 'leave' ? 'attendance.leave' : 'attendance.manual_checkin';
    await recordAudit(trx, { actorId: actor.id, action, targetType: 'class_session', targetId: sessionId, detail: { classId, userId: entry.userId, reason, previous } }, now);
    return { status: entry.status, recordedAt: stamp };
  });
}

export type LiveStatus = 'present' | 'leave' | 'pending' | 'absent';

/** One row of the trainer's live page. */
export interface LiveRow {
  userId: string;
  name: string;
  orgUnitName: string;
  status: LiveStatus;
  method: 'qr' | 'manual' | null;
  reason: string;
  recordedAt: string | null;
  actorName: string | null;
  /** False for someone with a record who has left the roster since. */
  onRoster: boolean;
}

const ORDER: Record<LiveStatus, number> = { present: 0, leave: 1, pending: 2, absent: 2 };

/**
 * Who has checked in, who is on leave and who not yet (absent once the session is closed): everyone
 * on the roster, plus anyone with a record who has left the roster since. Latest check-ins first.
 */
export async function liveAttendance(db: Kysely<Database>, classId: string, session: { id: string; status: 'scheduled' | 'closed' }): Promise<LiveRow[]> {
  const [members, records] = await Promise.all([
    db
      .selectFrom('class_members')
      .innerJoin('users', 'users.id', 'class_members.user_id')
      .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
      .select(['users.id', 'users.name', 'org_units.name as unit_name', 'org_units.path'])
      .where('class_members.class_id', '=', classId)
      .orderBy('org_units.path')
      .orderBy('users.login')
      .execute(),
    db
      .selectFrom('attendance')
      .innerJoin('users', 'users.id', 'attendance.user_id')
      .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
      .leftJoin('users as actor', 'actor.id', 'attendance.actor_id')
      .select(['attendance.user_id', 'attendance.status', 'attendance.method', 'attendance.reason', 'attendance.recorded_at', 'users.name', 'org_units.name as unit_name', 'actor.name as actor_name'])
      .where('attendance.session_id', '=', session.id)
      .execute(),
  ]);
  const byUser = new Map(records.map((r) => [r.user_id, r]));
  const rows: LiveRow[] = members.map((m) => {
    const r = byUser.get(m.id);
    byUser.delete(m.id);
    return r
      ? { userId: m.id, name: m.name, orgUnitName: m.unit_name, status: r.status, method: r.method, reason: r.reason, recordedAt: r.recorded_at, actorName: r.actor_name, onRoster: true }
      : { userId: m.id, name: m.name, orgUnitName: m.unit_name, status: session.status === 'closed' ? 'absent' : 'pending', method: null, reason: '', recordedAt: null, actorName: null, onRoster: true };
  });
  for (const r of byUser.values()) {
    rows.push({ userId: r.user_id, name: r.name, orgUnitName: r.unit_name, status: r.status, method: r.method, reason: r.reason, recordedAt: r.recorded_at, actorName: r.actor_name, onRoster: false });
  }
  return rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => ORDER[a.row.status] - ORDER[b.row.status] || (b.row.recordedAt ?? '').localeCompare(a.row.recordedAt ?? '') || a.i - b.i)
    .map(({ row }) => row);
}

/** The live page's data: the session (without its secret), every row, and the roster's size. */
export async function sessionAttendance(db: Kysely<Database>, actor: ScopeSubject, classId: string, sessionId: string, content: ContentLookup) {
  const { session } = await requireManagedSession(db, actor, classId, sessionId);
  const rows = await liveAttendance(db, classId, session);
  const count = (status: LiveStatus) => rows.filter((r) => r.status === status).length;
  return { session: toSessionView(session, { present: count('present'), leave: count('leave') }, content), rows, rosterCount: rows.filter((r) => r.onRoster).length };
}
