import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import type { TestClient } from '../support/http-client.ts';
import { answerAll, explanations, QUIZ_COURSE, rightChoices, wrongChoices, type ShownQuestion } from '../support/quiz-key.ts';
import { useServer } from '../support/suite.ts';

const QUIZ = `/api/v1/quizzes/${QUIZ_COURSE}`;
const ATTEMPTS = `${QUIZ}/attempts`;

describe.each(testDialects())('quizzes, course completion and the ledger over HTTP on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    const logins = ['passer', 'failer', 'lazy', 'racer', 'healer', 'late', 'prober'];
    const users = Object.fromEntries(await Promise.all(logins.map(async (login) => [login, await makeUser(db, 'cadre', units.townA, { login })])));
    return { users };
  });

  /** Enrols and marks every lesson studied (the study rules have their own tests). */
  async function readyForQuiz(login: string): Promise<TestClient> {
    const client = await suite.as(login);
    expect((await client.post('/api/v1/enrollments', { courseId: QUIZ_COURSE })).status).toBe(201);
    const user = suite.seeded.users[login]!;
    await suite.database.db.updateTable('enrollments').set({ lessons_completed_at: new Date().toISOString() }).where('user_id', '=', user.id).execute();
    return client;
  }

  const ledgerOf = async (login: string) =>
    suite.database.db.selectFrom('hours_ledger').selectAll().where('user_id', '=', suite.seeded.users[login]!.id).execute();

  test('a quiz needs enrolment and finished lessons; an unknown quiz is 404', async () => {
    const client = await suite.as('lazy');
    expect((await client.get(QUIZ)).data.error.code).toBe('not_enrolled');
    expect((await client.get('/api/v1/quizzes/no-such-course')).status).toBe(404);
    expect((await client.post('/api/v1/quizzes/no-such-course/attempts', {})).status).toBe(404);
    await client.post('/api/v1/enrollments', { courseId: QUIZ_COURSE });
    const refused = await client.post(ATTEMPTS, {});
    expect(refused.status).toBe(409);
    expect(refused.data.error.code).toBe('quiz_unavailable');
    expect((await suite.client().get(QUIZ)).status).toBe(401);
  });

  test('nothing the browser gets before submission holds the key; after submission the review explains', async () => {
    const client = await readyForQuiz('passer');
    const started = await client.post(ATTEMPTS, {});
    expect(started.status).toBe(201);
    expect(started.data.questions).toHaveLength(4);
    const before = [started.text, (await client.get(QUIZ)).text, (await client.get(`/courses/${QUIZ_COURSE}/quiz`)).text, (await client.get(`/courses/${QUIZ_COURSE}`)).text];
    // The quiz page really shows the paper (so the check below is not vacuous).
    for (const q of started.data.questions) expect(before[2]).toContain(q.prompt);
    for (const text of before) {
      for (const explanation of explanations) expect(text).not.toContain(explanation);
      expect(text).not.toMatch(/"(answer|correctChoices|explanation|optionOrder)"/);
    }
    // A reload gets the same paper instead of a new draw.
    const again = await client.post(ATTEMPTS, {});
    expect(again.status).toBe(200);
    expect(again.data.id).toBe(started.data.id);
    expect(again.data.questions).toEqual(started.data.questions);

    const questions: ShownQuestion[] = started.data.questions;
    const submitted = await client.post(ATTEMPTS, { attemptId: started.data.id, answers: answerAll(questions, rightChoices) });
    expect(submitted.status).toBe(200);
    expect(submitted.data).toMatchObject({ status: 'submitted', scorePercent: 100, passed: true, courseCompleted: true });
    expect(submitted.data.review.every((q: { correct: boolean; explanation: string }) => q.correct && explanations.includes(q.explanation))).toBe(true);

    const ledger = await ledgerOf('passer');
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ kind: 'course', source: `course:${QUIZ_COURSE}`, hours_tenths: 15 });
    const hours = await client.get('/api/v1/hours');
    expect(hours.data.total).toBe(1.5);
    const quiz = await client.get(QUIZ);
    expect(quiz.data).toMatchObject({ passed: true, attemptsUsed: 1, openAttempt: null });
    expect((await client.post(ATTEMPTS, {})).data.error.code).toBe('quiz_unavailable');
  });

  test('a failed attempt credits nothing, a paper is submitted once, and the attempt limit holds', async () => {
    const client = await readyForQuiz('failer');
    for (let attempt = 1; attempt <= 2; attempt++) {
      const started = await client.post(ATTEMPTS, {});
      expect(started.status).toBe(201);
      const wrong = await client.post(ATTEMPTS, { attemptId: started.data.id, answers: answerAll(started.data.questions, wrongChoices) });
      expect(wrong.data).toMatchObject({ scorePercent: 0, passed: false, courseCompleted: false });
      const twice = await client.post(ATTEMPTS, { attemptId: started.data.id, answers: answerAll(started.data.questions, rightChoices) });
      expect(twice.status).toBe(409);
    }
    const exhausted = await client.post(ATTEMPTS, {});
    expect(exhausted.status).toBe(409);
    expect(exhausted.data.error.message).toContain('次数已用完');
    expect(await ledgerOf('failer')).toHaveLength(0);
    expect((await client.get(QUIZ)).data).toMatchObject({ attemptsUsed: 2, passed: false });
  });

  test('bad answer sheets are refused with 4xx and change nothing', async () => {
    const client = await readyForQuiz('prober');
    const started = await client.post(ATTEMPTS, {});
    const [first] = started.data.questions as ShownQuestion[];
    const bad = [
      { attemptId: started.data.id, answers: [{ questionId: first!.questionId, choices: [7] }] },
      { attemptId: started.data.id, answers: [{ questionId: 'not-on-paper', choices: [0] }] },
      { attemptId: started.data.id, answers: [{ questionId: first!.questionId, choices: [-1] }] },
      { attemptId: started.data.id, answers: 'all right' },
      { attemptId: started.data.id },
      { attemptId: started.data.id, answers: [], score: 100 },
    ];
    for (const body of bad) {
      const res = await client.post(ATTEMPTS, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    // Someone else's attempt id is as unknown as a made-up one.
    const other = await suite.as('lazy');
    expect((await other.post(ATTEMPTS, { attemptId: started.data.id, answers: [] })).status).toBe(404);
    const quiz = await client.get(QUIZ);
    expect(quiz.data.openAttempt.id).toBe(started.data.id);
    expect(quiz.data.attemptsUsed).toBe(0);
  });

  test('the time limit is enforced by the server: a late sheet is refused and the attempt counts', async () => {
    const client = await readyForQuiz('late');
    const started = await client.post(ATTEMPTS, {});
    expect(Date.parse(started.data.deadlineAt) - Date.parse(started.data.startedAt)).toBe(5 * 60_000);
    await suite.database.db.updateTable('quiz_attempts').set({ deadline_at: new Date(Date.now() - 31_000).toISOString() }).where('id', '=', started.data.id).execute();
    const late = await client.post(ATTEMPTS, { attemptId: started.data.id, answers: answerAll(started.data.questions, rightChoices) });
    expect(late.status).toBe(409);
    expect(late.data.error.code).toBe('quiz_time_up');
    expect((await client.get(QUIZ)).data).toMatchObject({ attemptsUsed: 1, passed: false, openAttempt: null });
    expect(await ledgerOf('late')).toHaveLength(0);
  });

  test('parallel submissions of one passing sheet credit the course exactly once', async () => {
    const client = await readyForQuiz('racer');
    const started = await client.post(ATTEMPTS, {});
    const body = { attemptId: started.data.id, answers: answerAll(started.data.questions, rightChoices) };
    const results = await Promise.all(Array.from({ length: 12 }, () => client.post(ATTEMPTS, body)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(11);
    expect(await ledgerOf('racer')).toHaveLength(1);
  });

  test('parallel completion of an interrupted course writes one credit and one certificate', async () => {
    const client = await readyForQuiz('healer');
    const user = suite.seeded.users['healer']!;
    // As if the server stopped between the passing attempt and the credit.
    await suite.database.db.updateTable('enrollments').set({ quiz_passed_at: new Date().toISOString() }).where('user_id', '=', user.id).execute();
    const pages = await Promise.all(Array.from({ length: 10 }, () => client.get(`/courses/${QUIZ_COURSE}`)));
    expect(pages.every((p) => p.status === 200)).toBe(true);
    expect(await ledgerOf('healer')).toHaveLength(1);
    const certificates = await suite.database.db.selectFrom('certificates').select(sql<number>`count(*)`.as('n')).where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(Number(certificates.n)).toBe(1);
  });
});
