import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { lessonIdFromPath } from '../../src/lib/catalog/ids.ts';
import { courseSchema, lessonSchema } from '../../src/lib/catalog/schema.ts';
import { toTenths } from '../../src/lib/hours/units.ts';
import { quizBankSchema } from '../../src/lib/quiz/bank-schema.ts';
import { generateActivity, type ActivityCourse, type ActivitySummary, type EnrollmentStage } from './activity.ts';

const CONTENT_COURSES = 'content/courses';
const ROOT = path.resolve(import.meta.dirname, '../..');
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---/;
/** Fixed, so every fresh demo database tells the same story. */
export const DEMO_ACTIVITY_SEED = 2026;
/** The county assigns both as required (必修) to every cadre: 8 h, the demo's required target. */
const DEMO_REQUIRED_COURSES = ['red-army-eastern-expedition', 'third-plenum-study'];

/** Demo accounts left in a state worth showing; the demo banner lists them. `alone`: no other study, no hours yet. */
export const DEMO_SHOWCASE: Array<{ login: string; courseId: string; stage: EnrollmentStage; alone?: boolean }> = [
  { login: 'cadre001', courseId: 'red-army-eastern-expedition', stage: 'lessons-done', alone: true },
  { login: 'cadre002', courseId: 'red-army-eastern-expedition', stage: 'completed' },
  { login: 'cadre003', courseId: 'third-plenum-study', stage: 'studying' },
  { login: 'cadre004', courseId: 'party-branch-practice', stage: 'quiz-failed' },
];

const SHOWCASE_NOTES: Partial<Record<EnrollmentStage, (title: string) => string>> = {
  'lessons-done': (title) => `已学完《${title}》全部课时，可直接参加结业测验`,
  completed: (title) => `已完成《${title}》，学时已入账，可查看结业证书`,
  studying: (title) => `正在学习《${title}》，首页可“从上次停下的地方继续”`,
  'quiz-failed': (title) => `《${title}》测验未通过，还可再考`,
};

/** Banner lines for the showcase accounts, with course titles read from the content. */
export function describeShowcase(courses = readDemoCourses()): Array<{ login: string; note: string }> {
  const titleOf = new Map(courses.map((c) => [c.id, c.title]));
  return DEMO_SHOWCASE.map((s) => ({ login: s.login, note: (s.alone ? '今年尚无学时；' : '') + SHOWCASE_NOTES[s.stage]!(titleOf.get(s.courseId) ?? s.courseId) }));
}

/**
 * The real courses of content/courses as the generator needs them: lessons in outline order with
 * their required minutes, and the quiz bank. Read with the content schemas, so a broken file fails here too.
 */
export function readDemoCourses(root = ROOT): ActivityCourse[] {
  const dir = path.join(root, CONTENT_COURSES);
  const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');
  const courses = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && readdirSync(path.join(dir, entry.name)).includes('course.yaml'))
    .map(({ name: slug }) => {
      const course = courseSchema.parse(yaml.load(read(`${slug}/course.yaml`)));
      const files = readdirSync(path.join(dir, slug));
      const lessons = files
        .filter((f) => f.endsWith('.mdx'))
        .map((file) => {
          const frontmatter = FRONTMATTER.exec(read(`${slug}/${file}`))?.[1];
          if (frontmatter === undefined) throw new Error(`${CONTENT_COURSES}/${slug}/${file} has no frontmatter.`);
          const lesson = lessonSchema.parse(yaml.load(frontmatter));
          const id = lessonIdFromPath(`${CONTENT_COURSES}/${slug}/${file}`);
          return { order: lesson.order, lesson: { id, requiredSeconds: lesson.minutes * 60, mediaSeconds: lesson.media?.durationSeconds } };
        })
        .sort((a, b) => a.order - b.order)
        .map((l) => l.lesson);
      const quiz = files.includes('quiz.yaml') ? { bank: quizBankSchema.parse(yaml.load(read(`${slug}/quiz.yaml`))) } : undefined;
      return { order: course.order, course: { id: slug, title: course.title, hoursTenths: toTenths(course.hours), lessons, quiz } };
    });
  return courses.sort((a, b) => a.order - b.order || a.course.title.localeCompare(b.course.title, 'zh-CN')).map((c) => c.course);
}

/** A year of activity up to `now` for the demo county's cadres over the real courses, with the showcase states pinned. */
export async function seedDemoActivity(db: Kysely<Database>, now: Date, year: number): Promise<ActivitySummary> {
  const people = await db
    .selectFrom('users')
    .select(['id', 'login', 'role', 'org_unit_id'])
    .where('role', 'in', ['cadre', 'staff'])
    .orderBy('login')
    .execute();
  const idOf = new Map(people.map((p) => [p.login, p.id]));
  return generateActivity(db, {
    cadres: people.filter((p) => p.role === 'cadre').map((p) => ({ id: p.id, unitId: p.org_unit_id })),
    courses: readDemoCourses(),
    year,
    now,
    seed: DEMO_ACTIVITY_SEED,
    requiredCourseIds: DEMO_REQUIRED_COURSES,
    staffId: idOf.get('staff') ?? null,
    pinned: DEMO_SHOWCASE.flatMap((s) => (idOf.has(s.login) ? [{ cadreId: idOf.get(s.login)!, courseId: s.courseId, stage: s.stage }] : [])),
    pinnedOnly: DEMO_SHOWCASE.flatMap((s) => (s.alone && idOf.has(s.login) ? [idOf.get(s.login)!] : [])),
  });
}
