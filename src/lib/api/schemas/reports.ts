import { z } from 'zod';
import { defineRoute } from '../contract.ts';

export const ReportQuery = z
  .strictObject({
    year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: '年度（北京时间），默认今年' }),
    orgUnit: z.string().trim().min(1).max(64).optional().meta({ description: '只看该单位及其下级；须在调用者管理范围内' }),
    position: z.string().trim().min(1).max(40).optional().meta({ description: '只看该职务' }),
    course: z.string().trim().min(1).max(100).optional().meta({ description: '只看报名了该课程的干部，并统计其完成情况' }),
    format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  })
  .meta({ id: 'ReportQuery' });

const UnitRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z.string().nullable(),
  level: z.number().int().meta({ description: '相对报表根单位的层级，根为 0' }),
  cadres: z.number().int(),
  met: z.number().int().meta({ description: '达到年度目标（总学时和必修学时）的人数' }),
  behind: z.number().int().meta({ description: '低于全年进度的人数' }),
  averageHours: z.number(),
  requiredAssigned: z.number().int(),
  requiredCompleted: z.number().int(),
  courseCompleted: z.number().int().nullable(),
});

const CadreRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  login: z.string(),
  position: z.string(),
  phone: z.string().nullable(),
  unitId: z.string(),
  unitName: z.string(),
  hours: z.number(),
  requiredHours: z.number(),
  target: z.object({ total: z.number(), required: z.number() }).nullable(),
  met: z.boolean(),
  expectedHours: z.number().meta({ description: '按全年均匀进度，到今天应有的学时' }),
  missingHours: z.number().meta({ description: '距年度目标尚差的学时' }),
  behind: z.boolean(),
  requiredAssigned: z.number().int(),
  requiredCompleted: z.number().int(),
  courseCompleted: z.boolean().nullable(),
});

export const CompletionReportSchema = z
  .object({
    year: z.number().int(),
    generatedAt: z.string(),
    paceShare: z.number().meta({ description: '到今天应完成的年度目标比例' }),
    units: z.array(UnitRowSchema),
    cadres: z.array(CadreRowSchema),
  })
  .meta({ id: 'CompletionReport' });

const FILE_NOTE = 'format=csv 返回带 BOM 的 UTF-8 CSV（Excel 可直接打开）；format=xlsx 返回 Excel 工作簿';

export const reportRoutes = {
  completion: defineRoute({
    method: 'get', path: '/reports/completion', tag: 'reports', access: 'staff, trainer, admin（限管理范围）',
    summary: `学时完成情况：按单位汇总与干部明细。${FILE_NOTE}`,
    query: ReportQuery, response: CompletionReportSchema, errors: [400, 401, 403, 404],
  }),
  behind: defineRoute({
    method: 'get', path: '/reports/behind', tag: 'reports', access: 'staff, trainer, admin（限管理范围）',
    summary: `进度落后名单：按尚差学时从多到少。${FILE_NOTE}`,
    query: ReportQuery, response: z.object({ year: z.number().int(), cadres: z.array(CadreRowSchema) }), errors: [400, 401, 403, 404],
  }),
};
