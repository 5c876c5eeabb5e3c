export type EnrollmentOrigin = 'self' | 'assigned';

export interface EnrollmentsTable {
  id: string;
  user_id: string;
  /** Course slug (content/courses/<slug>). */
  course_id: string;
  origin: EnrollmentOrigin;
  /** 1 when the course is required (必修) for this person. */
  required: number;
  assigned_by: string | null;
  due_on: string | null;
  enrolled_at: string;
  /** When every lesson's study requirement was met. */
  lessons_completed_at: string | null;
  /** When a quiz attempt of the course was first passed. */
  quiz_passed_at: string | null;
  /** When the course completed (lessons and quiz) and its hours were credited. */
  completed_at: string | null;
  last_lesson_id: string | null;
  last_studied_at: string | null;
}
