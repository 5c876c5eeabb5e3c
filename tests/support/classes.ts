import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { codeForStep, codeStep, newTokenSecret } from '../../src/lib/classes/checkin-code.ts';
import { beijingIsoDate } from '../../src/lib/hours/beijing-year.ts';
import { newId } from '../../src/lib/util/ids.ts';

/**
 * Classes, sessions and rosters written straight into the tables, for tests of check-in, closing and
 * the archive (creating them through the API has tests of its own).
 */
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

export async function insertClass(db: Kysely<Database>, values: { orgUnitId: string; trainerId: string; title?: string; kind?: 'lecture' | 'reading' | 'special' }, now = new Date()) {
  const id = newId();
  const day = (offsetDays: number) => beijingIsoDate(new Date(now.getTime() + offsetDays * 86_400_000));
  await db
    .insertInto('classes')
    .values({
      id, kind: values.kind ?? 'lecture', title: values.title ?? '测试大讲堂', description: '', starts_on: day(-30), ends_on: day(30), place: '县委党校报告厅',
      org_unit_id: values.orgUnitId, trainer_id: values.trainerId, reading_course_id: null, note_min_chars: 0, reading_hours_tenths: 0, status: 'open',
      created_by: values.trainerId, created_at: iso(now.getTime()), updated_at: iso(now.getTime()),
    })
    .execute();
  return id;
}

/** A session starting `startsInMinutes` from now (negative: already started), with the default window unless given. */
export async function insertSession(
  db: Kysely<Database>,
  classId: string,
  values: { startsInMinutes?: number; hoursTenths?: number; topic?: string; opensInMinutes?: number; closesInMinutes?: number } = {},
  now = new Date(),
) {
  const id = newId();
  const start = now.getTime() + (values.startsInMinutes ?? 0) * MINUTE;
  await db
    .insertInto('class_sessions')
    .values({
      id, class_id: classId, starts_at: iso(start), ends_at: iso(start + 120 * MINUTE), place: '县委党校报告厅', speaker: '李老师', topic: values.topic ?? '乡村振兴与文旅融合',
      hours_tenths: values.hoursTenths ?? 20,
      checkin_opens_at: iso(values.opensInMinutes !== undefined ? now.getTime() + values.opensInMinutes * MINUTE : start - 30 * MINUTE),
      checkin_closes_at: iso(values.closesInMinutes !== undefined ? now.getTime() + values.closesInMinutes * MINUTE : start + 30 * MINUTE),
      token_secret: newTokenSecret(), recording_lesson_id: null, status: 'scheduled', closed_at: null, closed_by: null, created_at: iso(now.getTime()),
    })
    .execute();
  return id;
}

export async function addToRoster(db: Kysely<Database>, classId: string, userIds: string[], now = new Date()) {
  await db.insertInto('class_members').values(userIds.map((userId) => ({ class_id: classId, user_id: userId, source: 'single', added_by: null, added_at: iso(now.getTime()) }))).execute();
}

export async function setPosition(db: Kysely<Database>, userId: string, position: string) {
  await db.updateTable('users').set({ position }).where('id', '=', userId).execute();
}

/** The code a projector shows for the session at `at` (`stepsBack` rotations ago), read with the session's secret. */
export async function projectorCode(db: Kysely<Database>, sessionId: string, stepsBack = 0, at = Date.now()) {
  const { token_secret } = await db.selectFrom('class_sessions').select('token_secret').where('id', '=', sessionId).executeTakeFirstOrThrow();
  return codeForStep(token_secret, codeStep(at) - stepsBack);
}

/**
 * Waits until at least `marginMs` remain in the current 30-second step, so a code read now is still
 * current when it arrives; after a rotation it waits one more second, for a projector page to fetch the new code.
 */
export async function awayFromRotation(marginMs = 3000) {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < marginMs) await new Promise((r) => setTimeout(r, left + 1000));
}
