import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { enrollSelf } from '../../../src/lib/enrollment/enrollment.ts';
import { HeartbeatRefusedError, NotEnrolledError, recordHeartbeat } from '../../../src/lib/study/heartbeat.ts';
import type { StudyCourse } from '../../../src/lib/study/lesson-ref.ts';
import { testDialects } from '../../support/dialects.ts';
import { makeCounty, makeUser } from '../../support/factories.ts';
import { freshDatabase, type TestDatabase } from '../../support/test-db.ts';

const course: StudyCourse = {
  id: 'c',
  open: true,
  lessons: [
    { id: 'c/text', courseId: 'c', requiredSeconds: 60, mediaSeconds: null },
    { id: 'c/video', courseId: 'c', requiredSeconds: 30, mediaSeconds: 100 },
  ],
};
const [text, video] = course.lessons as [StudyCourse['lessons'][0], StudyCourse['lessons'][0]];
const T0 = 1_800_000_000_000;
let seq = 0;
const live = (extra: Partial<{ beatId: string; watched: [number, number][] }> = {}) => ({ beatId: `b${++seq}`, recordedAt: 5, sentAt: 5, ...extra });

describe.each(testDialects())('recordHeartbeat on %s', (dialect) => {
  let database: TestDatabase;
  let userId: string;
  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const units = await makeCounty(database.db);
    userId = (await makeUser(database.db, 'cadre', units.townA)).id;
  });
  afterAll(async () => database?.drop());

  test('refuses time for a course the person has not enrolled in', async () => {
    await expect(recordHeartbeat(database.db, userId, course, text, live(), T0)).rejects.toBeInstanceOf(NotEnrolledError);
  });

  test('credits study time beat by beat and completes the lesson when its minutes are met', async () => {
    await enrollSelf(database.db, userId, course);
    const first = await recordHeartbeat(database.db, userId, course, text, live(), T0);
    expect(first.creditedSeconds).toBe(0);
    let last = first;
    for (let i = 1; i <= 3; i++) last = await recordHeartbeat(database.db, userId, course, text, live(), T0 + i * 20_000);
    expect(last).toMatchObject({ creditedSeconds: 20, studiedSeconds: 60, lessonCompleted: true, courseLessonsCompleted: false });
  });

  test('refuses a replayed beat and credits nothing for it', async () => {
    const beat = live({ beatId: 'same-beat' });
    await recordHeartbeat(database.db, userId, course, text, beat, T0 + 80_000);
    const replay = recordHeartbeat(database.db, userId, course, text, { ...beat }, T0 + 100_000);
    await expect(replay).rejects.toMatchObject({ reason: 'replayed' });
    await expect(replay).rejects.toBeInstanceOf(HeartbeatRefusedError);
  });

  test('a second tab on another lesson earns nothing while the first keeps beating', async () => {
    await expect(recordHeartbeat(database.db, userId, course, video, live(), T0 + 110_000)).rejects.toMatchObject({ reason: 'another_lesson_active' });
  });

  test('beats sent at the same moment from two tabs are credited once', async () => {
    const results = await Promise.allSettled([
      recordHeartbeat(database.db, userId, course, text, live(), T0 + 120_000),
      recordHeartbeat(database.db, userId, course, text, live(), T0 + 120_000),
    ]);
    const credited = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ creditedSeconds: number }>).value.creditedSeconds);
    // The last accepted beat was 40 s earlier: one tab gets the capped 30 s, the other is an overlap.
    expect(credited).toEqual([30]);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  test('an offline queue flushed on reconnect is credited in order, within its time window', async () => {
    // The clock went quiet at T0+120 s; the video lesson takes over at T0+200 s, then three beats were queued offline.
    await recordHeartbeat(database.db, userId, course, video, live(), T0 + 200_000);
    const sentAt = 1_000_000;
    const watched: [number, number][][] = [[[0, 40]], [[40, 80]], [[80, 100]]];
    const queued = [60, 40, 20].map((secondsBeforeSending, i) => ({ beatId: `q${secondsBeforeSending}`, recordedAt: sentAt - secondsBeforeSending * 1000, sentAt, watched: watched[i] }));
    const flushedAt = T0 + 280_000;
    const results = [];
    for (const beat of queued) results.push(await recordHeartbeat(database.db, userId, course, video, beat, flushedAt));
    expect(results.map((r) => r.creditedSeconds)).toEqual([20, 20, 20]);
    expect(results.at(-1)).toMatchObject({ studiedSeconds: 60, watchedSeconds: 100, lessonCompleted: true, courseLessonsCompleted: true });
  });

  test('does not accept more watched video than the credited time allows', async () => {
    const other = (await makeUser(database.db, 'cadre', (await database.db.selectFrom('org_units').select('id').executeTakeFirstOrThrow()).id)).id;
    await enrollSelf(database.db, other, course);
    await recordHeartbeat(database.db, other, course, video, live(), T0);
    const result = await recordHeartbeat(database.db, other, course, video, live({ watched: [[0, 100]] }), T0 + 15_000);
    expect(result).toMatchObject({ creditedSeconds: 15, watchedSeconds: 30, lessonCompleted: false });
  });
});
