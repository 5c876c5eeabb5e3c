import { describe, expect, test } from 'vitest';
import { mayReview, mayViewAuthoring } from '../../../src/lib/authoring/access.ts';
import type { CourseContent } from '../../../src/lib/authoring/content.ts';
import { diffContent } from '../../../src/lib/authoring/diff.ts';
import { addLesson, moveLesson, removeLesson, setCourseFields, setQuiz, updateLesson } from '../../../src/lib/authoring/draft-edits.ts';
import { blankContent, newLessonSlug } from '../../../src/lib/authoring/drafting.ts';
import { courseFieldsFrom, CourseFieldsForm, referencesFromText, referencesToText, scheduleFromYaml } from '../../../src/lib/authoring/forms.ts';
import { mediaIdsIn } from '../../../src/lib/authoring/transfer.ts';
import { checkContent, checkQuizText } from '../../../src/lib/authoring/validate.ts';

const COUNTY = 'c/';
const TOWN_A = 'c/a/';
const TOWN_B = 'c/b/';
const author = { id: 'author', role: 'trainer' as const, scopePath: TOWN_A };
const course = { author_id: 'author', author_unit_path: TOWN_A };

function validContent(): CourseContent {
  return {
    course: { title: '村务公开实务', summary: '简介', category: '业务技能', format: 'online', tags: [], hours: 1, audience: '村干部', open: true, order: 10, references: [] },
    lessons: [{ slug: 'lesson-1', title: '公开什么', minutes: 5, summary: '内容与时限', body: '## 内容\n\n<KeyPoint>要点</KeyPoint>\n' }],
    quiz: null,
  };
}

describe('who may review (two-person rule and scope)', () => {
  test('staff and admins whose scope covers the author’s unit review; never the author, never a trainer, never another township', () => {
    expect(mayReview({ id: 's1', role: 'staff', scopePath: COUNTY }, course)).toBe(true);
    expect(mayReview({ id: 's2', role: 'staff', scopePath: TOWN_A }, course)).toBe(true);
    expect(mayReview({ id: 'adm', role: 'admin', scopePath: TOWN_B }, course)).toBe(true);
    expect(mayReview({ id: 's3', role: 'staff', scopePath: TOWN_B }, course)).toBe(false);
    expect(mayReview({ id: 't2', role: 'trainer', scopePath: COUNTY }, course)).toBe(false);
    expect(mayReview({ ...author, role: 'staff', scopePath: COUNTY }, course)).toBe(false);
    expect(mayReview({ id: 'c', role: 'cadre', scopePath: COUNTY }, course)).toBe(false);
  });
  test('the workspace is seen by the author and the reviewers only', () => {
    expect(mayViewAuthoring(author, course)).toBe(true);
    expect(mayViewAuthoring({ id: 't2', role: 'trainer', scopePath: TOWN_A }, course)).toBe(false);
    expect(mayViewAuthoring({ id: 's3', role: 'staff', scopePath: TOWN_B }, course)).toBe(false);
  });
});

describe('draft edits', () => {
  test('lessons are added at the end, moved within bounds and removed, but the last one stays', () => {
    let content = addLesson(validContent(), 'lesson-2', '第二课');
    content = addLesson(content, 'lesson-3', '');
    expect(content.lessons.map((l) => l.title)).toEqual(['公开什么', '第二课', '第 3 课']);
    expect(moveLesson(content, 'lesson-3', -1).lessons.map((l) => l.slug)).toEqual(['lesson-1', 'lesson-3', 'lesson-2']);
    expect(moveLesson(content, 'lesson-1', -1)).toBe(content);
    expect(removeLesson(content, 'lesson-2').lessons.map((l) => l.slug)).toEqual(['lesson-1', 'lesson-3']);
    expect(() => removeLesson(validContent(), 'lesson-1')).toThrow(/至少要有一课/);
    expect(() => addLesson(content, 'lesson-2', '重复')).toThrow(/已有/);
    expect(() => updateLesson(content, 'nope', { title: 'x' })).toThrow(/没有这一课/);
  });
  test('a lesson patch may set or clear its media; course fields left empty disappear so the schema names them', () => {
    const media = { kind: 'video' as const, src: '/media/abc12345', durationSeconds: 60 };
    const withMedia = updateLesson(validContent(), 'lesson-1', { media });
    expect(withMedia.lessons[0]!.media).toEqual(media);
    expect(updateLesson(withMedia, 'lesson-1', { media: null }).lessons[0]).not.toHaveProperty('media');
    expect(setCourseFields(validContent(), { summary: undefined }).course).not.toHaveProperty('summary');
    expect(setQuiz(validContent(), '   ').quiz).toBeNull();
  });
  test('a new lesson slug is never one any version used', () => {
    expect(newLessonSlug([])).toBe('lesson-1');
    expect(newLessonSlug(['lesson-1', 'lesson-2', 'intro'])).toBe('lesson-3');
  });
});

describe('the rules of content/ applied to a version', () => {
  test('a valid version passes; the blank first draft names what is missing', () => {
    expect(checkContent(validContent()).ok).toBe(true);
    const blank = checkContent(blankContent('新课'));
    expect(blank.ok).toBe(false);
    if (blank.ok) return;
    expect(blank.problems.map((p) => p.where)).toEqual(expect.arrayContaining(['课程信息', '第 1 课《第一课》']));
    expect(blank.problems.some((p) => /简介/.test(p.message))).toBe(true);
    expect(blank.problems.some((p) => p.message === '正文是空的。')).toBe(true);
  });
  test('body problems carry the line and column of the compiler; quiz problems the YAML line', () => {
    const content = validContent();
    content.lessons[0]!.body = '正文\n\n<script>x</script>';
    content.quiz = 'title: 测验\npassMark 60\n';
    const result = checkContent(content);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.find((p) => p.where.startsWith('第 1 课'))).toMatchObject({ line: 3, column: 1 });
    expect(result.problems.find((p) => p.where === '测验题库')?.message).toMatch(/YAML 格式错误/);
    expect(checkQuizText('title: t\npassMark: 60\nattemptLimit: 1\ndraw: 5\nquestions: []\n').problems.length).toBeGreaterThan(0);
  });
  test('hours keep the 0.5 rule of course.yaml', () => {
    const content = validContent();
    content.course.hours = 1.3;
    const result = checkContent(content);
    expect(!result.ok && result.problems.some((p) => /0\.5 的整数倍/.test(p.message))).toBe(true);
  });
});

describe('the course form', () => {
  test('references are one per line, 书名｜说明; tags split on Chinese and Latin separators; numbers stay numbers', () => {
    const form = CourseFieldsForm.parse({ title: '课', tags: '乡村治理、村务，公开 监督', hours: '１.５', order: '20', open: 'on', references: '《村民委员会组织法》｜第三章\n\n《条例》' });
    const fields = courseFieldsFrom(form);
    expect(fields).toMatchObject({ title: '课', tags: ['乡村治理', '村务', '公开', '监督'], hours: 1.5, order: 20, open: true });
    expect(fields.references).toEqual([{ title: '《村民委员会组织法》', note: '第三章' }, { title: '《条例》' }]);
    expect(referencesToText(referencesFromText('甲｜说明\n乙'))).toBe('甲｜说明\n乙');
  });
  test('the schedule box takes only weeks, readings and lectures, and says why not', () => {
    expect(scheduleFromYaml('weeks: 2\nreadings: []')).toEqual({ weeks: 2, readings: [] });
    expect(() => scheduleFromYaml('title: 改标题')).toThrow(/只能写 weeks、readings、lectures/);
    expect(() => scheduleFromYaml('weeks: [')).toThrow(/YAML 格式有误/);
  });
});

describe('the reviewer’s diff', () => {
  test('only changed sections, lessons matched by slug, a moved lesson is a change of order', () => {
    const before = addLesson(validContent(), 'lesson-2', '第二课');
    const after = moveLesson(updateLesson(before, 'lesson-1', { body: '## 内容\n\n<KeyPoint>新要点</KeyPoint>\n' }), 'lesson-2', -1);
    const sections = diffContent(before, after);
    expect(sections.map((s) => s.title)).toEqual(['课节顺序', '第 2 课《公开什么》']);
    const lines = sections[1]!.lines;
    expect(lines).toContainEqual({ kind: 'del', text: '<KeyPoint>要点</KeyPoint>' });
    expect(lines).toContainEqual({ kind: 'add', text: '<KeyPoint>新要点</KeyPoint>' });
    expect(diffContent(before, before)).toEqual([]);
    expect(diffContent(before, setQuiz(before, 'title: x')).map((s) => [s.title, s.change])).toEqual([['测验题库', 'added']]);
  });
});

test('a version’s uploaded files are found wherever it refers to them, whole ids only', () => {
  const content = validContent();
  content.course.cover = '/media/aaaaaaaa11';
  content.lessons[0]!.body = '<Figure src="/media/bbbbbbbb22" alt="a" caption="b" source="c" /> /media/bbbbbbbb22 /courses/x/media/cccccccc33';
  expect(mediaIdsIn(content).sort()).toEqual(['aaaaaaaa11', 'bbbbbbbb22']);
});
