import { z } from 'zod';
import { CLASS_KINDS } from '../../classes/classes.table.ts';
import { NOTE_MAX_CHARS } from '../../reading/note-text.ts';
import { defineRoute } from '../contract.ts';
import { IdParams } from './common.ts';

const NoteStatusSchema = z.enum(['draft', 'submitted', 'approved', 'returned']).meta({ id: 'NoteStatus', description: 'draft 草稿, submitted 待审核, approved 已通过（只读）, returned 已退回待修改' });
const ReadingParams = z.object({ id: z.string().min(1).max(64), readingKey: z.string().min(1).max(20).meta({ example: 'week-1-1', description: '读物编号 week-<周次>-<该周第几篇>' }) });
const NoteParams = z.object({ id: z.string().min(1).max(64), noteId: z.string().min(1).max(64) });

export const NoteInputBody = z
  .strictObject({
    body: z.string().max(NOTE_MAX_CHARS * 2).meta({ description: `心得全文（不超过 ${NOTE_MAX_CHARS} 字）` }),
    baseUpdatedAt: z.string().max(40).nullable().meta({ description: '客户端所依据的版本（上次读到的 updatedAt；从未保存过为 null）。服务器上的版本更新时答 409，details.current 为服务器版本，不会静默覆盖' }),
  })
  .meta({ id: 'NoteInput' });

const ClassSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(CLASS_KINDS),
  status: z.enum(['open', 'closed']),
  minChars: z.number().int().meta({ description: '心得最少字数（去掉首尾空白后的字符数）' }),
  readingHours: z.number().meta({ description: '每篇心得审核通过计入的学时' }),
});

export const NoteSchema = z
  .object({
    id: z.string(),
    readingKey: z.string(),
    body: z.string().meta({ description: '原文；显示时须按文本转义' }),
    chars: z.number().int(),
    status: NoteStatusSchema,
    submittedAt: z.string().nullable(),
    reviewerName: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewComment: z.string().meta({ description: '最近一次审核的意见（通过）或退回原因' }),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReadingNote' });

const SimilaritySchema = z
  .object({ noteId: z.string(), classId: z.string(), authorName: z.string(), readingKey: z.string(), score: z.number(), flagged: z.boolean() })
  .meta({ id: 'NoteSimilarity', description: '提交时与之最相似的另一篇心得。相似度 = 较短一篇的相邻二字组中也出现在另一篇里的比例（0–1），≥ 0.8 标记为“高度相似”' });

export const ReviewNoteSchema = NoteSchema.extend({
  readingTitle: z.string(),
  author: z.object({ id: z.string(), name: z.string(), login: z.string(), unitName: z.string() }),
  similarity: SimilaritySchema.nullable(),
}).meta({ id: 'ReviewNote' });

const CompletionMemberSchema = z
  .object({
    userId: z.string(),
    name: z.string(),
    login: z.string(),
    unitName: z.string(),
    completed: z.boolean(),
    reasons: z.array(z.string()).meta({ description: '未结业的原因（中文）' }),
    sessionsHeld: z.number().int(),
    sessionsPresent: z.number().int(),
    sessionsOnLeave: z.number().int(),
    absences: z.number().int().meta({ description: '缺勤未请假次数' }),
    heldHours: z.number(),
    leaveHours: z.number(),
    readingsTotal: z.number().int().nullable().meta({ description: '应交心得篇数；非读书班为 null' }),
    notesApproved: z.number().int(),
    courses: z.array(z.object({ courseId: z.string(), title: z.string(), completed: z.boolean(), hasQuiz: z.boolean(), quizPassed: z.boolean() })),
    earnedHours: z.number().meta({ description: '本班所得学时：出勤的集中学习与通过的心得' }),
    certificateCode: z.string().nullable(),
  })
  .meta({ id: 'CompletionMember' });

const pending = z.string().max(2000);

export const readingRoutes = {
  mine: defineRoute({
    method: 'get', path: '/classes/{id}/notes/mine', tag: 'reading', access: 'signed-in：本班学员',
    summary: '我的读书心得：读书安排的每一篇读物和我对它的心得',
    params: IdParams, response: z.object({ class: ClassSummarySchema, readings: z.array(z.object({ key: z.string(), week: z.number().int(), title: z.string(), guidance: z.string(), note: NoteSchema.nullable() })) }),
    errors: [401, 404],
  }),
  saveDraft: defineRoute({
    method: 'put', path: '/classes/{id}/notes/mine/{readingKey}', tag: 'reading', access: 'signed-in：本班学员',
    summary: '保存草稿（或修改被退回的心得）；已提交待审核或已通过的心得不能修改（409）',
    params: ReadingParams, body: NoteInputBody, response: NoteSchema, errors: [400, 401, 404, 409, 413, 415],
  }),
  submit: defineRoute({
    method: 'post', path: '/classes/{id}/notes/mine/{readingKey}/submit', tag: 'reading', access: 'signed-in：本班学员',
    summary: '提交心得待审核：须达到本班最少字数；与同班心得和本人以前的心得比对，高度相似的标记给审核人（不拒收）',
    params: ReadingParams, body: NoteInputBody, response: NoteSchema, errors: [400, 401, 404, 409, 413, 415],
  }),
  list: defineRoute({
    method: 'get', path: '/classes/{id}/notes', tag: 'reading', access: '本班负责教师；管理范围覆盖本班单位的 staff、admin',
    summary: '审核列表：本班已提交、已退回和已通过的心得（不含草稿），附相似度标记',
    params: IdParams, query: z.strictObject({ status: z.enum(['submitted', 'returned', 'approved', 'all']).default('all') }),
    response: z.object({ class: ClassSummarySchema, notes: z.array(ReviewNoteSchema) }), errors: [400, 401, 404],
  }),
  get: defineRoute({
    method: 'get', path: '/classes/{id}/notes/{noteId}', tag: 'reading', access: '同审核列表',
    summary: '一篇心得（审核用）', params: NoteParams, response: ReviewNoteSchema, errors: [401, 404],
  }),
  approve: defineRoute({
    method: 'post', path: '/classes/{id}/notes/{noteId}/approve', tag: 'reading', access: '同审核列表（不能审核自己的心得）',
    summary: '审核通过（可附意见），本班每篇心得的学时计入作者学时台账一次；并发通过也只计一次（其余答 409）',
    params: NoteParams, body: z.strictObject({ comment: pending.default('').meta({ description: '审核意见（可空，不超过 500 字）' }) }),
    response: z.object({ note: ReviewNoteSchema, creditedHours: z.number() }), errors: [400, 401, 403, 404, 409, 413, 415],
  }),
  return: defineRoute({
    method: 'post', path: '/classes/{id}/notes/{noteId}/return', tag: 'reading', access: '同审核列表（不能审核自己的心得）',
    summary: '退回修改，须写明原因；学员修改后可再次提交',
    params: NoteParams, body: z.strictObject({ reason: pending.meta({ description: '退回原因（必填，不超过 500 字）' }) }),
    response: z.object({ note: ReviewNoteSchema }), errors: [400, 401, 403, 404, 409, 413, 415],
  }),
  completion: defineRoute({
    method: 'get', path: '/classes/{id}/completion', tag: 'reading', access: '审核人看全班；本班学员只看自己',
    summary: '结业情况：出勤、请假（不超过 1/7）、心得、必修课程、测验与结业结论。format=xlsx 返回 Excel 工作簿',
    params: IdParams, query: z.strictObject({ format: z.enum(['json', 'xlsx']).default('json') }),
    response: z.object({ class: ClassSummarySchema, rule: z.array(z.string()), members: z.array(CompletionMemberSchema) }), errors: [400, 401, 404],
  }),
  certificates: defineRoute({
    method: 'post', path: '/classes/{id}/completion/certificates', tag: 'reading', access: '同审核列表',
    summary: '生成结业证书：班次结束（关闭）后，为每位结业学员颁发班次结业证书（已有的不变，可重复调用）',
    params: IdParams, response: z.object({ issued: z.number().int(), completers: z.number().int() }), errors: [401, 404, 409],
  }),
};
