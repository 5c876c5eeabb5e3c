import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/schema.ts';
import { generateActivity, type ActivityCourse, type ActivityPlan, type ActivitySummary } from '../../db/seeds/activity.ts';
import { seedDemo } from '../../db/seed-demo.ts';
import { DEMO_SHOWCASE, readDemoCourses } from '../../db/seeds/demo-activity.ts';
import { listCertificates } from '../../src/lib/certificates/issue.ts';
import { completeCourseIfDone } from '../../src/lib/completion/course-completion.ts';
import { startAttempt } from '../../src/lib/quiz/attempts.ts';
import { normalizeCode } from '../../src/lib/certificates/verification-code.ts';
import { beijingIsoDate, beijingYear } from '../../src/lib/hours/beijing-year.ts';
import { paperSchema } from '../../src/lib/quiz/paper.ts';
import { scorePaper } from '../../src/lib/quiz/scoring.ts';
import { isLessonComplete } from '../../src/lib/study/progress.ts';
import { testDialects } from '../support/dialects.ts';
import { makeCounty } from '../support/factories.ts';
import { fixtureBank } from '../support/quiz-key.ts';
import { freshDatabase, type TestDatabase } from '../support/test-db.ts';

const NOW = new Date('2026-10-15T04:00:00Z');
const YEAR = 2026;
const CADRES = 50;
const TARGET_TENTHS = 120;

const lessons = (courseId: string, minutes: number[]) => minutes.map((m, i) => ({ id: `${courseId}/lesson-${i + 1}`, requiredSeconds: m * 60 }));

/** Two real banks from content/, the fixture bank (multiple choice, a short time limit), a synthetic quiz and a course without one. */
function testCourses(): ActivityCourse[] {
  const real = readDemoCourses().filter((c) => c.id === 'red-army-eastern-expedition' || c.id === 'third-plenum-study');
  return [
    ...real,
    { id: 'fixture-quiz', title: '测试课程：测验', hoursTenths: 15, lessons: lessons('fixture-quiz', [10, 15]), quiz: { bank: fixtureBank } },
    { id: 'synthetic-quiz', title: '模拟课程', hoursTenths: 30, lessons: lessons('synthetic-quiz', [20, 20, 25, 15]), quiz: { questionCount: 10, passMark: 60 } },
    { id: 'no-quiz', title: '无测验课程', hoursTenths: 20, lessons: lessons('no-quiz', [10, 30, 20]).map((l, i) => (i === 1 ? { ...l, mediaSeconds: 1500 } : l)) },
  ];
}

const cadreId = (i: number) => `cadre-${String(i).padStart(2, '0')}`;

/** Fifty cadres with fixed ids over three units, and one staff member; returns the plan for a seed. */
async function prepare(db: Kysely<Database>, seed: number): Promise<ActivityPlan> {
  const units = await makeCounty(db);
  const unitIds = [units.townA, units.townB, units.villageA];
  const stamp = NOW.toISOString();
  const person = (id: string, role: 'cadre' | 'staff', unit: string) => ({ id, login: id, name: id, password_hash: 'x', role, org_unit_id: unit, scope_unit_id: null, position: '', phone: null, active: 1, created_at: stamp, updated_at: stamp });
  // Fixed ids, so two databases can be compared row for row.
  await db
    .insertInto('users')
    .values([person('staff-1', 'staff', units.county), ...Array.from({ length: CADRES }, (_, i) => person(cadreId(i), 'cadre', unitIds[i % 3]!))])
    .execute();
  return {
    cadres: Array.from({ length: CADRES }, (_, i) => ({ id: cadreId(i), unitId: unitIds[i % 3]! })),
    courses: testCourses(),
    year: YEAR,
    now: NOW,
    seed,
    requiredCourseIds: ['red-army-eastern-expedition', 'third-plenum-study', 'no-quiz'],
    targetTenths: TARGET_TENTHS,
    staffId: 'staff-1',
    pinned: [
      { cadreId: cadreId(0), courseId: 'red-army-eastern-expedition', stage: 'lessons-done' },
      { cadreId: cadreId(1), courseId: 'fixture-quiz', stage: 'completed' },
      { cadreId: cadreId(2), courseId: 'synthetic-quiz', stage: 'quiz-exhausted' },
    ],
    pinnedOnly: [cadreId(0)],
  };
}

const everything = (db: Kysely<Database>) =>
  Promise.all([
    db.selectFrom('enrollments').selectAll().orderBy('id').execute(),
    db.selectFrom('lesson_progress').selectAll().orderBy('user_id').orderBy('lesson_id').execute(),
    db.selectFrom('quiz_attempts').selectAll().orderBy('id').execute(),
    db.selectFrom('hours_ledger').selectAll().orderBy('id').execute(),
    db.selectFrom('certificates').select(['id', 'user_id', 'subject', 'title', 'hours_tenths', 'completed_on', 'issued_at', 'code']).orderBy('id').execute(),
  ]).then(([enrollments, progress, attempts, ledger, certificates]) => ({ enrollments, progress, attempts, ledger, certificates }));

describe.each(testDialects())('generateActivity on %s', (dialect) => {
  const databases: TestDatabase[] = [];
  let data: Awaited<ReturnType<typeof everything>>;
  let summary: ActivitySummary;
  const courses = new Map(testCourses().map((c) => [c.id, c]));

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) databases.push(await freshDatabase(dialect));
    const [first, same, other] = databases.map((d) => d.db) as [Kysely<Database>, Kysely<Database>, Kysely<Database>];
    summary = await generateActivity(first, await prepare(first, 7));
    await generateActivity(same, await prepare(same, 7));
    await generateActivity(other, await prepare(other, 8));
    data = await everything(first);
  });
  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  test('the same seed writes the same records (certificate codes aside), another seed other ones', async () => {
    const again = await everything(databases[1]!.db);
    const withoutCodes = (rows: typeof data.certificates) => rows.map(({ code: _code, ...rest }) => rest);
    expect(again.ledger).toEqual(data.ledger);
    expect(again.enrollments).toEqual(data.enrollments);
    expect(again.progress).toEqual(data.progress);
    expect(again.attempts).toEqual(data.attempts);
    expect(withoutCodes(again.certificates)).toEqual(withoutCodes(data.certificates));
    const totals = (ledger: typeof data.ledger) => ledger.map((e) => `${e.user_id}:${e.hours_tenths}:${e.source}`).sort();
    expect(totals((await everything(databases[2]!.db)).ledger)).not.toEqual(totals(data.ledger));
  });

  test('the summary counts what was written', () => {
    expect(summary).toMatchObject({
      enrollments: data.enrollments.length,
      lessonProgress: data.progress.length,
      quizAttempts: data.attempts.length,
      ledgerEntries: data.ledger.length,
      certificates: data.certificates.length,
      completedCourses: data.enrollments.filter((e) => e.completed_at).length,
      adjustments: data.ledger.filter((e) => e.kind === 'adjustment').length,
    });
  });

  test('each completed enrolment has exactly one course credit and one certificate; nothing else is credited for a course', () => {
    const completed = data.enrollments.filter((e) => e.completed_at);
    const credits = data.ledger.filter((e) => e.kind === 'course');
    expect(credits.map((c) => `${c.user_id} ${c.source}`).sort()).toEqual(completed.map((e) => `${e.user_id} course:${e.course_id}`).sort());
    expect(data.certificates.map((c) => `${c.user_id} ${c.subject}`).sort()).toEqual(completed.map((e) => `${e.user_id} course:${e.course_id}`).sort());
    for (const e of completed) {
      const credit = credits.find((c) => c.user_id === e.user_id && c.source === `course:${e.course_id}`)!;
      expect(credit).toMatchObject({ created_at: e.completed_at, hours_tenths: courses.get(e.course_id)!.hoursTenths, counts_as_required: e.required, source_title: courses.get(e.course_id)!.title });
      const certificate = data.certificates.find((c) => c.user_id === e.user_id && c.subject === `course:${e.course_id}`)!;
      expect(certificate).toMatchObject({ issued_at: e.completed_at, completed_on: beijingIsoDate(e.completed_at!), hours_tenths: credit.hours_tenths });
      expect(normalizeCode(certificate.code)).toBe(certificate.code);
    }
  });

  test('every credit belongs to the Beijing-time year of its time; adjustments name their reason and actor', () => {
    for (const entry of data.ledger) expect(entry.year).toBe(beijingYear(new Date(entry.created_at)));
    const adjustments = data.ledger.filter((e) => e.kind === 'adjustment');
    expect(adjustments.length).toBeGreaterThan(0);
    for (const a of adjustments) {
      expect(a.source).toBe(`adjustment:${a.id}`);
      expect(a.reason).not.toBe('');
      expect(a.actor_id).not.toBeNull();
    }
  });

  test('nothing is dated after now, and a timed attempt is submitted before its deadline', () => {
    const stamps = [
      ...data.enrollments.flatMap((e) => [e.enrolled_at, e.lessons_completed_at, e.quiz_passed_at, e.completed_at, e.last_studied_at]),
      ...data.progress.flatMap((p) => [p.completed_at, p.updated_at]),
      ...data.attempts.flatMap((a) => [a.started_at, a.submitted_at]),
      ...data.ledger.map((e) => e.created_at),
      ...data.certificates.map((c) => c.issued_at),
    ].filter((s): s is string => s !== null);
    expect(stamps.filter((s) => Date.parse(s) > NOW.getTime())).toEqual([]);
    for (const a of data.attempts.filter((a) => a.deadline_at)) expect(Date.parse(a.submitted_at!)).toBeLessThanOrEqual(Date.parse(a.deadline_at!));
  });

  test('an enrolment is complete exactly when every lesson is done and its quiz, if any, passed', () => {
    for (const e of data.enrollments) {
      const course = courses.get(e.course_id)!;
      const done = data.progress.filter((p) => p.user_id === e.user_id && p.course_id === e.course_id && p.completed_at);
      const attempts = data.attempts.filter((a) => a.user_id === e.user_id && a.course_id === e.course_id).sort((a, b) => a.started_at.localeCompare(b.started_at));
      expect(e.lessons_completed_at !== null).toBe(done.length === course.lessons.length);
      if (e.lessons_completed_at) expect(e.lessons_completed_at).toBe(done.map((p) => p.completed_at!).sort().at(-1));
      expect(e.quiz_passed_at).toBe(attempts.find((a) => a.passed)?.submitted_at ?? null);
      expect(e.completed_at !== null).toBe(e.lessons_completed_at !== null && (!course.quiz || e.quiz_passed_at !== null));
      for (const p of data.progress.filter((p) => p.user_id === e.user_id && p.course_id === e.course_id)) {
        const lesson = course.lessons.find((l) => l.id === p.lesson_id)!;
        const ref = { id: lesson.id, courseId: course.id, requiredSeconds: lesson.requiredSeconds, mediaSeconds: lesson.mediaSeconds ?? null };
        expect(p.completed_at !== null).toBe(isLessonComplete(ref, p.studied_seconds, JSON.parse(p.watched_ranges)));
      }
      if (attempts.length > 0) {
        expect(Date.parse(attempts[0]!.started_at)).toBeGreaterThanOrEqual(Date.parse(e.lessons_completed_at!));
        const limit = course.quiz && 'bank' in course.quiz ? course.quiz.bank.attemptLimit : 3;
        expect(attempts.length).toBeLessThanOrEqual(limit);
        expect(attempts.filter((a) => a.passed)).toHaveLength(attempts.at(-1)!.passed ? 1 : 0);
      }
    }
  });

  test('stored scores are what scorePaper gives for the stored paper and answers', () => {
    const real = data.attempts.filter((a) => { const q = courses.get(a.course_id)!.quiz; return q && 'bank' in q; });
    expect(real.length).toBeGreaterThan(0);
    for (const a of real) {
      const quiz = courses.get(a.course_id)!.quiz as { bank: typeof fixtureBank };
      const score = scorePaper(quiz.bank, paperSchema.parse(JSON.parse(a.paper)), JSON.parse(a.answers!));
      expect({ correct: a.correct_count, percent: a.score_percent, passed: Boolean(a.passed), questions: a.question_count, status: a.status })
        .toEqual({ correct: score.correct, percent: score.scorePercent, passed: score.passed, questions: score.total, status: 'submitted' });
    }
    for (const a of data.attempts) expect(Boolean(a.passed)).toBe(a.score_percent! >= a.pass_mark);
  });

  test('the year has a tail with no hours, people around the target and people far beyond it', () => {
    const totals = Array.from({ length: CADRES }, (_, i) => data.ledger.filter((e) => e.user_id === cadreId(i)).reduce((sum, e) => sum + e.hours_tenths, 0));
    expect(totals.filter((t) => t === 0).length).toBeGreaterThan(0);
    expect(totals.filter((t) => t >= TARGET_TENTHS).length).toBeGreaterThan(0);
    expect(totals.filter((t) => t >= 2 * TARGET_TENTHS * 0.79).length).toBeGreaterThan(0);
    expect(data.enrollments.filter((e) => e.required).length).toBe(CADRES * 2);
  });

  test('just after midnight on New Year in Beijing there is no room for study yet: pinned states still hold, nothing is dated ahead', async () => {
    const database = await freshDatabase(dialect);
    try {
      const plan = await prepare(database.db, 7);
      const now = new Date('2026-12-31T16:05:00Z');
      await generateActivity(database.db, { ...plan, year: 2027, now });
      const rows = await everything(database.db);
      const stamps = [...rows.enrollments.flatMap((e) => [e.enrolled_at, e.completed_at]), ...rows.progress.map((p) => p.updated_at), ...rows.ledger.map((e) => e.created_at)];
      expect(stamps.filter((s) => s !== null && Date.parse(s) > now.getTime())).toEqual([]);
      expect(rows.ledger.map((e) => e.year).filter((y) => y !== 2027)).toEqual([]);
      expect(rows.enrollments.find((e) => e.user_id === cadreId(1) && e.course_id === 'fixture-quiz')!.completed_at).not.toBeNull();
    } finally {
      await database.drop();
    }
  });

  test('pinned states are written as asked', () => {
    const of = (i: number, courseId: string) => data.enrollments.find((e) => e.user_id === cadreId(i) && e.course_id === courseId)!;
    expect(of(0, 'red-army-eastern-expedition')).toMatchObject({ lessons_completed_at: expect.any(String), quiz_passed_at: null, completed_at: null });
    expect(data.attempts.filter((a) => a.user_id === cadreId(0))).toEqual([]);
    // Pinned only: no hours, and the other required course assigned but not begun.
    expect(data.ledger.filter((e) => e.user_id === cadreId(0))).toEqual([]);
    const others = data.enrollments.filter((e) => e.user_id === cadreId(0) && e.course_id !== 'red-army-eastern-expedition');
    expect(others.map((e) => [e.required, e.last_lesson_id])).toEqual(others.map(() => [1, null]));
    expect(of(1, 'fixture-quiz').completed_at).not.toBeNull();
    expect(of(2, 'synthetic-quiz')).toMatchObject({ lessons_completed_at: expect.any(String), completed_at: null });
    expect(data.attempts.filter((a) => a.user_id === cadreId(2) && a.course_id === 'synthetic-quiz' && !a.passed)).toHaveLength(3);
  });
});

describe.each(testDialects())('the demo seed on %s', (dialect) => {
  const DEMO_NOW = new Date('2026-06-10T03:00:00Z');
  const courses = new Map(readDemoCourses().map((c) => [c.id, c]));
  let database: TestDatabase;
  let outcome: string;
  const idOf = async (login: string) => (await database.db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirstOrThrow()).id;
  const count = async (table: 'enrollments' | 'hours_ledger' | 'certificates' | 'quiz_attempts') => (await database.db.selectFrom(table).select('id').execute()).length;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    outcome = await seedDemo(database.db, DEMO_NOW);
  });
  afterAll(() => database?.drop());

  test('loads the county with a year of activity; seeding again changes nothing', async () => {
    expect(outcome).toBe('seeded');
    const before = await Promise.all([count('enrollments'), count('hours_ledger'), count('certificates'), count('quiz_attempts')]);
    expect(before.every((n) => n > 0)).toBe(true);
    expect(await seedDemo(database.db, DEMO_NOW)).toBe('already-seeded');
    expect(await Promise.all([count('enrollments'), count('hours_ledger'), count('certificates'), count('quiz_attempts')])).toEqual(before);
  });

  test('the completion rule finds every completed course already credited and certified, as if the app had completed it', async () => {
    const completed = await database.db.selectFrom('enrollments').select(['user_id', 'course_id']).where('completed_at', 'is not', null).execute();
    expect(completed.length).toBeGreaterThan(0);
    const certificates = await count('certificates');
    for (const e of completed) {
      const course = courses.get(e.course_id)!;
      const outcome = await completeCourseIfDone(database.db, e.user_id, { id: course.id, title: course.title, hoursTenths: course.hoursTenths, hasQuiz: Boolean(course.quiz) }, DEMO_NOW);
      expect(outcome).toEqual({ completed: true, credited: false });
    }
    expect(await count('certificates')).toBe(certificates);
    const cadre002 = await listCertificates(database.db, await idOf('cadre002'));
    expect(cadre002.map((c) => c.subject)).toContain('course:red-army-eastern-expedition');
  });

  test('every stored attempt scores the same when reviewed against the course bank', async () => {
    const attempts = await database.db.selectFrom('quiz_attempts').selectAll().execute();
    for (const a of attempts) {
      const quiz = courses.get(a.course_id)!.quiz as { bank: typeof fixtureBank };
      const score = scorePaper(quiz.bank, paperSchema.parse(JSON.parse(a.paper)), JSON.parse(a.answers!));
      expect([a.correct_count, a.score_percent, Boolean(a.passed)]).toEqual([score.correct, score.scorePercent, score.passed]);
    }
  });

  test('the showcase accounts are in their states: cadre001 has no hours yet and can start the quiz of 红军东征与永和 at once', async () => {
    const stateOf = async (login: string, courseId: string) =>
      database.db.selectFrom('enrollments').selectAll().where('user_id', '=', await idOf(login)).where('course_id', '=', courseId).executeTakeFirstOrThrow();
    for (const { login, courseId, stage } of DEMO_SHOWCASE) {
      const e = await stateOf(login, courseId);
      const attempts = await database.db.selectFrom('quiz_attempts').select('passed').where('user_id', '=', e.user_id).where('course_id', '=', courseId).execute();
      const limit = (courses.get(courseId)!.quiz as { bank: typeof fixtureBank }).bank.attemptLimit;
      const found = e.completed_at
        ? 'completed'
        : !e.lessons_completed_at
          ? e.last_lesson_id ? 'studying' : 'enrolled'
          : attempts.length === 0 ? 'lessons-done' : attempts.length < limit ? 'quiz-failed' : 'quiz-exhausted';
      expect(`${login}: ${found}`).toBe(`${login}: ${stage}`);
    }
    const red = courses.get('red-army-eastern-expedition')!;
    const cadre001 = await idOf('cadre001');
    expect(await database.db.selectFrom('hours_ledger').select('id').where('user_id', '=', cadre001).execute()).toEqual([]);
    const { created } = await startAttempt(database.db, await idOf('cadre001'), { courseId: red.id, bank: (red.quiz as { bank: typeof fixtureBank }).bank }, DEMO_NOW);
    expect(created).toBe(true);
  });
});
