import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { ScopeSubject } from '../org/scope.ts';
import { type ClassViewer, requireClassViewer } from './access.ts';
import { type ClassCourse, listClassCourses } from './assigned-courses.ts';
import { type ClassSummary, classSummary } from './classes.ts';
import type { ContentLookup } from './content-lookup.ts';
import { listRoster, type RosterMember } from './roster-list.ts';
import { listSessions, type SessionView } from './sessions.ts';

/** A class with everything its page shows; a cadre on the roster sees only their own roster row. */
export interface ClassDetail {
  viewer: ClassViewer;
  summary: ClassSummary;
  description: string;
  readingCourseId: string | null;
  noteMinChars: number;
  readingHoursTenths: number;
  courses: ClassCourse[];
  sessions: SessionView[];
  roster: RosterMember[];
}

/** The class for its managers (everything) or a cadre on its roster (their own row); NotFound for anyone else. */
export async function loadClassDetail(db: Kysely<Database>, viewer: ScopeSubject, classId: string, content: ContentLookup): Promise<ClassDetail> {
  const { cls, as } = await requireClassViewer(db, viewer, classId);
  const [summary, courses, sessions, roster] = await Promise.all([
    classSummary(db, classId),
    listClassCourses(db, classId, content),
    listSessions(db, classId, content),
    listRoster(db, classId, as === 'member' ? viewer.id : undefined),
  ]);
  return {
    viewer: as,
    summary,
    description: cls.description,
    readingCourseId: cls.reading_course_id,
    noteMinChars: cls.note_min_chars,
    readingHoursTenths: cls.reading_hours_tenths,
    courses,
    sessions,
    roster,
  };
}
