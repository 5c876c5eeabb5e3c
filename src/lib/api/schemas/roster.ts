import { z } from 'zod';
import { XLSX_CONTENT_TYPE } from '../../roster/format.ts';
import { defineRoute } from '../contract.ts';

export const RosterImportQuery = z
  .strictObject({
    mode: z.enum(['dry-run', 'apply']).default('dry-run').meta({ description: 'dry-run 只预览不修改（默认）；apply 在一个事务中导入，任何一行有问题都不做修改' }),
  })
  .meta({ id: 'RosterImportQuery' });

const RosterFile = z.string().meta({ format: 'binary', description: '干部名单 .xlsx（表头：姓名、登录名或手机号、单位、职务），不超过 1 MB、5000 行' });
const TemplateFile = z.string().meta({ format: 'binary', description: '导入模板 .xlsx：干部名单（表头）、填写说明、单位名单三张工作表' });

const FieldChangeSchema = z.object({
  field: z.enum(['name', 'unit', 'position', 'phone']),
  from: z.string(),
  to: z.string(),
});

const PlannedRowSchema = z
  .object({
    row: z.number().int().meta({ description: 'Excel 中的行号' }),
    action: z.enum(['create', 'update', 'unchanged']),
    login: z.string(),
    name: z.string(),
    unitId: z.string(),
    unit: z.string().meta({ description: '单位的完整路径，如 永和县/芝河镇/桑峨村' }),
    position: z.string(),
    phone: z.string().nullable(),
    userId: z.string().nullable().meta({ description: '已有账号的 id；新建的行在 apply 之前为 null' }),
    changes: z.array(FieldChangeSchema),
  })
  .meta({ id: 'RosterPlannedRow' });

const SummarySchema = z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), total: z.number().int() });

export const RowProblemSchema = z
  .object({ row: z.number().int(), column: z.string(), message: z.string() })
  .meta({ id: 'RosterRowProblem', description: '422 时 error.details.problems 的每一项：行号、栏目（表头文字）、原因' });

export const RosterImportResult = z
  .object({
    mode: z.enum(['dry-run', 'apply']),
    applied: z.boolean().meta({ description: 'apply 且确有新建或修改时为 true' }),
    summary: SummarySchema,
    rows: z.array(PlannedRowSchema),
    initialPasswords: z
      .array(z.object({ row: z.number().int(), login: z.string(), name: z.string(), password: z.string() }))
      .meta({ description: '仅 apply：新账号的初始密码，只在这一次返回，服务器不保存明文' }),
  })
  .meta({ id: 'RosterImportResult' });

export const rosterRoutes = {
  template: defineRoute({
    method: 'get', path: '/roster/template', tag: 'roster', access: 'staff, admin', summary: '下载干部名单导入模板（.xlsx，含填写说明和管理范围内的单位名单）',
    response: TemplateFile, responseMediaType: XLSX_CONTENT_TYPE, errors: [401, 403],
  }),
  import: defineRoute({
    method: 'post', path: '/roster/imports', tag: 'roster', access: 'staff, admin（限管理范围）',
    summary: '导入干部名单：请求体为 .xlsx 文件本身。有问题的行以 422 返回（error.details.problems），不做任何修改；同一文件重复导入不会产生修改',
    query: RosterImportQuery, body: RosterFile, bodyMediaType: XLSX_CONTENT_TYPE, response: RosterImportResult, errors: [400, 401, 403, 409, 413, 415, 422],
  }),
};
