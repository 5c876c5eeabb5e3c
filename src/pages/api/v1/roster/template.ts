import type { APIRoute } from 'astro';
import { requireRole } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { fileResponse } from '@/lib/http/file-response.ts';
import { scopeOf } from '@/lib/org/scope.ts';
import { XLSX_CONTENT_TYPE } from '@/lib/roster/format.ts';
import { ROSTER_IMPORTER_ROLES } from '@/lib/roster/import.ts';
import { rosterTemplate } from '@/lib/roster/template.ts';

export const GET: APIRoute = ({ locals }) =>
  handle(async () => {
    const user = requireRole(locals, ...ROSTER_IMPORTER_ROLES);
    const body = await rosterTemplate(locals.db, scopeOf(user));
    const scopeName = user.role === 'admin' ? '全部单位' : user.scopeUnitName;
    return fileResponse({ body, contentType: XLSX_CONTENT_TYPE, filename: `干部名单导入模板-${scopeName}.xlsx` });
  });
