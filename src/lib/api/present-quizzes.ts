import { attemptsUsed, readAnswers, readPaper, toAttemptSummary } from '../quiz/attempts.ts';
import type { QuizBank } from '../quiz/bank-schema.ts';
import { paperForCandidate, paperReview } from '../quiz/present.ts';
import type { QuizAttemptsTable } from '../quiz/quiz.table.ts';

/** An attempt in progress: questions and options only. The bank's key and explanations stay on the server. */
export function presentOpenAttempt(bank: QuizBank, row: QuizAttemptsTable) {
  return { ...toAttemptSummary(row), questions: paperForCandidate(bank, readPaper(row)) };
}

/** A submitted attempt with the right answers and explanations, shown only after submission. */
export function presentSubmittedAttempt(bank: QuizBank, row: QuizAttemptsTable, courseCompleted: boolean) {
  return { ...toAttemptSummary(row), review: paperReview(bank, readPaper(row), readAnswers(row)), courseCompleted };
}

export function presentQuiz(courseId: string, bank: QuizBank, attempts: QuizAttemptsTable[], state: { passed: boolean; lessonsCompleted: boolean }) {
  const open = attempts.find((a) => a.status === 'open');
  return {
    id: courseId,
    courseId,
    title: bank.title,
    passMark: bank.passMark,
    attemptLimit: bank.attemptLimit,
    questionCount: bank.draw,
    timeLimitMinutes: bank.timeLimitMinutes ?? null,
    attemptsUsed: attemptsUsed(attempts),
    passed: state.passed,
    lessonsCompleted: state.lessonsCompleted,
    openAttempt: open ? presentOpenAttempt(bank, open) : null,
    attempts: attempts.filter((a) => a.status !== 'open').map(toAttemptSummary),
  };
}
