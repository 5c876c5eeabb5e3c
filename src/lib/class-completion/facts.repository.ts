import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { classSubject } from '../certificates/issue.ts';

/** The only place with SQL for class completion: what happened in a class, for all members or one. */

export interface MemberRow {
  id: string;
  name: string;
  login: string;
  unitName: string;
}

export interface ClassRecords {
  members: MemberRow[];
  /** Sessions held (closed), with their hours. */
  sessions: Array<{ id: string; hoursTenths: number }>;
  attendance: Array<{ sessionId: string; userId: string; status: 'present' | 'leave' }>;
  courseIds: string[];
  enrollments: Array<{ userId: string; courseId: string; completedAt: string | null; quizPassedAt: string | null }>;
  approvedNotes: Array<{ userId: string; readingKey: string }>;
  certificates: Array<{ userId: string; code: string }>;
}

/** Everything the completion rule reads for a class; `onlyUserId` narrows it to one member. */
export async function loadClassRecords(db: Kysely<Database>, classId: string, onlyUserId?: string): Promise<ClassRecords> {
  let membersQuery = db
    .selectFrom('class_members')
    .innerJoin('users', 'users.id', 'class_members.user_id')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(['users.id', 'users.name', 'users.login', 'org_units.name as unitName'])
    .where('class_members.class_id', '=', classId)
    .orderBy('org_units.path')
    .orderBy('users.name')
    .orderBy('users.id');
  if (onlyUserId) membersQuery = membersQuery.where('users.id', '=', onlyUserId);
  const only = onlyUserId ? [onlyUserId] : null;

  const [members, sessions, attendance, courses, enrollments, approvedNotes, certificates] = await Promise.all([
    membersQuery.execute(),
    db.selectFrom('class_sessions').select(['id', 'hours_tenths']).where('class_id', '=', classId).where('status', '=', 'closed').execute(),
    db
      .selectFrom('attendance')
      .innerJoin('class_sessions', 'class_sessions.id', 'attendance.session_id')
      .select(['attendance.session_id', 'attendance.user_id', 'attendance.status'])
      .where('class_sessions.class_id', '=', classId)
      .where('class_sessions.status', '=', 'closed')
      .$if(only !== null, (q) => q.where('attendance.user_id', 'in', only!))
      .execute(),
    db.selectFrom('class_courses').select('course_id').where('class_id', '=', classId).orderBy('course_id').execute(),
    db
      .selectFrom('enrollments')
      .innerJoin('class_courses', 'class_courses.course_id', 'enrollments.course_id')
      .innerJoin('class_members', (join) => join.onRef('class_members.user_id', '=', 'enrollments.user_id').onRef('class_members.class_id', '=', 'class_courses.class_id'))
      .select(['enrollments.user_id', 'enrollments.course_id', 'enrollments.completed_at', 'enrollments.quiz_passed_at'])
      .where('class_courses.class_id', '=', classId)
      .$if(only !== null, (q) => q.where('enrollments.user_id', 'in', only!))
      .execute(),
    db
      .selectFrom('reading_notes')
      .select(['user_id', 'reading_key'])
      .where('class_id', '=', classId)
      .where('status', '=', 'approved')
      .$if(only !== null, (q) => q.where('user_id', 'in', only!))
      .execute(),
    db
      .selectFrom('certificates')
      .select(['user_id', 'code'])
      .where('kind', '=', 'class')
      .where('subject', '=', classSubject(classId))
      .$if(only !== null, (q) => q.where('user_id', 'in', only!))
      .execute(),
  ]);
  return {
    members,
    sessions: sessions.map((s) => ({ id: s.id, hoursTenths: s.hours_tenths })),
    attendance: attendance.map((a) => ({ sessionId: a.session_id, userId: a.user_id, status: a.status })),
    courseIds: courses.map((c) => c.course_id),
    enrollments: enrollments.map((e) => ({ userId: e.user_id, courseId: e.course_id, completedAt: e.completed_at, quizPassedAt: e.quiz_passed_at })),
    approvedNotes: approvedNotes.map((n) => ({ userId: n.user_id, readingKey: n.reading_key })),
    certificates: certificates.map((c) => ({ userId: c.user_id, code: c.code })),
  };
}
