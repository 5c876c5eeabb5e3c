import type { Course } from '../catalog/catalog.ts';
import type { Enrollment } from '../enrollment/enrollment.ts';
import { courseShareDone, type LessonProgress } from '../study/progress.ts';

export function presentCourseSummary(course: Course) {
  return {
    id: course.slug,
    title: course.title,
    summary: course.summary,
    category: course.category,
    format: course.format,
    tags: course.tags,
    hours: course.hours,
    audience: course.audience,
    cover: course.cover ?? null,
    open: course.open,
    lessonCount: course.lessons.length,
    totalMinutes: course.totalMinutes,
  };
}

export function presentCourseDetail(course: Course, enrollment: Enrollment | null, progress: LessonProgress[]) {
  return {
    ...presentCourseSummary(course),
    lessons: course.lessons.map((l) => ({ id: l.id, title: l.title, position: l.position, minutes: l.minutes, media: l.media?.kind ?? null })),
    references: course.references,
    enrollment: enrollment && {
      enrolledAt: enrollment.enrolledAt,
      required: enrollment.required,
      lessonsCompletedAt: enrollment.lessonsCompletedAt,
      quizPassedAt: enrollment.quizPassedAt,
      completedAt: enrollment.completedAt,
      lessons: progress.map(({ lessonId, studiedSeconds, requiredSeconds, completed }) => ({ lessonId, studiedSeconds, requiredSeconds, completed })),
    },
  };
}

export function presentEnrollment(enrollment: Enrollment, course: Course | null, progress: LessonProgress[]) {
  return { ...enrollment, courseTitle: course?.title ?? enrollment.courseId, progress: courseShareDone(progress) };
}
