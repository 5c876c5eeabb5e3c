export type AttemptStatus = 'open' | 'submitted' | 'expired';

export interface QuizAttemptsTable {
  id: string;
  user_id: string;
  /** The quiz of a course is identified by the course slug. */
  course_id: string;
  /** JSON of the drawn paper (question ids and option orders); never sent to the browser as is. */
  paper: string;
  status: AttemptStatus;
  started_at: string;
  /** Server-side deadline when the quiz has a time limit. */
  deadline_at: string | null;
  submitted_at: string | null;
  /** JSON of the submitted answers (displayed positions). */
  answers: string | null;
  correct_count: number | null;
  question_count: number;
  score_percent: number | null;
  /** The pass mark in force when the attempt started. */
  pass_mark: number;
  passed: number;
}
