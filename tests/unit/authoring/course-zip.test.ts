import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, test } from 'vitest';
import type { CourseContent } from '../../../src/lib/authoring/content.ts';
import { exportCourseZip } from '../../../src/lib/authoring/zip/export.ts';
import { rewriteMediaRefs } from '../../../src/lib/authoring/zip/media-refs.ts';
import { readCourseZip, type CourseZipResult } from '../../../src/lib/authoring/zip/read.ts';
import { COURSE_ZIP_LIMITS } from '../../../src/lib/authoring/zip/unpack.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');

const QUIZ = `title: 测试结业测验
passMark: 60
attemptLimit: 3
draw: 2
questions:
  - id: q01
    type: single
    prompt: 哪一项正确？
    options: [甲, 乙, 丙]
    answer: [1]
    explanation: 乙正确。
  - id: q02
    type: truefalse
    prompt: 这是判断题。
    answer: true
    explanation: 是的。
`;

function sampleCourse(): CourseContent {
  return {
    course: {
      title: '测试课程：媒体与测验',
      summary: '一门用于导出导入测试的课程。',
      category: '专业能力',
      format: 'online',
      tags: ['测试'],
      hours: 1.5,
      audience: '自动化测试账号',
      cover: '/media/cover1',
      order: 42,
      references: [{ title: '讲堂课程编写指南', note: 'content/README.md' }],
    },
    lessons: [
      { slug: 'first-steps', title: '第一课', minutes: 10, summary: '开头。', body: '## 第一节\n\n<Figure src="/media/cover1" alt="封面" caption="封面" source="自绘" />\n' },
      {
        slug: 'recorded-talk',
        title: '第二课：录像',
        minutes: 12,
        summary: '看录像。',
        media: { kind: 'video', src: '/media/talk9', durationSeconds: 600, title: '讲座录像' },
        body: '## 录像\n\n看完上面的录像。\n',
      },
      { slug: 'wrap-up', title: '第三课', minutes: 5, summary: '小结。', body: '## 小结\n\n<Reflection>你学到了什么？</Reflection>\n' },
    ],
    quiz: QUIZ,
  };
}

const MEDIA = [
  { id: 'cover1', filename: 'cover1.png', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]) },
  { id: 'talk9', filename: 'talk9.mp4', bytes: new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i * 31) % 256)) },
];

const zipOf = (files: Record<string, string | Uint8Array>) =>
  zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, typeof data === 'string' ? strToU8(data) : data])) as Zippable);

const COURSE_YAML = 'title: 小课程\nsummary: 简介。\ncategory: 业务技能\nformat: online\nhours: 1\naudience: 全体干部\norder: 5\n';
const lesson = (order: number, extra = '') => `---\ntitle: 第 ${order} 课\norder: ${order}\nminutes: 5\nsummary: 简介。\n${extra}---\n\n正文。\n`;

function problemsOf(result: CourseZipResult): string[] {
  if (result.ok) throw new Error('expected the zip to be refused');
  return result.problems;
}

describe('exportCourseZip and readCourseZip', () => {
  test('give back the same course and media after a round trip', () => {
    const content = sampleCourse();
    const result = readCourseZip(exportCourseZip('media-quiz-course', content, MEDIA));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.slug).toBe('media-quiz-course');
    expect(result.content).toEqual(content);
    expect(result.media).toEqual([
      { ref: '/media/cover1', filename: 'cover1.png', bytes: MEDIA[0]!.bytes },
      { ref: '/media/talk9', filename: 'talk9.mp4', bytes: MEDIA[1]!.bytes },
    ]);
    expect(result.notices).toEqual([]);
  });

  test('lays the zip out as a content/courses folder with a Chinese README', () => {
    const files = unzipSync(exportCourseZip('media-quiz-course', sampleCourse(), MEDIA));
    expect(Object.keys(files)).toEqual([
      'media-quiz-course/course.yaml',
      'media-quiz-course/01-first-steps.mdx',
      'media-quiz-course/02-recorded-talk.mdx',
      'media-quiz-course/03-wrap-up.mdx',
      'media-quiz-course/quiz.yaml',
      'media-quiz-course/media/cover1.png',
      'media-quiz-course/media/talk9.mp4',
      'media-quiz-course/README.txt',
    ]);
    const second = new TextDecoder().decode(files['media-quiz-course/02-recorded-talk.mdx']);
    expect(second).toMatch(/^---\ntitle: 第二课：录像\norder: 2\nminutes: 12\nsummary: 看录像。\nmedia:\n  kind: video\n/);
    expect(new TextDecoder().decode(files['media-quiz-course/quiz.yaml'])).toBe(QUIZ);
    expect(new TextDecoder().decode(files['media-quiz-course/README.txt'])).toContain('/media/');
  });

  test('stores already-compressed media without deflating them again', () => {
    const methods: Record<string, number> = {};
    unzipSync(exportCourseZip('media-quiz-course', sampleCourse(), MEDIA), { filter: (f) => ((methods[f.name] = f.compression), false) });
    expect(methods['media-quiz-course/media/talk9.mp4']).toBe(0);
    expect(methods['media-quiz-course/media/cover1.png']).toBe(0);
    expect(methods['media-quiz-course/course.yaml']).toBe(8);
  });

  test('gives identical bytes when the same course is exported twice', () => {
    const first = exportCourseZip('media-quiz-course', sampleCourse(), MEDIA);
    const second = exportCourseZip('media-quiz-course', sampleCourse(), [...MEDIA].reverse());
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  test('exports a course without a quiz and without media', () => {
    const content = { ...sampleCourse(), quiz: null };
    const result = readCourseZip(exportCourseZip('no-quiz', content, []));
    expect(result.ok && result.content.quiz).toBe(null);
    expect(result.ok && result.media).toEqual([]);
  });
});

describe('readCourseZip on the courses of the repository', () => {
  const coursesDir = path.join(ROOT, 'content/courses');
  const slugs = readdirSync(coursesDir).filter((slug) => readdirSync(path.join(coursesDir, slug)).includes('course.yaml'));

  function zipFolder(slug: string, prefix: string): Uint8Array {
    const dir = path.join(coursesDir, slug);
    return zipOf(Object.fromEntries(readdirSync(dir).map((file) => [`${prefix}${slug}/${file}`, new Uint8Array(readFileSync(path.join(dir, file)))])));
  }

  test.each(slugs)('reads %s zipped as a folder, in lesson order, with its quiz', (slug) => {
    const result = readCourseZip(zipFolder(slug, ''));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const files = readdirSync(path.join(coursesDir, slug)).filter((f) => f.endsWith('.mdx')).sort();
    expect(result.slug).toBe(slug);
    expect(result.content.lessons.map((l) => l.slug)).toEqual(files.map((f) => f.replace(/^\d+-/, '').replace(/\.mdx$/, '')));
    expect(result.content.quiz).toBe(readFileSync(path.join(coursesDir, slug, 'quiz.yaml'), 'utf8'));
    expect(result.media).toEqual([]);
  });

  test('reads a course zipped with its repository path content/courses/<slug>/ and ignores other files', () => {
    const slug = 'red-army-eastern-expedition';
    const zip = zipFolder(slug, 'content/courses/');
    const files = { ...unzipSync(zip), 'public/courses/red-army-eastern-expedition/cover.svg': strToU8('<svg/>'), 'content/README.md': strToU8('# 指南') };
    const result = readCourseZip(zipSync(files));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.slug).toBe(slug);
    expect(result.content.course.cover).toBe('/courses/red-army-eastern-expedition/cover.svg');
    expect(result.notices).toHaveLength(1);
    expect(result.notices[0]).toContain('public/courses/red-army-eastern-expedition/cover.svg');
  });
});

describe('readCourseZip refuses', () => {
  test('a zip without course.yaml', () => {
    expect(problemsOf(readCourseZip(zipOf({ 'my-course/01-a.mdx': lesson(1) })))[0]).toContain('没有 course.yaml');
  });

  test('course files at the root of the zip, asking for a folder', () => {
    expect(problemsOf(readCourseZip(zipOf({ 'course.yaml': COURSE_YAML, '01-a.mdx': lesson(1) })))[0]).toContain('文件夹');
  });

  test('two courses in one zip', () => {
    const zip = zipOf({ 'one/course.yaml': COURSE_YAML, 'one/01-a.mdx': lesson(1), 'two/course.yaml': COURSE_YAML, 'two/01-a.mdx': lesson(1) });
    expect(problemsOf(readCourseZip(zip))).toEqual([expect.stringContaining('只能有一门课程')]);
  });

  test('bad YAML, naming the file and the line', () => {
    const zip = zipOf({
      'my-course/course.yaml': 'title: 小课程\nsummary: 简介。\ntags: [a, b\nhours: 1\n',
      'my-course/01-a.mdx': '---\ntitle: 第一课\norder: 1\nminutes:5\nsummary: 简介。\n---\n正文\n',
    });
    const problems = problemsOf(readCourseZip(zip));
    expect(problems).toContainEqual(expect.stringMatching(/^course\.yaml 第 4 行：/));
    expect(problems).toContainEqual(expect.stringMatching(/^01-a\.mdx 第 4 行：/));
  });

  test('a lesson missing a field, and a misspelt course field, all at once', () => {
    const zip = zipOf({
      'my-course/course.yaml': COURSE_YAML + 'audiance: 干部\n',
      'my-course/01-a.mdx': '---\ntitle: 第一课\norder: 1\nsummary: 简介。\n---\n正文\n',
      'my-course/02-b.mdx': lesson(2),
    });
    const problems = problemsOf(readCourseZip(zip));
    expect(problems).toContainEqual('01-a.mdx（minutes）：缺少要求学习时长（minutes，分钟）。');
    expect(problems).toContainEqual(expect.stringMatching(/^course\.yaml（audiance）：.*没有“audiance”这个字段/));
  });

  test('two lessons with the same order', () => {
    const zip = zipOf({ 'my-course/course.yaml': COURSE_YAML, 'my-course/01-a.mdx': lesson(1), 'my-course/02-b.mdx': lesson(1) });
    expect(problemsOf(readCourseZip(zip))).toEqual(['01-a.mdx 和 02-b.mdx 的课节顺序（order）都是 1：同一课程内不能重复。']);
  });

  test('a lesson file name that is not NN-<english>.mdx', () => {
    const zip = zipOf({ 'my-course/course.yaml': COURSE_YAML, 'my-course/01-第一课.mdx': lesson(1) });
    expect(problemsOf(readCourseZip(zip))[0]).toContain('课节文件名');
  });

  test('an entry climbing out of the folder with ..', () => {
    const zip = zipOf({ 'my-course/course.yaml': COURSE_YAML, 'my-course/01-a.mdx': lesson(1), '../evil.mdx': lesson(2) });
    expect(problemsOf(readCourseZip(zip))).toEqual([expect.stringContaining('“../evil.mdx”')]);
  });

  test('an absolute path or a backslash path', () => {
    const absolute = zipOf({ 'my-course/course.yaml': COURSE_YAML, '/etc/cron.d/evil': 'x' });
    expect(problemsOf(readCourseZip(absolute))[0]).toContain('不安全的路径');
    const backslash = zipOf({ 'my-course/course.yaml': COURSE_YAML, 'my-course\\..\\evil.mdx': 'x' });
    expect(problemsOf(readCourseZip(backslash))[0]).toContain('不安全的路径');
  });

  test('a zip bomb that expands past the budget', () => {
    const zip = zipSync({ 'my-course/course.yaml': strToU8(COURSE_YAML), 'my-course/media/big.bin': [new Uint8Array(3_000_000), { level: 9 }] });
    expect(zip.length).toBeLessThan(20_000);
    const problems = problemsOf(readCourseZip(zip, { ...COURSE_ZIP_LIMITS, maxUnzippedBytes: 1_000_000 }));
    expect(problems).toEqual([expect.stringContaining('解压后超过 1 MB')]);
  });

  test('an entry that inflates a thousandfold, within the default budget', () => {
    const zip = zipSync({ 'my-course/course.yaml': strToU8(COURSE_YAML), 'my-course/01-a.mdx': [new Uint8Array(5_000_000), { level: 9 }] });
    expect(problemsOf(readCourseZip(zip))).toEqual([expect.stringContaining('压缩炸弹')]);
  });

  test('bytes that are not a zip', () => {
    expect(problemsOf(readCourseZip(strToU8('title: 不是压缩包')))).toEqual([expect.stringContaining('不是 zip 压缩包')]);
    expect(problemsOf(readCourseZip(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9])))).toEqual([expect.stringContaining('已损坏')]);
  });

  test('text that is not UTF-8', () => {
    const gbk = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0xff]);
    const zip = zipOf({ 'my-course/course.yaml': COURSE_YAML, 'my-course/01-a.mdx': gbk });
    expect(problemsOf(readCourseZip(zip))).toEqual([expect.stringContaining('01-a.mdx 不是 UTF-8')]);
  });

  test('a quiz.yaml that breaks the bank schema, naming the field', () => {
    const zip = zipOf({ 'my-course/course.yaml': COURSE_YAML, 'my-course/01-a.mdx': lesson(1), 'my-course/quiz.yaml': QUIZ.replace('draw: 2', 'draw: 5') });
    expect(problemsOf(readCourseZip(zip))).toEqual(['quiz.yaml（draw）：每次抽题数（draw）是 5，但题库只有 2 道题：请减少 draw 或增加题目。']);
  });
});

describe('readCourseZip notices', () => {
  test('lists files outside the layout as ignored, and skips README and macOS leftovers silently', () => {
    const zip = zipOf({
      'my-course/course.yaml': COURSE_YAML,
      'my-course/01-a.mdx': lesson(1),
      'my-course/notes.docx': 'x',
      'my-course/README.txt': '说明',
      '__MACOSX/my-course/._course.yaml': 'x',
      'my-course/.DS_Store': 'x',
    });
    const result = readCourseZip(zip);
    expect(result.ok && result.notices).toEqual(['压缩包里有 1 个文件不属于课程“my-course”的内容，导入时已忽略：my-course/notes.docx。']);
  });
});

describe('rewriteMediaRefs', () => {
  test('replaces whole references in bodies, lesson media and the cover', () => {
    const content = sampleCourse();
    content.lessons[1]!.media!.captions = '/media/cap1';
    const map = new Map([
      ['/media/cover1', '/media/newcover'],
      ['/media/talk9', '/media/newtalk'],
      ['/media/cap1', '/media/newcap'],
    ]);
    const rewritten = rewriteMediaRefs(content, map);
    expect(rewritten.course.cover).toBe('/media/newcover');
    expect(rewritten.lessons[0]!.body).toContain('src="/media/newcover"');
    expect(rewritten.lessons[1]!.media).toEqual({ kind: 'video', src: '/media/newtalk', durationSeconds: 600, title: '讲座录像', captions: '/media/newcap' });
    expect(content.course.cover).toBe('/media/cover1');
  });

  test('leaves longer references, other sites and files with an extension alone', () => {
    const body = '/media/abc /media/abcd /media/abc-2 /media/abc.png https://other.example/media/abc (/media/abc)。"/media/abc"';
    const content: CourseContent = { course: { cover: '/media/abcd' }, lessons: [{ slug: 'a', title: 'a', minutes: 1, summary: 's', body }], quiz: null };
    const rewritten = rewriteMediaRefs(content, new Map([['/media/abc', '/media/x1'], ['/media/ab', '/media/x2']]));
    expect(rewritten.lessons[0]!.body).toBe('/media/x1 /media/abcd /media/abc-2 /media/abc.png https://other.example/media/abc (/media/x1)。"/media/x1"');
    expect(rewritten.course.cover).toBe('/media/abcd');
  });
});
