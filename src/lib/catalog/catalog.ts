import { CatalogError, courseSlugFromPath, lessonIdFromPath, splitLessonId } from './ids.ts';
import { extractTerms, plainTextFromMdx, type GlossaryTerm } from './mdx-text.ts';
import type { CourseData, LessonData } from './schema.ts';

/** A course entry as the content layer hands it over: its `course.yaml` path and parsed data. */
export interface CourseSource {
  filePath: string;
  data: CourseData;
}

/** A lesson entry: its `.mdx` path, parsed frontmatter and raw MDX body. */
export interface LessonSource {
  filePath: string;
  data: LessonData;
  body: string;
  /** Set for a lesson written in the browser: rendered by the safe compiler, not the content layer. */
  authored?: boolean;
}

export interface Lesson extends LessonData {
  /** `<course slug>/<lesson slug>`, stable across renumbering; the key for study records. */
  id: string;
  courseSlug: string;
  slug: string;
  /** 1-based place in the course outline. */
  position: number;
  /** The lesson text without markup (search, excerpts). */
  text: string;
  /** Its `<Term>`s, for the 名词解释 list at the end of the lesson. */
  terms: GlossaryTerm[];
  /** The MDX body of a browser-authored lesson (src/lib/authoring); absent for content/ lessons. */
  authoredBody?: string;
}

export interface Course extends CourseData {
  slug: string;
  lessons: Lesson[];
  /** Sum of the lessons' required minutes. */
  totalMinutes: number;
}

export interface Catalog {
  /** Courses in `order`, then title. */
  courses: Course[];
  bySlug: Map<string, Course>;
  /** Every tag in use, most used first. */
  tags: string[];
}

const byOrderThenTitle = (a: { order: number; title: string }, b: { order: number; title: string }) =>
  a.order - b.order || a.title.localeCompare(b.title, 'zh-CN');

/** Builds the catalog from content entries; throws CatalogError for an orphan lesson or a clash of order. */
export function buildCatalog(courseSources: CourseSource[], lessonSources: LessonSource[]): Catalog {
  const lessonsBySlug = new Map<string, Array<Omit<Lesson, 'position'>>>();
  const courseSlugs = new Set(courseSources.map((c) => courseSlugFromPath(c.filePath)));
  for (const source of lessonSources) {
    const id = lessonIdFromPath(source.filePath);
    const { courseSlug, lessonSlug } = splitLessonId(id);
    if (!courseSlugs.has(courseSlug)) {
      throw new CatalogError(`课节 ${source.filePath} 所在的目录里没有 course.yaml：请补上课程信息，或把课节移到对应课程的目录里。`);
    }
    const list = lessonsBySlug.get(courseSlug) ?? [];
    const clash = list.find((l) => l.order === source.data.order || l.slug === lessonSlug);
    if (clash) {
      const what = clash.slug === lessonSlug ? `英文名“${lessonSlug}”` : `顺序号 order: ${clash.order}`;
      throw new CatalogError(`课节 ${source.filePath} 与《${clash.title}》的${what}重复：同一课程里每课的 order 和文件英文名都不能相同。`);
    }
    list.push({
      ...source.data,
      id,
      courseSlug,
      slug: lessonSlug,
      text: plainTextFromMdx(source.body),
      terms: extractTerms(source.body),
      ...(source.authored ? { authoredBody: source.body } : {}),
    });
    lessonsBySlug.set(courseSlug, list);
  }

  const courses = courseSources
    .map((source): Course => {
      const slug = courseSlugFromPath(source.filePath);
      const lessons = (lessonsBySlug.get(slug) ?? []).sort(byOrderThenTitle).map((l, i) => ({ ...l, position: i + 1 }));
      return { ...source.data, slug, lessons, totalMinutes: lessons.reduce((sum, l) => sum + l.minutes, 0) };
    })
    .sort(byOrderThenTitle);

  return { courses, bySlug: new Map(courses.map((c) => [c.slug, c])), tags: tagsByUse(courses) };
}

function tagsByUse(courses: Course[]): string[] {
  const counts = new Map<string, number>();
  for (const tag of courses.flatMap((c) => c.tags)) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).map(([tag]) => tag);
}

/** The course with this slug, or null. */
export function getCourse(catalog: Catalog, slug: string): Course | null {
  return catalog.bySlug.get(slug) ?? null;
}

export interface LessonPlace {
  course: Course;
  lesson: Lesson;
  previous: Lesson | null;
  next: Lesson | null;
}

/** A lesson with its course and neighbours in the outline, or null when either slug is unknown. */
export function getLesson(catalog: Catalog, courseSlug: string, lessonSlug: string): LessonPlace | null {
  const course = getCourse(catalog, courseSlug);
  const index = course?.lessons.findIndex((l) => l.slug === lessonSlug) ?? -1;
  if (!course || index < 0) return null;
  return {
    course,
    lesson: course.lessons[index]!,
    previous: course.lessons[index - 1] ?? null,
    next: course.lessons[index + 1] ?? null,
  };
}
