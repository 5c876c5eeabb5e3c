import type { CourseContent } from '../content.ts';

/**
 * Rewrites `/media/<id>` references after an import has uploaded the zip's media anew. A reference
 * is a whole token: `/media/abc` is not the start of `/media/abcd`, `/media/abc-2` or `/media/abc.png`,
 * nor the tail of `https://example.org/media/abc`.
 */

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function replacer(map: Map<string, string>): (text: string) => string {
  if (map.size === 0) return (text) => text;
  // Longest first, so that of two references where one starts the other, the longer wins.
  const refs = [...map.keys()].sort((a, b) => b.length - a.length).map(escape);
  const pattern = new RegExp(`(?<![\\w./:-])(?:${refs.join('|')})(?![\\w-]|\\.\\w)`, 'g');
  return (text) => text.replace(pattern, (ref) => map.get(ref) ?? ref);
}

/** A copy of `content` with every old reference in `map` replaced by its new URL. */
export function rewriteMediaRefs(content: CourseContent, map: Map<string, string>): CourseContent {
  const rewrite = replacer(map);
  const course = { ...content.course };
  if (typeof course.cover === 'string') course.cover = rewrite(course.cover);
  const lessons = content.lessons.map((lesson) => {
    const rewritten = { ...lesson, body: rewrite(lesson.body) };
    if (lesson.media) {
      rewritten.media = { ...lesson.media, src: rewrite(lesson.media.src) };
      if (lesson.media.captions !== undefined) rewritten.media.captions = rewrite(lesson.media.captions);
    }
    return rewritten;
  });
  return { ...content, course, lessons };
}
