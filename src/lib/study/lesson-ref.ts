/** What the study rules need to know of a lesson, taken from the catalog by the caller. */
export interface StudyLesson {
  /** `<course slug>/<lesson slug>`. */
  id: string;
  courseId: string;
  requiredSeconds: number;
  /** Length of the lesson's audio or video, when it has one. */
  mediaSeconds: number | null;
}

/** What the rules need of a course. */
export interface StudyCourse {
  id: string;
  open: boolean;
  lessons: StudyLesson[];
}

/** Share of a lesson's media that must have been watched (besides the study minutes). */
export const MEDIA_COVERAGE_REQUIRED = 0.9;
