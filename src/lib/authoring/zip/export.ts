import { strToU8, zipSync, type Zippable } from 'fflate';
import { stringify } from 'yaml';
import { COURSE_SLUG, type CourseContent } from '../content.ts';
import { joinFrontmatter } from './frontmatter.ts';
import { COURSE_FILE, MEDIA_DIR, MEDIA_FILE, QUIZ_FILE, README_FILE, lessonFileName, readmeText } from './layout.ts';

/** A browser-uploaded file of the course, named `<id>.<ext>`. */
export interface ExportMedia {
  id: string;
  filename: string;
  bytes: Uint8Array;
}

/**
 * Built with the local-time constructor because fflate writes DOS times from local fields: the same
 * course then gives the same bytes whatever the server's time zone.
 */
const FIXED_MTIME = new Date(2020, 0, 1, 0, 0, 0);

/** Formats that are compressed already: deflating them again only costs time. */
const STORED_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'webp', 'gif', 'mp4', 'm4a', 'mp3', 'webm', 'ogg', 'pdf', 'zip']);

const YAML_OPTIONS = { lineWidth: 0 } as const;

/**
 * Zips one course version in the `content/courses/<slug>/` layout: course.yaml, `NN-<lesson>.mdx`,
 * quiz.yaml, `media/<id>.<ext>` and a README.txt; deterministic, so the same course gives the same bytes.
 */
export function exportCourseZip(slug: string, content: CourseContent, media: ExportMedia[]): Uint8Array {
  if (!COURSE_SLUG.test(slug)) throw new Error(`exportCourseZip: bad course slug ${JSON.stringify(slug)}`);
  const text = (value: string): Zippable[string] => [strToU8(value), { level: 6 }];
  const files: Zippable = {};
  files[`${slug}/${COURSE_FILE}`] = text(stringify(content.course, YAML_OPTIONS));
  content.lessons.forEach((lesson, i) => {
    const { title, minutes, summary, media: lessonMedia } = lesson;
    const frontmatter = { title, order: i + 1, minutes, summary, ...(lessonMedia ? { media: lessonMedia } : {}) };
    files[`${slug}/${lessonFileName(i + 1, lesson.slug)}`] = text(joinFrontmatter(stringify(frontmatter, YAML_OPTIONS), lesson.body));
  });
  if (content.quiz !== null) files[`${slug}/${QUIZ_FILE}`] = text(content.quiz);
  for (const file of [...media].sort((a, b) => a.filename.localeCompare(b.filename))) {
    const match = MEDIA_FILE.exec(file.filename);
    if (!match || match[1] !== file.id) throw new Error(`exportCourseZip: media file name ${JSON.stringify(file.filename)} is not <id>.<ext> for id ${file.id}`);
    const ext = match[2]!.toLowerCase();
    files[`${slug}/${MEDIA_DIR}/${file.filename}`] = [file.bytes, { level: STORED_EXTENSIONS.has(ext) ? 0 : 6 }];
  }
  files[`${slug}/${README_FILE}`] = text(readmeText(slug));
  return zipSync(files, { mtime: FIXED_MTIME });
}
