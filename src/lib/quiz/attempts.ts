import type { Kysely, Transaction } from 'kysely';
import { isPostgres } from '../../../db/connection.ts';
import type { Database } from '../../../db/schema.ts';
import { ConflictError, DomainError, NotFoundError } from '../errors.ts';
import { NotEnrolledError } from '../study/heartbeat.ts';
import { newId } from '../util/ids.ts';
import type { QuizBank } from './bank-schema.ts';
import { drawPaper, type RandomInt, cryptoRandomInt } from './draw.ts';
import { paperSchema, type Paper } from './paper.ts';
import type { QuizAttemptsTable } from './quiz.table.ts';
import { scorePaper, type SubmittedAnswers } from './scoring.ts';
import { SUBMIT_GRACE_SECONDS, deadlineOf } from './time-limit.ts';

/** A course's quiz as the attempt rules need it; the quiz of a course has the course's id. */
export interface CourseQuiz {
  courseId: string;
  bank: QuizBank;
}

export class QuizUnavailableError extends DomainError {
  constructor(message: string) {
    super('quiz_unavailable', message);
  }
}

export class QuizTimeUpError extends DomainError {
  constructor() {
    super('quiz_time_up', '答题时间已到，这次答卷没有按时提交，不能再计分；本次作答计入次数。');
  }
}

export interface AttemptSummary {
  id: string;
  status: QuizAttemptsTable['status'];
  startedAt: string;
  deadlineAt: string | null;
  submittedAt: string | null;
  scorePercent: number | null;
  correctCount: number | null;
  questionCount: number;
  passMark: number;
  passed: boolean;
}

export function toAttemptSummary(row: QuizAttemptsTable): AttemptSummary {
  return {
    id: row.id,
    status: row.status,
    startedAt: row.started_at,
    deadlineAt: row.deadline_at,
    submittedAt: row.submitted_at,
    scorePercent: row.score_percent,
    correctCount: row.correct_count,
    questionCount: row.question_count,
    passMark: row.pass_mark,
    passed: Boolean(row.passed),
  };
}

const isLate = (row: Pick<QuizAttemptsTable, 'deadline_at'>, now: Date) =>
  row.deadline_at !== null && now.getTime() > Date.parse(row.deadline_at) + SUBMIT_GRACE_SECONDS * 1000;

/** An open attempt whose time ran out is closed as expired (it counts as used) the next time anyone looks. */
async function expireOverdue(db: Kysely<Database> | Transaction<Database>, userId: string, courseId: string, now: Date) {
  const open = await db.selectFrom('quiz_attempts').select(['id', 'deadline_at']).where('user_id', '=', userId).where('course_id', '=', courseId).where('status', '=', 'open').execute();
  const overdue = open.filter((row) => isLate(row, now)).map((row) => row.id);
  if (overdue.length > 0) {
    await db.updateTable('quiz_attempts').set({ status: 'expired', score_percent: 0, correct_count: 0 }).where('id', 'in', overdue).where('status', '=', 'open').execute();
  }
}

/** The person's attempts at a course's quiz, oldest first (overdue ones closed first). */
export async function listAttempts(db: Kysely<Database>, userId: string, courseId: string, now = new Date()): Promise<QuizAttemptsTable[]> {
  await expireOverdue(db, userId, courseId, now);
  return db.selectFrom('quiz_attempts').selectAll().where('user_id', '=', userId).where('course_id', '=', courseId).orderBy('started_at').execute();
}

/** How many attempts are used up: every attempt that is not open any more. */
export const attemptsUsed = (attempts: QuizAttemptsTable[]) => attempts.filter((a) => a.status !== 'open').length;

/**
 * Starts an attempt, or returns the one already open (a reload or a second tab gets the same paper,
 * so nobody can draw again and again for easier questions). The lessons must be complete, the quiz
 * not yet passed, and attempts left.
 */
export async function startAttempt(db: Kysely<Database>, userId: string, quiz: CourseQuiz, now = new Date(), random: RandomInt = cryptoRandomInt): Promise<{ attempt: QuizAttemptsTable; paper: Paper; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const enrollment = await lockEnrollment(trx, userId, quiz.courseId);
    if (!enrollment) throw new NotEnrolledError();
    if (!enrollment.lessons_completed_at) throw new QuizUnavailableError('请先学完本课程的全部课时，再参加结业测验。');
    if (enrollment.quiz_passed_at) throw new QuizUnavailableError('您已通过本课程的测验，无需再考。');
    await expireOverdue(trx, userId, quiz.courseId, now);
    const attempts = await trx.selectFrom('quiz_attempts').selectAll().where('user_id', '=', userId).where('course_id', '=', quiz.courseId).execute();
    const open = attempts.find((a) => a.status === 'open');
    if (open) return { attempt: open, paper: readPaper(open), created: false };
    if (attemptsUsed(attempts) >= quiz.bank.attemptLimit) {
      throw new QuizUnavailableError(`本测验最多可作答 ${quiz.bank.attemptLimit} 次，您的次数已用完。如有特殊情况，请联系培训教师。`);
    }
    const paper = drawPaper(quiz.bank, random);
    const deadline = deadlineOf(now, quiz.bank.timeLimitMinutes, 0);
    const attempt: QuizAttemptsTable = {
      id: newId(),
      user_id: userId,
      course_id: quiz.courseId,
      paper: JSON.stringify(paper),
      status: 'open',
      started_at: now.toISOString(),
      deadline_at: deadline?.toISOString() ?? null,
      submitted_at: null,
      answers: null,
      correct_count: null,
      question_count: paper.length,
      score_percent: null,
      pass_mark: quiz.bank.passMark,
      passed: 0,
    };
    await trx.insertInto('quiz_attempts').values(attempt).execute();
    return { attempt, paper, created: true };
  });
}

/**
 * Scores a submitted answer sheet on the server. Only an open attempt of this person and quiz can be
 * submitted, once (a second submission, also a concurrent one, is refused); a late one is closed as
 * expired. A pass marks the enrolment; the caller then completes the course.
 */
export async function submitAttempt(db: Kysely<Database>, userId: string, quiz: CourseQuiz, attemptId: string, answers: SubmittedAnswers, now = new Date()) {
  const row = await findAttempt(db, userId, quiz.courseId, attemptId);
  if (row.status !== 'open') throw new ConflictError('这份答卷已经提交过，不能重复提交。');
  if (isLate(row, now)) {
    await db.updateTable('quiz_attempts').set({ status: 'expired', score_percent: 0, correct_count: 0 }).where('id', '=', row.id).where('status', '=', 'open').execute();
    throw new QuizTimeUpError();
  }
  const paper = readPaper(row);
  const score = scorePaper(quiz.bank, paper, answers);
  const stamp = now.toISOString();
  const updated = await db
    .updateTable('quiz_attempts')
    .set({ status: 'submitted', submitted_at: stamp, answers: JSON.stringify(answers), correct_count: score.correct, score_percent: score.scorePercent, passed: score.scorePercent >= row.pass_mark ? 1 : 0 })
    .where('id', '=', row.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) throw new ConflictError('这份答卷已经提交过，不能重复提交。');
  const passed = score.scorePercent >= row.pass_mark;
  if (passed) {
    await db.updateTable('enrollments').set({ quiz_passed_at: stamp }).where('user_id', '=', userId).where('course_id', '=', quiz.courseId).where('quiz_passed_at', 'is', null).execute();
  }
  return { attempt: await findAttempt(db, userId, quiz.courseId, attemptId), paper, passed };
}

/** One of the person's attempts; another person's attempt id answers 404 like a made-up one. */
export async function findAttempt(db: Kysely<Database>, userId: string, courseId: string, attemptId: string): Promise<QuizAttemptsTable> {
  const row = await db.selectFrom('quiz_attempts').selectAll().where('id', '=', attemptId).where('user_id', '=', userId).where('course_id', '=', courseId).executeTakeFirst();
  if (!row) throw new NotFoundError('找不到这份答卷。');
  return row;
}

export function readPaper(row: Pick<QuizAttemptsTable, 'paper'>): Paper {
  return paperSchema.parse(JSON.parse(row.paper));
}

export function readAnswers(row: Pick<QuizAttemptsTable, 'answers'>): SubmittedAnswers {
  return row.answers ? (JSON.parse(row.answers) as SubmittedAnswers) : [];
}

/** The enrolment row, locked on PostgreSQL so two starts cannot both see "no open attempt" (SQLite has one writer). */
async function lockEnrollment(trx: Transaction<Database>, userId: string, courseId: string) {
  let query = trx.selectFrom('enrollments').select(['lessons_completed_at', 'quiz_passed_at']).where('user_id', '=', userId).where('course_id', '=', courseId);
  if (isPostgres(trx)) query = query.forUpdate();
  return query.executeTakeFirst();
}
