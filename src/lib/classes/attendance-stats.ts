import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type LeaveShare, leaveShare } from './leave-rule.ts';

/** A cadre's attendance over a class's sessions so far, and their leave measured by the 1/7 rule. */
export interface MemberAttendance {
  /** Sessions attended (scanned or checked in by the trainer). */
  present: number;
  /** Sessions on leave (请假). */
  leave: number;
  /** Closed sessions with neither attendance nor leave. */
  absent: number;
  leaveShare: LeaveShare;
}

/**
 * Attendance of the given people (or of everyone with a record) in one class. The base of the leave
 * share is the sum of hours of all the class's sessions, held or still to come.
 */
export async function classAttendance(db: Kysely<Database>, classId: string, userIds: string[]): Promise<{ totalTenths: number; byUser: Map<string, MemberAttendance> }> {
  const [sessions, records] = await Promise.all([
    db.selectFrom('class_sessions').select(['id', 'hours_tenths', 'status']).where('class_id', '=', classId).execute(),
    db
      .selectFrom('attendance')
      .innerJoin('class_sessions', 'class_sessions.id', 'attendance.session_id')
      .select(['attendance.user_id', 'attendance.session_id', 'attendance.status'])
      .where('class_sessions.class_id', '=', classId)
      .execute(),
  ]);
  const totalTenths = sessions.reduce((sum, s) => sum + s.hours_tenths, 0);
  const hoursOf = new Map(sessions.map((s) => [s.id, s.hours_tenths]));
  const closed = sessions.filter((s) => s.status === 'closed').map((s) => s.id);
  const byUser = new Map<string, MemberAttendance>();
  for (const userId of userIds) {
    const own = records.filter((r) => r.user_id === userId);
    const leaveTenths = own.filter((r) => r.status === 'leave').reduce((sum, r) => sum + (hoursOf.get(r.session_id) ?? 0), 0);
    const recorded = new Set(own.map((r) => r.session_id));
    byUser.set(userId, {
      present: own.filter((r) => r.status === 'present').length,
      leave: own.filter((r) => r.status === 'leave').length,
      absent: closed.filter((id) => !recorded.has(id)).length,
      leaveShare: leaveShare(leaveTenths, totalTenths),
    });
  }
  return { totalTenths, byUser };
}
