import { z } from 'zod';
import { LEDGER_KINDS } from '../../hours/hours.table.ts';
import { defineRoute } from '../contract.ts';

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

export const HoursResponse = z
  .object({
    year: z.number().int(),
    total: z.number(),
    fromRequired: z.number(),
    target: z.object({ total: z.number(), required: z.number(), appliesTo: z.enum(['position', 'org_unit', 'default']) }).nullable(),
    entries: z.array(LedgerEntrySchema),
  })
  .meta({ id: 'Hours' });

export const hoursRoutes = {
  mine: defineRoute({
    method: 'get', path: '/hours', tag: 'hours', access: 'signed-in', summary: '本人某年的学时台账、合计与目标',
    query: HoursQuery, response: HoursResponse, errors: [400, 401],
  }),
};
