/** A course written in the browser. Its slug shares one namespace with `content/courses/`. */
export interface AuthoredCoursesTable {
  slug: string;
  /** The trainer who created it; the two-person rule keeps them from reviewing it. */
  author_id: string;
  /** The version cadres see; null until the first approval. Rollback points it at an earlier one. */
  published_version: number | null;
  created_at: string;
}

/** `published` means approved once: it stays frozen and may be rolled back to; the live one is authored_courses.published_version. */
export type VersionStatus = 'draft' | 'submitted' | 'returned' | 'published';

/** One version of a course. Only a draft or returned version may change; the rest are frozen. */
export interface CourseVersionsTable {
  course_slug: string;
  /** 1, 2, 3 … per course. */
  number: number;
  status: VersionStatus;
  /** JSON of CourseContent (src/lib/authoring/content.ts). */
  content: string;
  /** The published version this draft was started from (for the reviewer's diff). */
  based_on: number | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export type CourseEventAction = 'created' | 'submitted' | 'returned' | 'published' | 'rolled_back' | 'imported' | 'new_version';

/** Every transition of every version, with who did it, when and why. Append only. */
export interface CourseEventsTable {
  id: string;
  course_slug: string;
  version: number;
  action: CourseEventAction;
  actor_id: string;
  comment: string;
  at: string;
}
