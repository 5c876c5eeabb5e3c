import { z } from 'zod';
import { defineRoute } from '../contract.ts';
import { IdParams, OkSchema, RoleSchema, text } from './common.ts';

export const PersonSchema = z
  .object({
    id: z.string(),
    login: z.string(),
    name: z.string(),
    role: RoleSchema,
    position: z.string(),
    phone: z.string().nullable(),
    active: z.boolean(),
    orgUnitId: z.string(),
    orgUnitName: z.string(),
    scopeUnitId: z.string().nullable(),
  })
  .meta({ id: 'Person' });

export const PeopleQuery = z.strictObject({
  orgUnit: z.string().min(1).max(64).optional(),
  role: RoleSchema.optional(),
  q: z.string().trim().max(40).optional(),
  includeInactive: z.enum(['0', '1']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

const login = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, '登录名须为 2–32 位小写字母、数字、点、下划线或连字符');
const phone = z.string().trim().regex(/^[0-9+\- ]{5,20}$/, '电话号码格式不正确').nullable();

export const CreateUserBody = z
  .strictObject({
    login,
    name: text(40),
    password: z.string().min(1).max(128),
    role: RoleSchema,
    orgUnitId: z.string().min(1).max(64),
    position: z.string().trim().max(60).optional(),
    phone: phone.optional(),
    scopeUnitId: z.string().min(1).max(64).nullable().optional(),
  })
  .meta({ id: 'CreateUserRequest' });

export const UpdateUserBody = z
  .strictObject({
    name: text(40).optional(),
    role: RoleSchema.optional(),
    orgUnitId: z.string().min(1).max(64).optional(),
    position: z.string().trim().max(60).optional(),
    phone: phone.optional(),
    scopeUnitId: z.string().min(1).max(64).nullable().optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'UpdateUserRequest' });

export const ResetPasswordBody = z.strictObject({ password: z.string().min(1).max(128) }).meta({ id: 'ResetPasswordRequest' });

export const userRoutes = {
  list: defineRoute({
    method: 'get', path: '/users', tag: 'users', access: 'staff, trainer, admin', summary: '管理范围内的人员（可按单位、角色、姓名筛选）',
    query: PeopleQuery, response: z.object({ people: z.array(PersonSchema), total: z.number().int(), page: z.number().int() }), errors: [400, 401, 403, 404],
  }),
  get: defineRoute({
    method: 'get', path: '/users/{id}', tag: 'users', access: 'signed-in (own record) / staff, trainer, admin in scope', summary: '一个人员的资料',
    params: IdParams, response: PersonSchema, errors: [401, 404],
  }),
  create: defineRoute({
    method: 'post', path: '/users', tag: 'users', access: 'admin', summary: '新建账号', status: 201,
    body: CreateUserBody, response: z.object({ id: z.string() }), errors: [400, 401, 403, 404, 409, 413, 415],
  }),
  update: defineRoute({
    method: 'patch', path: '/users/{id}', tag: 'users', access: 'admin', summary: '修改人员：姓名、职务、单位、角色、停用（停用后其会话立即失效）',
    params: IdParams, body: UpdateUserBody, response: OkSchema, errors: [400, 401, 403, 404, 413, 415],
  }),
  resetPassword: defineRoute({
    method: 'post', path: '/users/{id}/password', tag: 'users', access: 'admin', summary: '重置密码（其全部会话退出）',
    params: IdParams, body: ResetPasswordBody, response: OkSchema, errors: [400, 401, 403, 404, 413, 415],
  }),
};
