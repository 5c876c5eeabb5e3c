import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { newTokenSecret } from '../../src/lib/classes/checkin-code.ts';
import { beijingIsoDate } from '../../src/lib/hours/beijing-year.ts';
import { getSetting, setSetting } from '../../src/lib/settings/settings.ts';
import { beijingLocalToIso } from '../../src/lib/util/beijing-time.ts';
import { newId } from '../../src/lib/util/ids.ts';

/** The id of the demo's lecture-hall class, once made. */
const DEMO_CLASS_SETTING = 'demo_class';
const DAY_MS = 86_400_000;

/** Topics from content/courses/lecture-hall-2026, one per day in turn. */
const TOPICS = ['乡村振兴与文旅融合', '红色资源的讲解与运用', '农业技术推广与产业服务', '医疗卫生服务下沉', '办好山区县的教育', '基层治理中的群众工作方法'];

/**
 * The demo's lecture hall: one class of 芝河镇's cadres run by the demo trainer, with a session today
 * whose check-in is open from 06:00 to 23:30 (so the QR check-in can be tried at almost any hour) and
 * one next week.
 * Idempotent and cheap: a later run only adds today's session if today has none, and stretches the
 * class's end date to cover it.
 */
export async function seedDemoClasses(db: Kysely<Database>, now = new Date()): Promise<void> {
  const today = beijingIsoDate(now);
  const nextWeek = beijingIsoDate(new Date(now.getTime() + 7 * DAY_MS));
  let classId = await getSetting(db, DEMO_CLASS_SETTING);
  if (!classId) {
    const trainer = await db.selectFrom('users').select('id').where('login', '=', 'trainer').executeTakeFirst();
    const unit = await db.selectFrom('org_units').select(['id', 'path']).where('name', '=', '芝河镇').where('kind', '=', 'township').executeTakeFirst();
    if (!trainer || !unit) return;
    classId = newId();
    const stamp = now.toISOString();
    await db
      .insertInto('classes')
      .values({
        id: classId, kind: 'lecture', title: `${today.slice(0, 4)}年芝河镇干部大讲堂`, description: '围绕乡村振兴、红色资源、基层治理等专题，每周一讲，现场扫码签到，按核验的出勤记学时。',
        starts_on: today, ends_on: nextWeek, place: '芝河镇党群服务中心三楼会议室', org_unit_id: unit.id, trainer_id: trainer.id, reading_course_id: null,
        note_min_chars: 0, reading_hours_tenths: 0, status: 'open', created_by: trainer.id, created_at: stamp, updated_at: stamp,
      })
      .execute();
    const cadres = await db
      .selectFrom('users')
      .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
      .select('users.id')
      .where('users.role', '=', 'cadre')
      .where('users.active', '=', 1)
      .where('org_units.path', 'like', `${unit.path}%`)
      .execute();
    if (cadres.length) {
      await db.insertInto('class_members').values(cadres.map((c) => ({ class_id: classId!, user_id: c.id, source: 'unit', added_by: trainer.id, added_at: stamp }))).execute();
    }
    await addSession(db, classId, nextWeek, 1, now);
    await setSetting(db, DEMO_CLASS_SETTING, classId);
  }
  const cls = await db.selectFrom('classes').select('ends_on').where('id', '=', classId).executeTakeFirst();
  if (!cls) return;
  const dayStart = beijingLocalToIso(today, '00:00')!;
  const dayEnd = new Date(Date.parse(dayStart) + DAY_MS).toISOString();
  const held = await db.selectFrom('class_sessions').select('id').where('class_id', '=', classId).where('starts_at', '>=', dayStart).where('starts_at', '<', dayEnd).executeTakeFirst();
  if (held) return;
  if (cls.ends_on < today) await db.updateTable('classes').set({ ends_on: today }).where('id', '=', classId).execute();
  const window = { opensAt: beijingLocalToIso(today, '06:00')!, closesAt: beijingLocalToIso(today, '23:30')! };
  await addSession(db, classId, today, Math.floor(now.getTime() / DAY_MS), now, window);
}

async function addSession(db: Kysely<Database>, classId: string, day: string, turn: number, now: Date, window?: { opensAt: string; closesAt: string }) {
  const startsAt = beijingLocalToIso(day, '15:00')!;
  const start = Date.parse(startsAt);
  await db
    .insertInto('class_sessions')
    .values({
      id: newId(), class_id: classId, starts_at: startsAt, ends_at: new Date(start + 2 * 3600_000).toISOString(), place: '芝河镇党群服务中心三楼会议室',
      speaker: '杜文清', topic: TOPICS[turn % TOPICS.length]!, hours_tenths: 20,
      checkin_opens_at: window?.opensAt ?? new Date(start - 30 * 60_000).toISOString(), checkin_closes_at: window?.closesAt ?? new Date(start + 30 * 60_000).toISOString(),
      token_secret: newTokenSecret(), recording_lesson_id: null, status: 'scheduled', closed_at: null, closed_by: null, created_at: now.toISOString(),
    })
    .execute();
}
