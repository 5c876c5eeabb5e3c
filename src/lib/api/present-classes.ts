import type { LiveRow } from '../classes/attendance.ts';
import type { ClassDetail } from '../classes/class-detail.ts';
import type { ClassSummary } from '../classes/classes.ts';
import type { LeaveShare } from '../classes/leave-rule.ts';
import type { PersonClass } from '../classes/person-classes.ts';
import type { SessionView } from '../classes/sessions.ts';
import { fromTenths } from '../hours/units.ts';

/** Classes, sessions and attendance as the API sends them: hours in 学时, never a session's secret. */
export function presentClassSummary({ orgUnitId, orgUnitName, trainerId, trainerName, totalTenths, ...rest }: ClassSummary) {
  return { ...rest, orgUnit: { id: orgUnitId, name: orgUnitName }, trainer: { id: trainerId, name: trainerName }, totalHours: fromTenths(totalTenths) };
}

export function presentSession({ hoursTenths, ...session }: SessionView) {
  return { ...session, hours: fromTenths(hoursTenths) };
}

export function presentLeaveShare(share: LeaveShare) {
  return {
    leaveHours: fromTenths(share.leaveTenths),
    totalHours: fromTenths(share.totalTenths),
    allowedHours: fromTenths(share.allowedTenths),
    percent: share.perMille / 10,
    withinLimit: share.withinLimit,
  };
}

export function presentClassDetail(detail: ClassDetail) {
  return {
    ...presentClassSummary(detail.summary),
    viewer: detail.viewer,
    description: detail.description,
    readingCourseId: detail.readingCourseId,
    noteMinChars: detail.noteMinChars,
    readingHours: fromTenths(detail.readingHoursTenths),
    courses: detail.courses,
    sessions: detail.sessions.map(presentSession),
    roster: detail.roster.map(({ login: _login, attendance, ...member }) => ({
      ...member,
      present: attendance.present,
      leave: attendance.leave,
      absent: attendance.absent,
      leaveShare: presentLeaveShare(attendance.leaveShare),
    })),
  };
}

export function presentAttendance({ session, rows, rosterCount }: { session: SessionView; rows: LiveRow[]; rosterCount: number }) {
  return { session: presentSession(session), presentCount: session.presentCount, rosterCount, rows };
}

export function presentPersonClass({ leaveShare, sessions, ...cls }: PersonClass) {
  return { ...cls, leaveShare: presentLeaveShare(leaveShare), sessions: sessions.map(({ hoursTenths, ...s }) => ({ ...s, hours: fromTenths(hoursTenths) })) };
}
