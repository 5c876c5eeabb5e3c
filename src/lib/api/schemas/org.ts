import { z } from 'zod';
import { defineRoute } from '../contract.ts';
import { IdParams, OkSchema, OrgUnitKindSchema, text } from './common.ts';

export const OrgUnitSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    name: z.string(),
    kind: OrgUnitKindSchema,
    depth: z.number().int(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'OrgUnit' });

export const CreateOrgUnitBody = z
  .strictObject({
    name: text(60),
    kind: OrgUnitKindSchema,
    parentId: z.string().min(1).max(64).nullable(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
  })
  .meta({ id: 'CreateOrgUnitRequest' });

export const UpdateOrgUnitBody = z
  .strictObject({
    name: text(60).optional(),
    kind: OrgUnitKindSchema.optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
    parentId: z.string().min(1).max(64).optional().meta({ description: '移动到新的上级单位' }),
  })
  .meta({ id: 'UpdateOrgUnitRequest' });

export const orgRoutes = {
  list: defineRoute({
    method: 'get', path: '/org-units', tag: 'org', access: 'staff, trainer, admin', summary: '管理范围内的组织单位（树序）',
    response: z.object({ units: z.array(OrgUnitSchema) }), errors: [401, 403],
  }),
  create: defineRoute({
    method: 'post', path: '/org-units', tag: 'org', access: 'admin', summary: '新建组织单位', status: 201,
    body: CreateOrgUnitBody, response: z.object({ id: z.string() }), errors: [400, 401, 403, 404, 413, 415],
  }),
  update: defineRoute({
    method: 'patch', path: '/org-units/{id}', tag: 'org', access: 'admin', summary: '修改或移动组织单位',
    params: IdParams, body: UpdateOrgUnitBody, response: OkSchema, errors: [400, 401, 403, 404, 409, 413, 415],
  }),
};
