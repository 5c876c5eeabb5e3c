import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { newId } from '../util/ids.ts';
import { type ClassRecord, requireManagedClass } from './access.ts';
import { newTokenSecret } from './checkin-code.ts';
import type { ClassSessionsTable } from './classes.table.ts';
import type { ContentLookup } from './content-lookup.ts';
import { checkRecording, checkSessionFields, type SessionFields } from './session-input.ts';

/** A session as pages and the API show it: never its token secret. */
export interface SessionView {
  id: string;
  classId: string;
  startsAt: string;
  endsAt: string;
  place: string;
  speaker: string;
  topic: string;
  hoursTenths: number;
  checkinOpensAt: string;
  checkinClosesAt: string;
  recording: { lessonId: string; title: string } | null;
  status: 'scheduled' | 'closed';
  closedAt: string | null;
  presentCount: number;
  leaveCount: number;
}

export function toSessionView(row: ClassSessionsTable, counts: { present: number; leave: number }, content: ContentLookup): SessionView {
  const lesson = row.recording_lesson_id ? content.lesson(row.recording_lesson_id) : undefined;
  return {
    id: row.id,
    classId: row.class_id,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    speaker: row.speaker,
    topic: row.topic,
    hoursTenths: row.hours_tenths,
    checkinOpensAt: row.checkin_opens_at,
    checkinClosesAt: row.checkin_closes_at,
    recording: row.recording_lesson_id ? { lessonId: row.recording_lesson_id, title: lesson ? `${lesson.courseTitle} · ${lesson.title}` : row.recording_lesson_id } : null,
    status: row.status,
    closedAt: row.closed_at,
    presentCount: counts.present,
    leaveCount: counts.leave,
  };
}

/** The sessions of a class in time order, with how many attended and how many were on leave. */
export async function listSessions(db: Kysely<Database>, classId: string, content: ContentLookup): Promise<SessionView[]> {
  const [rows, counts] = await Promise.all([
    db.selectFrom('class_sessions').selectAll().where('class_id', '=', classId).orderBy('starts_at').orderBy('id').execute(),
    db
      .selectFrom('attendance')
      .innerJoin('class_sessions', 'class_sessions.id', 'attendance.session_id')
      .select(['attendance.session_id', 'attendance.status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('class_sessions.class_id', '=', classId)
      .groupBy(['attendance.session_id', 'attendance.status'])
      .execute(),
  ]);
  const count = (id: string, status: string) => Number(counts.find((c) => c.session_id === id && c.status === status)?.n ?? 0);
  return rows.map((row) => toSessionView(row, { present: count(row.id, 'present'), leave: count(row.id, 'leave') }, content));
}

/** A session of a class the actor manages, or NotFound (also when the session belongs to another class). */
export async function requireManagedSession(db: Kysely<Database>, actor: ScopeSubject, classId: string, sessionId: string): Promise<{ cls: ClassRecord; session: ClassSessionsTable }> {
  const cls = await requireManagedClass(db, actor, classId);
  const session = await db.selectFrom('class_sessions').selectAll().where('id', '=', sessionId).where('class_id', '=', classId).executeTakeFirst();
  if (!session) throw new NotFoundError('找不到该场次。');
  return { cls, session };
}

/** Schedules a session in a class the actor manages, with a fresh check-in secret. Audited; returns its id. */
export async function createSession(db: Kysely<Database>, actor: ScopeSubject, classId: string, fields: SessionFields, content: ContentLookup, now = new Date()): Promise<string> {
  const cls = await requireManagedClass(db, actor, classId);
  const checked = checkSessionFields(fields, cls, content);
  const id = newId();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('class_sessions')
      .values({ id, class_id: classId, ...checked, token_secret: newTokenSecret(), status: 'scheduled', closed_at: null, closed_by: null, created_at: now.toISOString() })
      .execute();
    await recordAudit(trx, { actorId: actor.id, action: 'class_session.create', targetType: 'class_session', targetId: id, detail: { classId, topic: checked.topic } }, now);
  });
  return id;
}

/**
 * Changes a session. Once it is closed only the recorded lecture may still be attached or changed
 * (hours were credited at closing). A new start without a new window moves the window to the default.
 */
export async function updateSession(db: Kysely<Database>, actor: ScopeSubject, classId: string, sessionId: string, patch: Partial<SessionFields>, content: ContentLookup, now = new Date()): Promise<void> {
  const { cls, session } = await requireManagedSession(db, actor, classId, sessionId);
  const onlyRecording = Object.keys(patch).every((k) => k === 'recordingLessonId');
  let set: Partial<ClassSessionsTable>;
  if (session.status === 'closed') {
    if (!onlyRecording) throw new ConflictError('本场已结束考勤，只能再关联讲座录像。');
    set = { recording_lesson_id: checkRecording(patch.recordingLessonId, content) };
  } else {
    const moved = patch.startsAt !== undefined && Date.parse(patch.startsAt) !== Date.parse(session.starts_at);
    const keepWindow = !moved || patch.checkinOpensAt !== undefined || patch.checkinClosesAt !== undefined;
    set = checkSessionFields(
      {
        startsAt: patch.startsAt ?? session.starts_at,
        endsAt: patch.endsAt ?? session.ends_at,
        place: patch.place ?? session.place,
        speaker: patch.speaker ?? session.speaker,
        topic: patch.topic ?? session.topic,
        hours: patch.hours ?? session.hours_tenths / 10,
        checkinOpensAt: patch.checkinOpensAt ?? (keepWindow ? session.checkin_opens_at : undefined),
        checkinClosesAt: patch.checkinClosesAt ?? (keepWindow ? session.checkin_closes_at : undefined),
        recordingLessonId: patch.recordingLessonId === undefined ? session.recording_lesson_id : patch.recordingLessonId,
      },
      cls,
      content,
    );
  }
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('class_sessions').set(set).where('id', '=', sessionId).execute();
    await recordAudit(trx, { actorId: actor.id, action: 'class_session.update', targetType: 'class_session', targetId: sessionId, detail: { classId, changed: Object.keys(patch) } }, now);
  });
}

/**
 * Inside a transaction: takes the session's row lock if it is still open, else returns false. A
 * check-in or manual entry holds it while writing attendance, so closing (which takes the same lock
 * to change the status) either sees that attendance and credits it, or comes first and refuses it.
 */
export async function lockOpenSession(trx: Kysely<Database>, sessionId: string): Promise<boolean> {
  const result = await trx.updateTable('class_sessions').set((eb) => ({ status: eb.ref('status') })).where('id', '=', sessionId).where('status', '=', 'scheduled').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
