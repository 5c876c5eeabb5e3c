import { z } from 'zod';
import { defineRoute } from '../contract.ts';

export const EnrollBody = z.strictObject({ courseId: z.string().min(1).max(100) }).meta({ id: 'EnrollRequest' });

export const EnrollmentSchema = z
  .object({
    id: z.string(),
    courseId: z.string(),
    courseTitle: z.string(),
    origin: z.enum(['self', 'assigned']),
    required: z.boolean(),
    dueOn: z.string().nullable(),
    enrolledAt: z.string(),
    lessonsCompletedAt: z.string().nullable(),
    quizPassedAt: z.string().nullable(),
    completedAt: z.string().nullable().meta({ description: '课程完成并计入学时的时间' }),
    lastLessonId: z.string().nullable(),
    lastStudiedAt: z.string().nullable(),
    progress: z.number().min(0).max(1).meta({ description: '已完成的要求学习时间比例 0–1' }),
  })
  .meta({ id: 'Enrollment' });

const timestamp = z.number().int().min(0).max(8.64e15);
export const HeartbeatBody = z
  .strictObject({
    beatId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/).meta({ description: '浏览器为每次心跳生成的随机编号；重复提交视为重放' }),
    lessonId: z.string().min(3).max(200).meta({ example: 'red-army-eastern-expedition/strategic-decision' }),
    recordedAt: timestamp.meta({ description: '浏览器时钟：心跳产生时刻（毫秒）' }),
    sentAt: timestamp.meta({ description: '浏览器时钟：发送时刻（毫秒）；离线补发时晚于 recordedAt' }),
    watched: z
      .array(z.tuple([z.number().min(0).max(86_400), z.number().min(0).max(86_400)]))
      .max(50)
      .optional()
      .meta({ description: '自上次心跳以来看过/听过的媒体区间（秒）' }),
  })
  .meta({ id: 'HeartbeatRequest' });

export const HeartbeatResponse = z
  .object({
    creditedSeconds: z.number().int(),
    studiedSeconds: z.number().int(),
    requiredSeconds: z.number().int(),
    watchedSeconds: z.number().nullable(),
    lessonCompleted: z.boolean(),
    courseLessonsCompleted: z.boolean(),
    courseCompleted: z.boolean().meta({ description: '本次心跳使课程完成并计入学时（无测验的课程；有测验的课程在测验通过时完成）' }),
  })
  .meta({ id: 'HeartbeatResult' });

export const studyRoutes = {
  enroll: defineRoute({
    method: 'post', path: '/enrollments', tag: 'study', access: 'signed-in', summary: '报名参加课程（幂等：已报名则返回原报名，状态 200）', status: 201,
    body: EnrollBody, response: EnrollmentSchema, errors: [400, 401, 403, 404, 413, 415],
  }),
  list: defineRoute({
    method: 'get', path: '/enrollments', tag: 'study', access: 'signed-in', summary: '我的课程（必修在前，最近学习的在前）',
    response: z.object({ enrollments: z.array(EnrollmentSchema) }), errors: [401],
  }),
  heartbeat: defineRoute({
    method: 'post', path: '/study/heartbeat', tag: 'study', access: 'signed-in',
    summary: '学习心跳：服务器按自己的时钟计时，每次最多 30 秒；同时只有一个课节计时；重放、未来时间、超时补发和重叠的心跳被拒绝（409/422）',
    body: HeartbeatBody, response: HeartbeatResponse, errors: [400, 401, 404, 409, 413, 415],
  }),
};
