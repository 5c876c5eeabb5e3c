import { diffLines } from 'diff';
import { stringify } from 'yaml';
import type { CourseContent } from './content.ts';
import { lessonPlace } from './validate.ts';

/** One line of a diff as the reviewer reads it; `skip` stands for unchanged lines left out. */
export type DiffLine = { kind: 'add' | 'del' | 'same'; text: string } | { kind: 'skip'; count: number };

export interface SectionDiff {
  title: string;
  change: 'added' | 'removed' | 'changed';
  lines: DiffLine[];
}

/** Unchanged lines kept around each change, so the reviewer sees where it sits. */
const CONTEXT = 2;

function lessonText(lesson: CourseContent['lessons'][number]): string {
  const { body, slug: _slug, ...head } = lesson;
  return `${stringify(head).trim()}\n---\n${body}`;
}

function lineDiff(before: string, after: string): DiffLine[] {
  const lines: Array<{ kind: 'add' | 'del' | 'same'; text: string }> = [];
  // Both texts end in a newline, so a line added after the last one does not also change that one.
  const ended = (text: string) => (text === '' || text.endsWith('\n') ? text : `${text}\n`);
  for (const change of diffLines(ended(before), ended(after))) {
    const kind = change.added ? 'add' : change.removed ? 'del' : 'same';
    for (const text of change.value.replace(/\n$/, '').split('\n')) lines.push({ kind, text });
  }
  const keep = lines.map((line, i) => line.kind !== 'same' || lines.slice(Math.max(0, i - CONTEXT), i + CONTEXT + 1).some((l) => l.kind !== 'same'));
  const out: DiffLine[] = [];
  lines.forEach((line, i) => {
    if (keep[i]) return void out.push(line);
    const last = out.at(-1);
    if (last?.kind === 'skip') last.count++;
    else out.push({ kind: 'skip', count: 1 });
  });
  return out;
}

/**
 * What changed from the published version to this one, section by section: the course fields, each
 * lesson (matched by its stable slug, so a moved lesson is not a removed and an added one), the quiz.
 * Unchanged sections are left out.
 */
export function diffContent(before: CourseContent, after: CourseContent): SectionDiff[] {
  const sections: SectionDiff[] = [];
  const section = (title: string, a: string | null, b: string | null) => {
    if (a === b) return;
    sections.push({ title, change: a === null ? 'added' : b === null ? 'removed' : 'changed', lines: lineDiff(a ?? '', b ?? '') });
  };
  section('课程信息', stringify(before.course), stringify(after.course));
  const order = (c: CourseContent) => c.lessons.map((l) => l.slug).join(',');
  if (order(before) !== order(after)) {
    section('课节顺序', before.lessons.map((l, i) => `${i + 1}. ${l.title}`).join('\n'), after.lessons.map((l, i) => `${i + 1}. ${l.title}`).join('\n'));
  }
  after.lessons.forEach((lesson, i) => {
    const old = before.lessons.find((l) => l.slug === lesson.slug);
    section(lessonPlace(i + 1, lesson.title), old ? lessonText(old) : null, lessonText(lesson));
  });
  for (const old of before.lessons.filter((l) => !after.lessons.some((n) => n.slug === l.slug))) {
    section(`删去的课节《${old.title}》`, lessonText(old), null);
  }
  section('测验题库', before.quiz, after.quiz);
  return sections;
}
