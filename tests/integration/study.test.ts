import { describe, expect, test } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import { useServer } from '../support/suite.ts';

const LESSON_1 = 'fixture-short/first-minute';
const LESSON_2 = 'fixture-short/second-minute';
let seq = 0;
const beat = (lessonId: string, extra: Record<string, unknown> = {}) => {
  const now = Date.now();
  return { beatId: `beat-${Date.now()}-${++seq}`, lessonId, recordedAt: now, sentAt: now, ...extra };
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDialects())('courses, enrolment and study time over HTTP on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    await makeUser(db, 'cadre', units.townA, { login: 'learner' });
    await makeUser(db, 'cadre', units.townA, { login: 'second' });
  });
  const as = (login: string) => suite.as(login);

  test('the course list is searchable in Chinese and filterable, and bad filters are refused', async () => {
    const client = await as('learner');
    const all = await client.get('/api/v1/courses');
    expect(all.status).toBe(200);
    expect(all.data.courses.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['red-army-eastern-expedition', 'third-plenum-study', 'fixture-short']));
    const found = await client.get(`/api/v1/courses?q=${encodeURIComponent('瓦窑堡')}`);
    expect(found.data.courses[0].id).toBe('red-army-eastern-expedition');
    const theory = await client.get(`/api/v1/courses?category=${encodeURIComponent('理论教育')}`);
    expect(theory.data.courses.every((c: { category: string }) => c.category === '理论教育')).toBe(true);
    expect((await client.get('/api/v1/courses?category=nonsense')).status).toBe(400);
    expect((await client.get('/api/v1/courses/no-such-course')).status).toBe(404);
    expect((await suite.client().get('/api/v1/courses')).status).toBe(401);
  });

  test('enrolment is idempotent and shows in my courses', async () => {
    const client = await as('learner');
    const first = await client.post('/api/v1/enrollments', { courseId: 'fixture-short' });
    expect(first.status).toBe(201);
    const again = await client.post('/api/v1/enrollments', { courseId: 'fixture-short' });
    expect(again.status).toBe(200);
    expect(again.data.id).toBe(first.data.id);
    expect((await client.post('/api/v1/enrollments', { courseId: 'nope' })).status).toBe(404);
    expect((await client.post('/api/v1/enrollments', { courseId: 'fixture-short', userId: 'someone-else' })).status).toBe(400);
    const mine = await client.get('/api/v1/enrollments');
    expect(mine.data.enrollments).toHaveLength(1);
    expect(mine.data.enrollments[0]).toMatchObject({ courseId: 'fixture-short', courseTitle: '测试课程：短课', progress: 0 });
    const detail = await client.get('/api/v1/courses/fixture-short');
    expect(detail.data.enrollment.lessons).toHaveLength(2);
  });

  test('study time is measured by the server clock, and a claimed number is refused', async () => {
    const client = await as('learner');
    const first = await client.post('/api/v1/study/heartbeat', beat(LESSON_1));
    expect(first.status).toBe(200);
    expect(first.data.creditedSeconds).toBe(0);
    await sleep(2100);
    const second = await client.post('/api/v1/study/heartbeat', beat(LESSON_1));
    expect(second.data.creditedSeconds).toBe(2);
    expect(second.data.studiedSeconds).toBe(2);
    const forged = await client.post('/api/v1/study/heartbeat', { ...beat(LESSON_1), creditedSeconds: 3600 });
    expect(forged.status).toBe(400);
  });

  test('replayed, future-dated, too-late and second-lesson heartbeats are refused and credit nothing', async () => {
    const client = await as('learner');
    const original = beat(LESSON_1);
    expect((await client.post('/api/v1/study/heartbeat', original)).status).toBe(200);
    const replay = await client.post('/api/v1/study/heartbeat', original);
    expect(replay.status).toBe(409);
    expect(replay.data.error.details.reason).toBe('replayed');

    const future = await client.post('/api/v1/study/heartbeat', beat(LESSON_1, { recordedAt: Date.now() + 60_000 }));
    expect(future.data.error.details.reason).toBe('future_dated');
    const late = await client.post('/api/v1/study/heartbeat', beat(LESSON_1, { recordedAt: Date.now() - 3 * 3600_000 }));
    expect(late.data.error.details.reason).toBe('too_late');
    const otherTab = await client.post('/api/v1/study/heartbeat', beat(LESSON_2));
    expect(otherTab.status).toBe(409);
    expect(otherTab.data.error.details.reason).toBe('another_lesson_active');
    expect(otherTab.data.error.message).toContain('另一个页面');

    const detail = await client.get('/api/v1/courses/fixture-short');
    const lesson2 = detail.data.enrollment.lessons.find((l: { lessonId: string }) => l.lessonId === LESSON_2);
    expect(lesson2.studiedSeconds).toBe(0);
  });

  test('heartbeats for a course one has not enrolled in, or an unknown lesson, are refused', async () => {
    const client = await as('second');
    const notEnrolled = await client.post('/api/v1/study/heartbeat', beat(LESSON_1));
    expect(notEnrolled.status).toBe(409);
    expect(notEnrolled.data.error.code).toBe('not_enrolled');
    expect((await client.post('/api/v1/study/heartbeat', beat('fixture-short/no-such-lesson'))).status).toBe(404);
    expect((await client.post('/api/v1/study/heartbeat', beat('no-slash'))).status).toBe(404);
    expect((await client.post('/api/v1/study/heartbeat', { ...beat(LESSON_1), recordedAt: 'yesterday' })).status).toBe(400);
  });
});
