import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ClassKind } from '../../src/lib/classes/classes.table.ts';
import { newId } from '../../src/lib/util/ids.ts';

/**
 * Classes, rosters, sessions and attendance written straight into the tables: the class, roster and
 * check-in flows belong to their own module and tests; the reading and completion tests only read them.
 */
const stamp = () => new Date().toISOString();

/** The 读书班 course in content whose six readings (week-1-1 … week-6-1) the reading tests use. */
export const READING_COURSE = 'reading-class-2026';
export const FIRST_READING = 'week-1-1';
export const SIXTH_READING = 'week-6-1';

export interface ClassSpec {
  trainerId: string;
  orgUnitId: string;
  kind?: ClassKind;
  title?: string;
  readingCourseId?: string | null;
  noteMinChars?: number;
  readingHoursTenths?: number;
  status?: 'open' | 'closed';
  startsOn?: string;
  endsOn?: string;
}

/** A class (a reading class on READING_COURSE by default) and its roster. */
export async function makeClass(db: Kysely<Database>, spec: ClassSpec, memberIds: string[] = []): Promise<string> {
  const id = newId();
  const kind = spec.kind ?? 'reading';
  await db
    .insertInto('classes')
    .values({
      id,
      kind,
      title: spec.title ?? '测试读书班',
      description: '',
      starts_on: spec.startsOn ?? '2026-03-01',
      ends_on: spec.endsOn ?? '2026-04-15',
      place: '县委党校',
      org_unit_id: spec.orgUnitId,
      trainer_id: spec.trainerId,
      reading_course_id: spec.readingCourseId === undefined ? (kind === 'reading' ? READING_COURSE : null) : spec.readingCourseId,
      note_min_chars: spec.noteMinChars ?? 50,
      reading_hours_tenths: spec.readingHoursTenths ?? 10,
      status: spec.status ?? 'open',
      created_by: spec.trainerId,
      created_at: stamp(),
      updated_at: stamp(),
    })
    .execute();
  await addMembers(db, id, memberIds);
  return id;
}

export async function addMembers(db: Kysely<Database>, classId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  await db.insertInto('class_members').values(userIds.map((user_id) => ({ class_id: classId, user_id, source: 'single', added_by: null, added_at: stamp() }))).execute();
}

export async function setClassStatus(db: Kysely<Database>, classId: string, status: 'open' | 'closed'): Promise<void> {
  await db.updateTable('classes').set({ status }).where('id', '=', classId).execute();
}

/** A session of the class (closed = held), with attendance per user: 'present', 'leave', or absent when not listed. */
export async function addSession(db: Kysely<Database>, classId: string, hoursTenths: number, attendance: Record<string, 'present' | 'leave'> = {}, status: 'scheduled' | 'closed' = 'closed'): Promise<string> {
  const id = newId();
  const at = stamp();
  await db
    .insertInto('class_sessions')
    .values({ id, class_id: classId, starts_at: at, ends_at: at, place: '', speaker: '', topic: '专题讲座', hours_tenths: hoursTenths, checkin_opens_at: at, checkin_closes_at: at, token_secret: 'x'.repeat(32), recording_lesson_id: null, status, closed_at: status === 'closed' ? at : null, closed_by: null, created_at: at })
    .execute();
  const rows = Object.entries(attendance).map(([user_id, s]) => ({ session_id: id, user_id, status: s, method: 'manual' as const, reason: s === 'leave' ? '因公请假' : '', actor_id: null, recorded_at: at }));
  if (rows.length) await db.insertInto('attendance').values(rows).execute();
  return id;
}

/** A required course assigned to the class's roster. */
export async function assignCourse(db: Kysely<Database>, classId: string, courseId: string): Promise<void> {
  await db.insertInto('class_courses').values({ class_id: classId, course_id: courseId, due_on: null, assigned_by: null, assigned_at: stamp() }).execute();
}
