import type { CourseSource, LessonSource } from '../../../src/lib/catalog/catalog.ts';
import type { CourseData, LessonData } from '../../../src/lib/catalog/schema.ts';

/** A valid course entry at content/courses/<slug>/course.yaml; override any field. */
export function courseSource(slug: string, data: Partial<CourseData> = {}): CourseSource {
  return {
    filePath: `content/courses/${slug}/course.yaml`,
    data: {
      title: `课程 ${slug}`,
      summary: '课程简介。',
      category: '理论教育',
      format: 'online',
      tags: [],
      hours: 1,
      audience: '全县干部',
      open: true,
      order: 1,
      references: [],
      ...data,
    },
  };
}

/** A lesson entry in a course folder; `file` is the file name, e.g. `01-intro.mdx`. */
export function lessonSource(courseSlug: string, file: string, data: Partial<LessonData> = {}, body = '正文。'): LessonSource {
  return {
    filePath: `content/courses/${courseSlug}/${file}`,
    data: { title: `课节 ${file}`, order: 1, minutes: 10, summary: '课节简介。', ...data },
    body,
  };
}
