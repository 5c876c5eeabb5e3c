import { z } from 'zod';
import { ROLES } from './users.table.ts';

const optionalText = (max: number, message: string) => z.string().trim().max(max, message);

/** Fields shared by the admin's create and edit forms, with Chinese messages. */
const personFields = {
  name: z.string().trim().min(1, '请填写姓名').max(40, '姓名不超过 40 字'),
  position: optionalText(60, '职务不超过 60 字'),
  phone: z
    .string()
    .trim()
    .regex(/^([0-9+\- ]{5,20})?$/, '电话号码格式不正确')
    .transform((v) => v || null),
  role: z.enum(ROLES, { message: '请选择身份' }),
  orgUnitId: z.string().min(1, '请选择单位').max(64),
  scopeUnitId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || null),
};

export const NewUserForm = z.object({
  ...personFields,
  login: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, '登录名须为 2–32 位小写字母、数字、点、下划线或连字符'),
  password: z.string().min(1, '请设置初始密码').max(128),
});

export const EditUserForm = z.object({
  ...personFields,
  active: z
    .string()
    .optional()
    .transform((v) => v === '1'),
});

export const ResetPasswordForm = z.object({ password: z.string().min(1, '请填写新密码').max(128) });
