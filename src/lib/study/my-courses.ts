import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type Catalog, type Course, getCourse, type Lesson } from '../catalog/catalog.ts';
import { type Enrollment, listEnrollments, studiedSecondsByCourse } from '../enrollment/enrollment.ts';

export interface MyCourse {
  course: Course;
  enrollment: Enrollment;
  /** Share of the required study time done, 0–1. */
  share: number;
  /** Where to pick up: the last lesson studied if unfinished, else the first unfinished lesson. */
  resume: Lesson | null;
}

/** The person's enrolled courses with progress, required first, most recently studied next. */
export async function myCourses(db: Kysely<Database>, userId: string, catalog: Catalog): Promise<MyCourse[]> {
  const [enrollments, studied] = await Promise.all([listEnrollments(db, userId), studiedSecondsByCourse(db, userId)]);
  return enrollments.flatMap((enrollment) => {
    const course = getCourse(catalog, enrollment.courseId);
    if (!course) return [];
    const seconds = studied.get(course.slug) ?? new Map<string, number>();
    const required = course.lessons.reduce((sum, l) => sum + l.minutes * 60, 0);
    const done = course.lessons.reduce((sum, l) => sum + Math.min(seconds.get(l.id) ?? 0, l.minutes * 60), 0);
    const unfinished = (l: Lesson) => (seconds.get(l.id) ?? 0) < l.minutes * 60;
    const last = course.lessons.find((l) => l.id === enrollment.lastLessonId);
    const resume = last && unfinished(last) ? last : (course.lessons.find(unfinished) ?? null);
    return [{ course, enrollment, share: required ? done / required : 0, resume }];
  });
}

/** The course to continue on the home page: the most recently studied one that is not finished. */
export function continueWhereStopped(courses: MyCourse[]): MyCourse | null {
  return (
    courses
      .filter((c) => c.enrollment.lastStudiedAt && c.resume)
      .sort((a, b) => b.enrollment.lastStudiedAt!.localeCompare(a.enrollment.lastStudiedAt!))[0] ?? null
  );
}
