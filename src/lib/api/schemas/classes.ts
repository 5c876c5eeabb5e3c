import { z } from 'zod';
import { CLASS_KINDS } from '../../classes/classes.table.ts';
import { defineRoute } from '../contract.ts';
import { IdParams, OkSchema } from './common.ts';
import { classSessionRoutes, SessionSchema } from './class-sessions.ts';

const day = z.iso.date().meta({ description: '日期 YYYY-MM-DD（北京时间）', example: '2026-05-10' });
const id = z.string().min(1).max(64);

export const ClassKindSchema = z.enum(CLASS_KINDS).meta({ id: 'ClassKind', description: 'lecture 干部大讲堂, reading 读书班, special 专题培训' });

export const ClassSummarySchema = z
  .object({
    id: z.string(),
    kind: ClassKindSchema,
    title: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    place: z.string(),
    orgUnit: z.object({ id: z.string(), name: z.string() }).meta({ description: '班次服务的单位（其下各级单位的干部可加入名单）' }),
    trainer: z.object({ id: z.string(), name: z.string() }).meta({ description: '负责教师' }),
    status: z.enum(['open', 'closed']),
    memberCount: z.number().int(),
    sessionCount: z.number().int(),
    totalHours: z.number().meta({ description: '各场次学时之和（请假 1/7 规则的分母）' }),
  })
  .meta({ id: 'ClassSummary' });

export const LeaveShareSchema = z
  .object({
    leaveHours: z.number(),
    totalHours: z.number(),
    allowedHours: z.number().meta({ description: '按 1/7 规则最多可请假的学时' }),
    percent: z.number().meta({ description: '请假学时占总学时的百分比（一位小数，仅供显示）' }),
    withinLimit: z.boolean().meta({ description: '请假不超过总学时的 1/7（等于 1/7 仍算未超过）' }),
  })
  .meta({ id: 'LeaveShare' });

const RosterMemberSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    orgUnitName: z.string(),
    position: z.string(),
    source: z.string().meta({ description: '加入方式：unit 按单位、position 按职务、single 单个添加、import 名单导入' }),
    present: z.number().int(),
    leave: z.number().int(),
    absent: z.number().int().meta({ description: '已结束考勤、既未签到也未请假的场次数' }),
    leaveShare: LeaveShareSchema,
  })
  .meta({ id: 'ClassRosterMember' });

export const ClassDetailSchema = ClassSummarySchema.extend({
  viewer: z.enum(['manager', 'member']).meta({ description: 'manager：负责教师或管理范围覆盖该单位的组织部门/管理员；member：名单中的学员（roster 只有本人）' }),
  description: z.string(),
  readingCourseId: z.string().nullable(),
  noteMinChars: z.number().int(),
  readingHours: z.number(),
  courses: z.array(z.object({ courseId: z.string(), title: z.string(), dueOn: z.string().nullable() })),
  sessions: z.array(SessionSchema),
  roster: z.array(RosterMemberSchema),
}).meta({ id: 'ClassDetail' });

const classFields = {
  title: z.string().max(200).meta({ description: '班次名称（不超过 60 字）', example: '2026年干部大讲堂（第二期）' }),
  description: z.string().max(2000).optional(),
  startsOn: day,
  endsOn: day,
  place: z.string().max(200).optional(),
  trainerId: id.optional().meta({ description: '负责教师（其管理范围须覆盖班次服务的单位）；教师本人开班可不填' }),
  readingCourseId: z.string().max(100).nullable().optional().meta({ description: '读书班：内容中的读书班课程 id' }),
  noteMinChars: z.number().int().optional().meta({ description: '读书班：心得最少字数 50–5000，默认 300' }),
  readingHours: z.number().optional().meta({ description: '读书班：每篇心得审核通过后记的学时 0.5–10' }),
};

export const ClassCreateBody = z.strictObject({ kind: ClassKindSchema, orgUnitId: id, ...classFields }).meta({ id: 'ClassCreateRequest' });
export const ClassPatchBody = z
  .strictObject({ ...classFields, title: classFields.title.optional(), startsOn: day.optional(), endsOn: day.optional(), status: z.enum(['open', 'closed']).optional() })
  .meta({ id: 'ClassPatchRequest', description: '只改给出的字段；类型和服务单位开班后不能改' });

export const MembersBody = z
  .strictObject({
    orgUnitIds: z.array(id).max(100).optional().meta({ description: '这些单位（含下级）的全部在职学员' }),
    positions: z.array(z.string().max(64)).max(50).optional().meta({ description: '班次服务单位内这些职务的全部在职学员' }),
    userIds: z.array(id).max(500).optional(),
    logins: z.array(z.string().max(64)).max(500).optional(),
  })
  .meta({ id: 'ClassMembersRequest', description: '所有人都须在班次服务的单位之内，且在操作人的管理范围之内；有一项不符合则整个请求不做修改' });

export const CourseAssignBody = z
  .strictObject({ courseId: z.string().min(1).max(100), dueOn: day.nullable().meta({ description: '完成期限；null 为不设期限' }) })
  .meta({ id: 'ClassCourseRequest' });

const MemberParams = z.object({ id, userId: id });
const managers = 'trainer（本班负责教师）, staff, admin（管理范围覆盖班次服务的单位）；其他人一律 404';

export const classRoutes = {
  list: defineRoute({
    method: 'get', path: '/classes', tag: 'classes', access: 'signed-in：教师看自己负责的班次，组织部门/管理员看管理范围内的班次，学员看自己所在的班次',
    summary: '班次列表（新的在前）', response: z.object({ classes: z.array(ClassSummarySchema) }), errors: [401],
  }),
  create: defineRoute({
    method: 'post', path: '/classes', tag: 'classes', access: 'trainer, staff, admin（服务单位和负责教师须在管理范围内）',
    summary: '开设班次（大讲堂、读书班、专题培训）', status: 201, body: ClassCreateBody, response: ClassDetailSchema, errors: [400, 401, 403, 404, 413, 415],
  }),
  get: defineRoute({
    method: 'get', path: '/classes/{id}', tag: 'classes', access: `${managers}；名单中的学员也可查看（只含本人的考勤）`,
    summary: '班次详情：名单（含各人请假占比）、必修课程、场次', params: IdParams, response: ClassDetailSchema, errors: [401, 404],
  }),
  update: defineRoute({
    method: 'patch', path: '/classes/{id}', tag: 'classes', access: managers,
    summary: '修改班次', params: IdParams, body: ClassPatchBody, response: ClassDetailSchema, errors: [400, 401, 404, 413, 415],
  }),
  addMembers: defineRoute({
    method: 'post', path: '/classes/{id}/members', tag: 'classes', access: managers,
    summary: '按单位、职务或个人加入名单；已指派的必修课程同时指派给新学员', params: IdParams, body: MembersBody,
    response: z.object({ added: z.number().int(), total: z.number().int() }), errors: [400, 401, 404, 413, 415],
  }),
  removeMember: defineRoute({
    method: 'delete', path: '/classes/{id}/members/{userId}', tag: 'classes', access: managers,
    summary: '移出名单（考勤、学时和报名记录保留）', params: MemberParams, response: OkSchema, errors: [401, 404],
  }),
  assignCourse: defineRoute({
    method: 'post', path: '/classes/{id}/courses', tag: 'classes', access: managers,
    summary: '给名单指派必修课程（或修改期限）：为每位学员建立或更新必修报名；以后加入的学员也会指派。同一课程被多个班次指派时，取最早的期限',
    params: IdParams, body: CourseAssignBody,
    response: z.object({ courseId: z.string(), created: z.number().int(), updated: z.number().int() }), errors: [400, 401, 404, 413, 415],
  }),
  ...classSessionRoutes,
};
