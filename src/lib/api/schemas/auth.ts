import { z } from 'zod';
import { defineRoute } from '../contract.ts';
import { OkSchema, RoleSchema } from './common.ts';

export const LoginBody = z
  .strictObject({
    login: z.string().trim().min(1).max(64).meta({ example: 'cadre001' }),
    password: z.string().min(1).max(128).meta({ example: 'yonghe-demo-2026' }),
  })
  .meta({ id: 'LoginRequest' });

export const MeSchema = z
  .object({
    id: z.string(),
    login: z.string(),
    name: z.string(),
    role: RoleSchema,
    position: z.string(),
    orgUnit: z.object({ id: z.string(), name: z.string() }),
  })
  .meta({ id: 'Me' });

export const LoginResponse = z.object({ user: MeSchema, expiresAt: z.string() }).meta({ id: 'LoginResponse' });

export const ChangePasswordBody = z
  .strictObject({ currentPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) })
  .meta({ id: 'ChangePasswordRequest' });

export const authRoutes = {
  login: defineRoute({
    method: 'post', path: '/auth/login', tag: 'auth', access: 'public', summary: '登录（账号 + 密码），设置会话 Cookie',
    body: LoginBody, response: LoginResponse, errors: [400, 401, 413, 415, 429],
  }),
  logout: defineRoute({
    method: 'post', path: '/auth/logout', tag: 'auth', access: 'signed-in', summary: '退出当前会话', response: OkSchema, errors: [401, 403],
  }),
  logoutAll: defineRoute({
    method: 'post', path: '/auth/logout-all', tag: 'auth', access: 'signed-in', summary: '退出所有设备上的会话', response: OkSchema, errors: [401, 403],
  }),
  me: defineRoute({ method: 'get', path: '/me', tag: 'auth', access: 'signed-in', summary: '当前用户', response: MeSchema, errors: [401] }),
  changePassword: defineRoute({
    method: 'post', path: '/me/password', tag: 'auth', access: 'signed-in', summary: '修改自己的密码（其他设备上的会话随之退出）',
    body: ChangePasswordBody, response: OkSchema, errors: [400, 401, 403, 413, 415],
  }),
};
