import { z } from 'zod';
import { ROLES } from '../../users/users.table.ts';
import { ORG_UNIT_KINDS } from '../../org/org.table.ts';

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'validation_failed' }),
      message: z.string().meta({ example: '请求参数有误' }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

export const IdParams = z.object({ id: z.string().min(1).max(64) });
export const RoleSchema = z.enum(ROLES).meta({ id: 'Role', description: 'cadre 学员, trainer 教师, staff 组织部门, admin 管理员' });
export const OrgUnitKindSchema = z.enum(ORG_UNIT_KINDS).meta({ id: 'OrgUnitKind' });
export const OkSchema = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });

/** Trimmed non-empty text with a length limit. */
export const text = (max: number) => z.string().trim().min(1).max(max);
