import { z } from 'zod';
import { TARGET_KINDS } from './hours.table.ts';
import { parseHoursText } from './hours-input.ts';

/** A 学时 field as typed; the domain rule (hoursToTenths) explains a bad value in Chinese. */
const hoursText = z.string().max(20, '学时数字太长').transform(parseHoursText);
const yearText = z
  .string()
  .regex(/^(\d{4})?$/, '请选择年份')
  .optional()
  .transform((v) => (v ? Number(v) : undefined));

/** The staff's adjustment form on a person's archive page. */
export const AdjustmentForm = z.object({
  hours: hoursText,
  reason: z.string().max(1000, '原因太长'),
  countsAsRequired: z
    .string()
    .optional()
    .transform((v) => v === '1'),
  year: yearText,
  requestId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional()
    .catch(undefined),
});

/** The reason typed into a reversal form. */
export const ReversalForm = z.object({ reason: z.string().max(1000, '原因太长') });

/** A target rule as typed on the targets page. */
export const TargetRuleForm = z.object({
  appliesTo: z.enum(TARGET_KINDS, { message: '请选择适用范围' }),
  matchValue: z.string().max(64).optional(),
  total: hoursText,
  required: hoursText,
});
