import { z } from 'zod';
import { CLASS_KINDS } from '../../classes/classes.table.ts';
import { defineRoute } from '../contract.ts';
import { IdParams } from './common.ts';

const moment = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 时刻，带时区', example: '2026-05-10T14:30:00+08:00' });
const id = z.string().min(1).max(64);
const managers = 'trainer（本班负责教师）, staff, admin（管理范围覆盖班次服务的单位）；其他人一律 404';

export const SessionSchema = z
  .object({
    id: z.string(),
    classId: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    place: z.string(),
    speaker: z.string(),
    topic: z.string(),
    hours: z.number(),
    checkinOpensAt: z.string(),
    checkinClosesAt: z.string(),
    recording: z.object({ lessonId: z.string(), title: z.string() }).nullable().meta({ description: '讲座录像（带视频的课节），供缺席者在线补学' }),
    status: z.enum(['scheduled', 'closed']).meta({ description: 'closed：已结束考勤，到场者的学时已记入台账' }),
    closedAt: z.string().nullable(),
    presentCount: z.number().int(),
    leaveCount: z.number().int(),
  })
  .meta({ id: 'ClassSession' });

const sessionFields = {
  startsAt: moment,
  endsAt: moment,
  place: z.string().max(200).optional().meta({ description: '默认为班次地点' }),
  speaker: z.string().max(200).optional(),
  topic: z.string().max(300).meta({ description: '讲座题目（不超过 100 字）' }),
  hours: z.number().meta({ description: '本场学时 0.5–12，最多一位小数', example: 2 }),
  checkinOpensAt: moment.optional().meta({ description: '默认开始前 30 分钟' }),
  checkinClosesAt: moment.optional().meta({ description: '默认开始后 30 分钟' }),
  recordingLessonId: z.string().max(200).nullable().optional().meta({ description: '讲座录像：带视频的课节 id（课程/课节），结束考勤后也可关联' }),
};

export const SessionCreateBody = z.strictObject(sessionFields).meta({ id: 'ClassSessionRequest' });
export const SessionPatchBody = z
  .strictObject({ ...sessionFields, startsAt: moment.optional(), endsAt: moment.optional(), topic: sessionFields.topic.optional(), hours: sessionFields.hours.optional() })
  .meta({ id: 'ClassSessionPatchRequest', description: '只改给出的字段；改开始时间而不给签到时间时，签到时间回到默认；结束考勤后只能改讲座录像' });

export const AttendanceBody = z
  .strictObject({
    userId: id,
    status: z.enum(['present', 'leave']).meta({ description: 'present 补签到（扫码失败但确实到场），leave 请假' }),
    reason: z.string().max(1000).meta({ description: '原因（5–200 字），连同经办人记入考勤和审计日志' }),
  })
  .meta({ id: 'AttendanceRequest' });

const LiveRowSchema = z.object({
  userId: z.string(),
  name: z.string(),
  orgUnitName: z.string(),
  status: z.enum(['present', 'leave', 'pending', 'absent']).meta({ description: 'pending：尚未签到；absent：已结束考勤时未到' }),
  method: z.enum(['qr', 'manual']).nullable(),
  reason: z.string(),
  recordedAt: z.string().nullable(),
  actorName: z.string().nullable().meta({ description: '补签到或请假的经办人' }),
  onRoster: z.boolean().meta({ description: 'false：已移出名单但有考勤记录' }),
});

export const AttendanceResponse = z
  .object({ session: SessionSchema, presentCount: z.number().int(), rosterCount: z.number().int(), rows: z.array(LiveRowSchema) })
  .meta({ id: 'SessionAttendance' });

export const CheckinCodeResponse = z
  .object({
    state: z.enum(['before', 'open', 'after', 'closed']),
    code: z.string().nullable().meta({ description: '当前 6 位签到码（每 30 秒更换），仅签到时间内给出' }),
    url: z.string().nullable().meta({ description: '二维码内容：<网址>/checkin/<场次 id>?c=<签到码>' }),
    svg: z.string().nullable().meta({ description: '二维码 SVG' }),
    rotatesAt: z.string().nullable(),
    refreshInMs: z.number().int().meta({ description: '建议多久后再取' }),
    opensAt: z.string(),
    closesAt: z.string(),
    presentCount: z.number().int(),
    rosterCount: z.number().int(),
  })
  .meta({ id: 'CheckinCode' });

export const CheckinBody = z
  .strictObject({
    sessionId: id.optional().meta({ description: '扫码得到的场次 id；手工输入签到码时可不填，由服务器在正在签到的场次中查找' }),
    code: z.string().max(20).meta({ description: '6 位签到码' }),
  })
  .meta({ id: 'CheckinRequest' });

export const CheckinResponse = z
  .object({
    status: z.enum(['checked_in', 'already_checked_in']),
    sessionId: z.string(),
    classId: z.string(),
    classTitle: z.string(),
    topic: z.string(),
    startsAt: z.string(),
    place: z.string(),
    checkedInAt: z.string(),
    method: z.enum(['qr', 'manual']),
  })
  .meta({ id: 'CheckinResult' });

const SessionParams = z.object({ id, sid: id });

export const classSessionRoutes = {
  listSessions: defineRoute({
    method: 'get', path: '/classes/{id}/sessions', tag: 'classes', access: `${managers}；名单中的学员也可查看`,
    summary: '班次的场次（按时间）', params: IdParams, response: z.object({ sessions: z.array(SessionSchema) }), errors: [401, 404],
  }),
  createSession: defineRoute({
    method: 'post', path: '/classes/{id}/sessions', tag: 'classes', access: managers,
    summary: '安排一场讲座（日期须在班次起止日期内）', status: 201, params: IdParams, body: SessionCreateBody, response: SessionSchema, errors: [400, 401, 404, 413, 415],
  }),
  updateSession: defineRoute({
    method: 'patch', path: '/classes/{id}/sessions/{sid}', tag: 'classes', access: managers,
    summary: '修改场次（含签到时间、讲座录像）', params: SessionParams, body: SessionPatchBody, response: SessionSchema, errors: [400, 401, 404, 409, 413, 415],
  }),
  attendance: defineRoute({
    method: 'get', path: '/classes/{id}/sessions/{sid}/attendance', tag: 'classes', access: managers,
    summary: '现场签到情况：已签到、请假、未签到（结束考勤后为缺席）', params: SessionParams, response: AttendanceResponse, errors: [401, 404],
  }),
  recordAttendance: defineRoute({
    method: 'post', path: '/classes/{id}/sessions/{sid}/attendance', tag: 'classes', access: managers,
    summary: '补签到或请假（须写原因；记录经办人并写入审计日志）', status: 201, params: SessionParams, body: AttendanceBody, response: AttendanceResponse,
    errors: [400, 401, 404, 409, 413, 415],
  }),
  closeSession: defineRoute({
    method: 'post', path: '/classes/{id}/sessions/{sid}/close', tag: 'classes', access: managers,
    summary: '结束考勤：把本场学时记入每位到场学员的台账（每人每场只记一次，并发请求也一样）', params: SessionParams,
    response: z.object({ alreadyClosed: z.boolean(), credited: z.number().int(), presentCount: z.number().int() }), errors: [401, 404],
  }),
  checkinCode: defineRoute({
    method: 'get', path: '/classes/{id}/sessions/{sid}/checkin-code', tag: 'classes', access: managers,
    summary: '投影页用的当前签到码和二维码（每 30 秒更换；密钥不离开服务器）', params: SessionParams, response: CheckinCodeResponse, errors: [401, 404],
  }),
  checkin: defineRoute({
    method: 'post', path: '/checkins', tag: 'classes', access: 'signed-in（名单中的学员）',
    summary: '签到：扫码得到的场次和签到码，或手工输入的签到码。已签到时答 already_checked_in；拒绝时 409 checkin_refused，details.reason 说明原因',
    body: CheckinBody, response: CheckinResponse, errors: [400, 401, 404, 409, 413, 415, 429],
  }),
};

/** A class in a cadre's archive or on their class page: every session with their attendance. */
export const PersonClassSchema = z
  .object({
    classId: z.string(),
    kind: z.enum(CLASS_KINDS),
    title: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    place: z.string(),
    trainerName: z.string(),
    onRoster: z.boolean(),
    leaveShare: z.object({ leaveHours: z.number(), totalHours: z.number(), allowedHours: z.number(), percent: z.number(), withinLimit: z.boolean() }),
    sessions: z.array(
      z.object({
        id: z.string(),
        startsAt: z.string(),
        endsAt: z.string(),
        topic: z.string(),
        speaker: z.string(),
        place: z.string(),
        hours: z.number(),
        closed: z.boolean(),
        status: LiveRowSchema.shape.status,
        method: LiveRowSchema.shape.method,
        reason: z.string(),
        recordedAt: z.string().nullable(),
        actorName: z.string().nullable().meta({ description: '补签到或请假的经办人' }),
        recordingLessonId: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'PersonClass' });
