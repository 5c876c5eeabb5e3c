import { z } from 'zod';
import { LEDGER_KINDS, TARGET_KINDS } from '../../hours/hours.table.ts';
import { defineRoute } from '../contract.ts';
import { IdParams, OkSchema } from './common.ts';

export const HoursQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: '年份（北京时间），默认今年' }) });

export const LedgerEntrySchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    hours: z.number().meta({ description: '学时，冲销为负数' }),
    kind: z.enum(LEDGER_KINDS),
    source: z.string(),
    sourceTitle: z.string(),
    reason: z.string(),
    countsAsRequired: z.boolean(),
    actorName: z.string().nullable(),
    reversesId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'LedgerEntry' });

export const TargetSchema = z
  .object({ total: z.number(), required: z.number(), appliesTo: z.enum(TARGET_KINDS) })
  .meta({ id: 'Target', description: '适用的学时目标：按职务的规则优先，其次最近的单位，最后全县默认' });

export const HoursResponse = z
  .object({
    year: z.number().int(),
    total: z.number(),
    fromRequired: z.number(),
    target: TargetSchema.nullable(),
    entries: z.array(LedgerEntrySchema),
  })
  .meta({ id: 'Hours' });

const reason = z.string().max(1000).meta({ description: '原因（至少 5 个字，不超过 200 字）' });
const hoursValue = z.number().meta({ description: '学时，最多一位小数' });

export const AdjustmentBody = z
  .strictObject({
    cadreId: z.string().min(1).max(64),
    hours: hoursValue.meta({ description: '调整学时：可为负数，不能为 0，绝对值不超过 200，最多一位小数', example: 2.5 }),
    reason: reason.meta({ example: '参加市委党校集中培训，凭结业证书补记' }),
    countsAsRequired: z.boolean().optional().meta({ description: '计入必修学时，默认否' }),
    year: z.number().int().min(2000).max(2100).optional().meta({ description: '计入年份（北京时间）：今年（默认）或上一年' }),
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional().meta({ description: '客户端生成的请求编号：同一编号重复提交只记一次（状态 200）' }),
  })
  .meta({ id: 'AdjustmentRequest' });

export const ReversalBody = z.strictObject({ reason }).meta({ id: 'ReversalRequest' });
export const EntryCreated = z.object({ entryId: z.string() }).meta({ id: 'EntryCreated' });

export const TargetsQuery = z.strictObject({ year: HoursQuery.shape.year });
export const TargetRuleSchema = z
  .object({
    id: z.string(),
    year: z.number().int(),
    appliesTo: z.enum(TARGET_KINDS),
    matchValue: z.string().meta({ description: '职务名称或单位 id；全县默认为空' }),
    matchLabel: z.string(),
    total: z.number(),
    required: z.number(),
    updatedAt: z.string(),
  })
  .meta({ id: 'TargetRule' });

export const TargetRuleBody = z
  .strictObject({
    year: z.number().int().min(2000).max(2100).meta({ description: '上一年、今年或下一年' }),
    appliesTo: z.enum(TARGET_KINDS),
    matchValue: z.string().max(64).optional().meta({ description: 'position：职务名称；org_unit：单位 id；default：不填' }),
    total: hoursValue.meta({ description: '全年总学时 0–500', example: 50 }),
    required: hoursValue.meta({ description: '其中必修课程学时，不多于总学时', example: 20 }),
  })
  .meta({ id: 'TargetRuleRequest' });

export const hoursRoutes = {
  mine: defineRoute({
    method: 'get', path: '/hours', tag: 'hours', access: 'signed-in', summary: '本人某年的学时台账、合计与目标',
    query: HoursQuery, response: HoursResponse, errors: [400, 401],
  }),
  adjust: defineRoute({
    method: 'post', path: '/hours/adjustments', tag: 'hours', access: 'staff, admin (管理范围内的人员，不含本人)',
    summary: '学时调整：为管理范围内的人员加记或扣减学时，须写明原因；记录经办人并写入审计日志', status: 201,
    body: AdjustmentBody, response: EntryCreated, errors: [400, 401, 403, 404, 413, 415],
  }),
  reverse: defineRoute({
    method: 'post', path: '/hours/entries/{id}/reversal', tag: 'hours', access: 'staff, admin (管理范围内的人员，不含本人)',
    summary: '冲销一条学时记录：新增一条相反的记录（原记录保留），须写明原因；每条记录只能冲销一次', status: 201,
    params: IdParams, body: ReversalBody, response: EntryCreated, errors: [400, 401, 403, 404, 409, 413, 415],
  }),
  targets: defineRoute({
    method: 'get', path: '/hours/targets', tag: 'hours', access: 'staff, trainer, admin', summary: '某年的学时目标规则（默认今年）',
    query: TargetsQuery, response: z.object({ year: z.number().int(), canEdit: z.boolean(), rules: z.array(TargetRuleSchema) }), errors: [400, 401, 403],
  }),
  setTarget: defineRoute({
    method: 'put', path: '/hours/targets', tag: 'hours', access: 'admin, 全县范围的 staff（按单位的规则还须单位在管理范围内）',
    summary: '设定一条学时目标规则（年份 + 适用范围 + 职务或单位唯一；已有则覆盖）',
    body: TargetRuleBody, response: TargetRuleSchema, errors: [400, 401, 403, 404, 413, 415],
  }),
  deleteTarget: defineRoute({
    method: 'delete', path: '/hours/targets/{id}', tag: 'hours', access: 'admin, 全县范围的 staff', summary: '删除一条学时目标规则',
    params: IdParams, response: OkSchema, errors: [400, 401, 403, 404],
  }),
};
