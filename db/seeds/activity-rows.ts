import type { CertificatesTable } from '../../src/lib/certificates/certificates.table.ts';
import { courseSubject } from '../../src/lib/certificates/issue.ts';
import type { EnrollmentsTable } from '../../src/lib/enrollment/enrollment.table.ts';
import type { HoursLedgerTable } from '../../src/lib/hours/hours.table.ts';
import type { QuizAttemptsTable } from '../../src/lib/quiz/quiz.table.ts';
import type { LessonProgressTable } from '../../src/lib/study/study.table.ts';
import { attemptMinutesOf, MAX_OVERSTUDY, type PlannedEnrollment } from './activity-plan.ts';
import type { QuizSource } from './activity-quiz.ts';
import { beijingDateOf, beijingYearOf, isoString as iso } from './bulk-values.ts';
import type { SeededRandom } from './seeded-random.ts';

export interface EnrollmentRows {
  enrollment: EnrollmentsTable;
  lessons: LessonProgressTable[];
  attempts: QuizAttemptsTable[];
  credit: HoursLedgerTable | null;
  certificate: CertificatesTable | null;
}

/** Places segments of fixed length between `from` and `to`, the last one ending at `to`, with random gaps before each. */
function layOut(random: SeededRandom, from: number, to: number, durations: number[]): number[] {
  const weights = durations.map(() => 0.02 + random.next() ** 3);
  const total = weights.reduce((a, b) => a + b, 0);
  const slack = Math.max(0, to - from - durations.reduce((a, b) => a + b, 0));
  const starts: number[] = [];
  let at = from;
  durations.forEach((duration, i) => {
    at += (slack * weights[i]!) / total;
    starts.push(Math.floor(at));
    at += duration;
  });
  return starts;
}

/** Media watched from the start, as far as the share of the study done (JSON of `[start, end]` pairs). */
const watchedRanges = (mediaSeconds: number | undefined, share: number) =>
  mediaSeconds ? JSON.stringify([[0, Math.min(mediaSeconds, Math.floor(mediaSeconds * share))]]) : '[]';

export interface RowContext {
  userId: string;
  staffId: string | null;
  year: number;
  newId: () => string;
  newCode: () => string;
}

/** Every row one planned enrolment leaves behind, consistent with how the app writes them. */
export function rowsForEnrollment(random: SeededRandom, plan: PlannedEnrollment, quiz: QuizSource | null, context: RowContext): EnrollmentRows {
  const { userId, staffId, year, newId } = context;
  const { course, stage } = plan;
  const studyingCount = stage === 'enrolled' ? 0 : stage === 'studying' ? random.int(course.lessons.length) : course.lessons.length;
  const partial = stage === 'studying' && (studyingCount === 0 || random.chance(0.6));
  const studied = course.lessons.map((lesson, i) =>
    i < studyingCount
      ? lesson.requiredSeconds + Math.floor(random.next() * MAX_OVERSTUDY * lesson.requiredSeconds)
      : i === studyingCount && partial
        ? Math.max(1, Math.floor(random.between(0.1, 0.9) * lesson.requiredSeconds))
        : 0,
  );
  const studiedLessons = studyingCount + (partial ? 1 : 0);
  const attemptCount = quiz ? plan.failedAttempts + (stage === 'completed' ? 1 : 0) : 0;
  const attemptMinutes = course.quiz ? attemptMinutesOf(course.quiz) : 0;
  const attemptMs = Array.from({ length: attemptCount }, () => Math.floor(random.between(Math.min(3, attemptMinutes), attemptMinutes) * 60_000));
  const starts = layOut(random, plan.enrolledAt, plan.endAt, [...studied.slice(0, studiedLessons).map((s) => s * 1000), ...attemptMs]);

  const lessons = course.lessons.slice(0, studiedLessons).map((lesson, i): LessonProgressTable => {
    const done = i < studyingCount;
    return {
      user_id: userId,
      lesson_id: lesson.id,
      course_id: course.id,
      studied_seconds: studied[i]!,
      watched_ranges: watchedRanges(lesson.mediaSeconds, done ? 1 : studied[i]! / lesson.requiredSeconds),
      completed_at: done ? iso(starts[i]! + lesson.requiredSeconds * 1000) : null,
      updated_at: iso(starts[i]! + studied[i]! * 1000),
    };
  });
  const lessonsDoneAt = studyingCount === course.lessons.length && studyingCount > 0 ? lessons.at(-1)!.completed_at : null;
  const attempts = attemptMs.map((duration, k): QuizAttemptsTable => {
    const startedAt = starts[studiedLessons + k]!;
    const sheet = quiz!.sheet(random, k === plan.failedAttempts);
    const { timeLimitMinutes, passMark } = quiz!.bank;
    return {
      id: newId(),
      user_id: userId,
      course_id: course.id,
      paper: sheet.paperJson,
      status: 'submitted',
      started_at: iso(startedAt),
      deadline_at: timeLimitMinutes ? iso(startedAt + timeLimitMinutes * 60_000) : null,
      submitted_at: iso(startedAt + duration),
      answers: sheet.answersJson,
      correct_count: sheet.correct,
      question_count: sheet.questionCount,
      score_percent: sheet.scorePercent,
      pass_mark: passMark,
      passed: sheet.passed ? 1 : 0,
    };
  });
  const passedAt = attempts.find((a) => a.passed)?.submitted_at ?? null;
  const completedAt = stage !== 'completed' ? null : course.quiz ? passedAt : lessonsDoneAt;
  const last = lessons.at(-1);

  const enrollment: EnrollmentsTable = {
    id: newId(),
    user_id: userId,
    course_id: course.id,
    origin: plan.required ? 'assigned' : 'self',
    required: plan.required ? 1 : 0,
    assigned_by: plan.required ? staffId : null,
    due_on: plan.required ? `${year}-11-30` : null,
    enrolled_at: iso(plan.enrolledAt),
    lessons_completed_at: lessonsDoneAt,
    quiz_passed_at: passedAt,
    completed_at: completedAt,
    last_lesson_id: last?.lesson_id ?? null,
    last_studied_at: last?.updated_at ?? null,
  };
  if (!completedAt) return { enrollment, lessons, attempts, credit: null, certificate: null };
  const at = Date.parse(completedAt);
  const credit: HoursLedgerTable = {
    id: newId(),
    user_id: userId,
    year: beijingYearOf(at),
    hours_tenths: course.hoursTenths,
    kind: 'course',
    source: courseSubject(course.id),
    source_title: course.title,
    reason: '',
    counts_as_required: enrollment.required,
    actor_id: null,
    reverses_id: null,
    created_at: completedAt,
  };
  const certificate: CertificatesTable = {
    id: newId(),
    code: context.newCode(),
    kind: 'course',
    user_id: userId,
    subject: courseSubject(course.id),
    title: course.title,
    hours_tenths: course.hoursTenths,
    completed_on: beijingDateOf(at),
    issued_at: completedAt,
  };
  return { enrollment, lessons, attempts, credit, certificate };
}
