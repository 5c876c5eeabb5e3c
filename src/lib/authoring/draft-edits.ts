import { ConflictError, ValidationError } from '../errors.ts';
import type { AuthoredLesson, CourseContent } from './content.ts';
import { findLesson } from './drafting.ts';

/**
 * The changes an author makes to a draft, as pure functions of its content. Checks here are only
 * those that keep the draft coherent; the full rules of content/ apply when it is submitted.
 */

export const MAX_LESSONS = 60;

export function setCourseFields(content: CourseContent, fields: Record<string, unknown>): CourseContent {
  const course = { ...content.course, ...fields };
  for (const [key, value] of Object.entries(course)) if (value === undefined) delete course[key];
  return { ...content, course };
}

export type LessonPatch = Partial<Omit<AuthoredLesson, 'slug' | 'media'>> & { media?: AuthoredLesson['media'] | null };

export function updateLesson(content: CourseContent, lessonSlug: string, patch: LessonPatch): CourseContent {
  findLesson(content, lessonSlug);
  return {
    ...content,
    lessons: content.lessons.map((lesson) => {
      if (lesson.slug !== lessonSlug) return lesson;
      const { media, ...rest } = patch;
      const next: AuthoredLesson = { ...lesson, ...rest };
      if (media === null) delete next.media;
      else if (media) next.media = media;
      return next;
    }),
  };
}

export function addLesson(content: CourseContent, slug: string, title: string): CourseContent {
  if (content.lessons.length >= MAX_LESSONS) throw new ValidationError(`一门课程最多 ${MAX_LESSONS} 课。`);
  if (content.lessons.some((l) => l.slug === slug)) throw new ConflictError(`已有英文名为“${slug}”的课节。`);
  const lesson: AuthoredLesson = { slug, title: title.trim() || `第 ${content.lessons.length + 1} 课`, minutes: 10, summary: '', body: '' };
  return { ...content, lessons: [...content.lessons, lesson] };
}

export function removeLesson(content: CourseContent, lessonSlug: string): CourseContent {
  findLesson(content, lessonSlug);
  if (content.lessons.length === 1) throw new ValidationError('课程至少要有一课：请先添加新的一课，再删去这一课。');
  return { ...content, lessons: content.lessons.filter((l) => l.slug !== lessonSlug) };
}

/** Moves a lesson one place up (-1) or down (+1) in the outline; at either end nothing changes. */
export function moveLesson(content: CourseContent, lessonSlug: string, delta: -1 | 1): CourseContent {
  findLesson(content, lessonSlug);
  const lessons = [...content.lessons];
  const from = lessons.findIndex((l) => l.slug === lessonSlug);
  const to = from + delta;
  if (to < 0 || to >= lessons.length) return content;
  [lessons[from], lessons[to]] = [lessons[to]!, lessons[from]!];
  return { ...content, lessons };
}

export function setQuiz(content: CourseContent, quiz: string | null): CourseContent {
  return { ...content, quiz: quiz?.trim() ? quiz : null };
}
