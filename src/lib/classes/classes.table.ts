export const CLASS_KINDS = ['lecture', 'reading', 'special'] as const;
export type ClassKind = (typeof CLASS_KINDS)[number];
export const CLASS_KIND_LABELS: Record<ClassKind, string> = { lecture: '干部大讲堂', reading: '读书班', special: '专题培训' };

/** A class (班次) run by a responsible trainer for cadres of a unit's subtree. */
export interface ClassesTable {
  id: string;
  kind: ClassKind;
  title: string;
  description: string;
  /** 'YYYY-MM-DD' (Beijing). */
  starts_on: string;
  ends_on: string;
  place: string;
  /** The unit whose subtree the class serves; must lie in the managing trainer's scope. */
  org_unit_id: string;
  trainer_id: string;
  /** Reading class: the 读书班 course in content whose `readings` are the reading list. */
  reading_course_id: string | null;
  /** Reading class: minimum length of a reading note in characters. */
  note_min_chars: number;
  /** Reading class: hours credited per approved note. */
  reading_hours_tenths: number;
  status: 'open' | 'closed';
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ClassMembersTable {
  class_id: string;
  user_id: string;
  /** How the cadre joined the roster: 'unit' | 'position' | 'single' | 'import'. */
  source: string;
  added_by: string | null;
  added_at: string;
}

/** Required courses assigned to a class's roster, with a deadline. */
export interface ClassCoursesTable {
  class_id: string;
  course_id: string;
  due_on: string | null;
  assigned_by: string | null;
  assigned_at: string;
}

export interface ClassSessionsTable {
  id: string;
  class_id: string;
  starts_at: string;
  ends_at: string;
  place: string;
  speaker: string;
  topic: string;
  hours_tenths: number;
  checkin_opens_at: string;
  checkin_closes_at: string;
  /** Secret for the rotating check-in codes; never leaves the server. */
  token_secret: string;
  /** A recorded lecture attached as a video lesson for absentees (`<course>/<lesson>`). */
  recording_lesson_id: string | null;
  status: 'scheduled' | 'closed';
  closed_at: string | null;
  closed_by: string | null;
  created_at: string;
}

export interface AttendanceTable {
  session_id: string;
  user_id: string;
  status: 'present' | 'leave';
  /** 'qr' (scanned), 'manual' (recorded by the trainer, with reason). */
  method: 'qr' | 'manual';
  reason: string;
  actor_id: string | null;
  recorded_at: string;
}

export type NoteStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface ReadingNotesTable {
  id: string;
  class_id: string;
  user_id: string;
  /** Which reading of the list (e.g. `week-1`). */
  reading_key: string;
  body: string;
  status: NoteStatus;
  submitted_at: string | null;
  reviewer_id: string | null;
  reviewed_at: string | null;
  review_comment: string;
  /** JSON: the most similar other note and its score, when flagged. */
  similarity: string | null;
  updated_at: string;
}
