import { z } from 'zod';
import { int, missing, strict, text } from './yaml-fields.ts';

/**
 * Schemas of `course.yaml` and lesson frontmatter. `src/content.config.ts` hands them to Astro, so a
 * bad or misspelt field fails the build; Astro prints the file and `**field**: message`, and the
 * messages below say what is expected in words a trainer understands.
 * `zod` here is the very module `astro/zod` re-exports (one copy in node_modules), kept free of Astro
 * so the catalog stays unit-testable.
 */

export const COURSE_CATEGORIES = ['理论教育', '党性教育', '专业能力', '业务技能'] as const;
export const COURSE_FORMATS = ['online', 'reading', 'lecture'] as const;
export const FORMAT_LABELS: Record<CourseFormat, string> = { online: '网络课程', reading: '读书班', lecture: '干部大讲堂' };

export type CourseCategory = (typeof COURSE_CATEGORIES)[number];
export type CourseFormat = (typeof COURSE_FORMATS)[number];

/** A file under public/ (or uploaded, /media/…) or an https:// address: what a cover, image or recording may point to. */
export const PUBLIC_PATH = /^(\/[\w\-./]+|https:\/\/\S+)$/;

const publicPath = (what: string) =>
  text(what, 300).regex(PUBLIC_PATH, {
    error: `${what}应以 / 开头（指向 public/ 下的文件，如 /courses/课程目录名/cover.svg）或以 https:// 开头。`,
  });

const reference = strict({ title: text('参考资料的书名或篇名', 200), note: text('参考资料的说明', 300).optional() }, '参考资料');
const reading = strict(
  { week: int('读书周次（week）', 1, 52), title: text('读物名称', 200), guidance: text('阅读指导', 1000) },
  '读书安排（readings）',
);
const lecture = strict(
  { topic: text('讲座题目（topic）', 200), field: text('讲座领域（field）', 40), summary: text('讲座简介（summary）', 1000) },
  '讲座安排（lectures）',
);

/** `content/courses/<slug>/course.yaml`. */
export const courseSchema = strict(
  {
    title: text('课程标题（title）', 60),
    summary: text('课程简介（summary）', 300),
    category: z.enum(COURSE_CATEGORIES, { error: `课程类别（category）只能是：${COURSE_CATEGORIES.join('、')}。` }),
    format: z.enum(COURSE_FORMATS, { error: '课程形式（format）只能是 online（网络课程）、reading（读书班）或 lecture（干部大讲堂）。' }),
    tags: z.array(text('标签', 20), { error: '标签（tags）应写成列表，如 [红色资源, 党史学习]。' }).max(8, { error: '标签（tags）最多 8 个。' }).default([]),
    hours: z
      .number({ error: (iss) => (missing(iss.input) ? '缺少学时（hours）。' : '学时（hours）必须是数字，如 4 或 1.5。') })
      .positive({ error: '学时（hours）必须大于 0。' })
      .max(200, { error: '学时（hours）不能大于 200。' })
      .refine((h) => Number.isInteger(h * 2), { error: '学时（hours）只能是 0.5 的整数倍，如 1、1.5、2。' }),
    audience: text('培训对象（audience）', 200),
    cover: publicPath('封面图片（cover）').optional(),
    open: z.boolean({ error: '是否允许自主报名（open）只能填 true 或 false。' }).default(true),
    order: int('排序号（order）', 0, 9999),
    references: z.array(reference, { error: '参考资料（references）应写成列表，每项有 title。' }).default([]),
    weeks: int('读书班周数（weeks）', 1, 52).optional(),
    readings: z.array(reading, { error: '读书安排（readings）应写成列表。' }).optional(),
    lectures: z.array(lecture, { error: '讲座安排（lectures）应写成列表。' }).optional(),
  },
  'course.yaml ',
).superRefine((course, ctx) => {
  if (course.format === 'reading' && (!course.weeks || !course.readings?.length)) {
    ctx.addIssue({ code: 'custom', path: ['readings'], message: '读书班（format: reading）需要写 weeks（周数）和 readings（每周读物）。' });
  }
  for (const [i, r] of (course.readings ?? []).entries()) {
    if (course.weeks && r.week > course.weeks) {
      ctx.addIssue({ code: 'custom', path: ['readings', i, 'week'], message: `第 ${r.week} 周超出了 weeks: ${course.weeks}。` });
    }
  }
  if (course.lectures && course.format !== 'lecture') {
    ctx.addIssue({ code: 'custom', path: ['lectures'], message: '只有干部大讲堂（format: lecture）才能写 lectures。' });
  }
});

/** Optional audio or video of a lesson, played above the text; its playback is tracked. */
export const mediaSchema = strict(
  {
    kind: z.enum(['video', 'audio'], { error: '媒体类型（kind）只能是 video（视频）或 audio（音频）。' }),
    src: publicPath('媒体文件（src）'),
    title: text('媒体标题（title）', 100).optional(),
    /** Length of the recording; the server needs it to judge how much of it was played. */
    durationSeconds: int('媒体时长（durationSeconds，秒）', 1, 36_000),
    captions: publicPath('字幕文件（captions，WebVTT 格式）').optional(),
  },
  '媒体（media）',
);

/** Frontmatter of `content/courses/<slug>/NN-<lesson>.mdx`. */
export const lessonSchema = strict(
  {
    title: text('课节标题（title）', 60),
    order: int('课节顺序（order）', 1, 999),
    minutes: int('要求学习时长（minutes，分钟）', 1, 600),
    summary: text('课节简介（summary）', 300),
    media: mediaSchema.optional(),
  },
  '课节开头（--- 之间）',
);

export type CourseData = z.output<typeof courseSchema>;
export type LessonData = z.output<typeof lessonSchema>;
export type LessonMedia = z.output<typeof mediaSchema>;
