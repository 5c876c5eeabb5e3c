import { z } from 'zod';
import { COURSE_CATEGORIES, COURSE_FORMATS } from '../../catalog/schema.ts';
import { defineRoute } from '../contract.ts';

const LessonSummarySchema = z.object({
  id: z.string().meta({ example: 'red-army-eastern-expedition/strategic-decision' }),
  title: z.string(),
  position: z.number().int(),
  minutes: z.number().int().meta({ description: '要求学习时长（分钟）' }),
  media: z.enum(['video', 'audio']).nullable(),
});

export const CourseSummarySchema = z
  .object({
    id: z.string().meta({ example: 'red-army-eastern-expedition' }),
    title: z.string(),
    summary: z.string(),
    category: z.enum(COURSE_CATEGORIES),
    format: z.enum(COURSE_FORMATS),
    tags: z.array(z.string()),
    hours: z.number(),
    audience: z.string(),
    cover: z.string().nullable(),
    open: z.boolean(),
    lessonCount: z.number().int(),
    totalMinutes: z.number().int(),
  })
  .meta({ id: 'CourseSummary' });

export const CourseDetailSchema = CourseSummarySchema.extend({
  lessons: z.array(LessonSummarySchema),
  references: z.array(z.object({ title: z.string(), note: z.string().optional() })),
  enrollment: z
    .object({
      enrolledAt: z.string(),
      required: z.boolean(),
      lessonsCompletedAt: z.string().nullable(),
      quizPassedAt: z.string().nullable(),
      completedAt: z.string().nullable().meta({ description: '课程完成（课时学完且测验通过）并计入学时的时间' }),
      lessons: z.array(z.object({ lessonId: z.string(), studiedSeconds: z.number().int(), requiredSeconds: z.number().int(), completed: z.boolean() })),
    })
    .nullable()
    .meta({ description: '调用者的报名与学习进度；未报名为 null' }),
}).meta({ id: 'CourseDetail' });

export const CoursesQuery = z.strictObject({
  q: z.string().trim().max(50).optional().meta({ description: '中文全文检索：标题、简介、课文' }),
  category: z.enum(COURSE_CATEGORIES).optional(),
  tag: z.string().trim().max(20).optional(),
});

export const CourseParams = z.object({ id: z.string().min(1).max(100) });

export const courseRoutes = {
  list: defineRoute({
    method: 'get', path: '/courses', tag: 'courses', access: 'signed-in', summary: '课程目录（可检索、按类别和标签筛选）',
    query: CoursesQuery, response: z.object({ courses: z.array(CourseSummarySchema) }), errors: [400, 401],
  }),
  get: defineRoute({
    method: 'get', path: '/courses/{id}', tag: 'courses', access: 'signed-in', summary: '课程详情、课节目录及本人进度',
    params: CourseParams, response: CourseDetailSchema, errors: [401, 404],
  }),
};
