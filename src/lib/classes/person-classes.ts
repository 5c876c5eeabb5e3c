import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { LiveStatus } from './attendance.ts';
import type { ClassKind } from './classes.table.ts';
import { type LeaveShare, leaveShare } from './leave-rule.ts';

/** One session of a class as one cadre lived it. */
export interface PersonSession {
  id: string;
  startsAt: string;
  endsAt: string;
  topic: string;
  speaker: string;
  place: string;
  hoursTenths: number;
  closed: boolean;
  /** present / leave; absent once closed without either; pending before that. */
  status: LiveStatus;
  method: 'qr' | 'manual' | null;
  reason: string;
  recordedAt: string | null;
  /** Who recorded a manual check-in or a leave. */
  actorName: string | null;
  recordingLessonId: string | null;
}

/** A class in a cadre's record: its sessions with their attendance and their leave measured by the 1/7 rule. */
export interface PersonClass {
  classId: string;
  kind: ClassKind;
  title: string;
  startsOn: string;
  endsOn: string;
  place: string;
  trainerName: string;
  /** False when they have left the roster but kept attendance records in it. */
  onRoster: boolean;
  sessions: PersonSession[];
  leaveShare: LeaveShare;
}

/**
 * The classes of a person (on the roster, or with attendance there), newest first, each with every
 * session and the person's attendance in it. `onlyClassId` narrows it to one class.
 */
export async function personClasses(db: Kysely<Database>, userId: string, onlyClassId?: string): Promise<PersonClass[]> {
  const attended = db.selectFrom('attendance').innerJoin('class_sessions', 'class_sessions.id', 'attendance.session_id').select('class_sessions.class_id').where('attendance.user_id', '=', userId);
  const member = db.selectFrom('class_members').select('class_id').where('user_id', '=', userId);
  let classQuery = db
    .selectFrom('classes')
    .innerJoin('users as trainer', 'trainer.id', 'classes.trainer_id')
    .select(['classes.id', 'classes.kind', 'classes.title', 'classes.starts_on', 'classes.ends_on', 'classes.place', 'trainer.name as trainer_name'])
    .where((eb) => eb.or([eb('classes.id', 'in', member), eb('classes.id', 'in', attended)]));
  if (onlyClassId) classQuery = classQuery.where('classes.id', '=', onlyClassId);
  const classes = await classQuery.orderBy('classes.starts_on', 'desc').orderBy('classes.title').execute();
  if (!classes.length) return [];
  const ids = classes.map((c) => c.id);
  const [memberships, sessions, records] = await Promise.all([
    member.where('class_id', 'in', ids).execute(),
    db.selectFrom('class_sessions').selectAll().where('class_id', 'in', ids).orderBy('starts_at').orderBy('id').execute(),
    db
      .selectFrom('attendance')
      .innerJoin('class_sessions', 'class_sessions.id', 'attendance.session_id')
      .leftJoin('users as actor', 'actor.id', 'attendance.actor_id')
      .select(['attendance.session_id', 'attendance.status', 'attendance.method', 'attendance.reason', 'attendance.recorded_at', 'actor.name as actor_name'])
      .where('attendance.user_id', '=', userId)
      .where('class_sessions.class_id', 'in', ids)
      .execute(),
  ]);
  const onRoster = new Set(memberships.map((m) => m.class_id));
  const recordOf = new Map(records.map((r) => [r.session_id, r]));
  return classes.map((c) => {
    const own = sessions.filter((s) => s.class_id === c.id).map((s): PersonSession => {
      const r = recordOf.get(s.id);
      const closed = s.status === 'closed';
      return {
        id: s.id, startsAt: s.starts_at, endsAt: s.ends_at, topic: s.topic, speaker: s.speaker, place: s.place, hoursTenths: s.hours_tenths, closed,
        status: r ? r.status : closed ? 'absent' : 'pending', method: r?.method ?? null, reason: r?.reason ?? '', recordedAt: r?.recorded_at ?? null,
        actorName: r?.actor_name ?? null, recordingLessonId: s.recording_lesson_id,
      };
    });
    const total = own.reduce((sum, s) => sum + s.hoursTenths, 0);
    const leave = own.filter((s) => s.status === 'leave').reduce((sum, s) => sum + s.hoursTenths, 0);
    return {
      classId: c.id, kind: c.kind, title: c.title, startsOn: c.starts_on, endsOn: c.ends_on, place: c.place, trainerName: c.trainer_name,
      onRoster: onRoster.has(c.id), sessions: own, leaveShare: leaveShare(leave, total),
    };
  });
}

/** A cadre's coming sessions across their classes (not yet ended), soonest first: the schedule on the home page. */
export async function upcomingSessions(db: Kysely<Database>, userId: string, now = new Date(), limit = 5) {
  const rows = await db
    .selectFrom('class_sessions')
    .innerJoin('classes', 'classes.id', 'class_sessions.class_id')
    .innerJoin('class_members', (join) => join.onRef('class_members.class_id', '=', 'classes.id').on('class_members.user_id', '=', userId))
    .leftJoin('attendance', (join) => join.onRef('attendance.session_id', '=', 'class_sessions.id').on('attendance.user_id', '=', userId))
    .select(['class_sessions.id', 'class_sessions.class_id', 'class_sessions.starts_at', 'class_sessions.ends_at', 'class_sessions.topic', 'class_sessions.place',
      'class_sessions.hours_tenths', 'class_sessions.checkin_opens_at', 'class_sessions.checkin_closes_at', 'classes.title as class_title', 'attendance.status as my_status'])
    .where('class_sessions.status', '=', 'scheduled')
    .where('class_sessions.ends_at', '>', now.toISOString())
    .orderBy('class_sessions.starts_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id, classId: r.class_id, classTitle: r.class_title, startsAt: r.starts_at, endsAt: r.ends_at, topic: r.topic, place: r.place, hoursTenths: r.hours_tenths,
    checkinOpensAt: r.checkin_opens_at, checkinClosesAt: r.checkin_closes_at, myStatus: r.my_status,
  }));
}

export type UpcomingSession = Awaited<ReturnType<typeof upcomingSessions>>[number];

/** The home page's class card: how many classes the cadre is on, and their coming sessions. */
export async function classSchedule(db: Kysely<Database>, userId: string, now = new Date()): Promise<{ classCount: number; sessions: UpcomingSession[] }> {
  const [count, sessions] = await Promise.all([
    db.selectFrom('class_members').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow(),
    upcomingSessions(db, userId, now),
  ]);
  return { classCount: Number(count.n), sessions };
}
