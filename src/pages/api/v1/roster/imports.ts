import type { APIRoute } from 'astro';
import { presentRosterApplied, presentRosterPlan } from '@/lib/api/present-roster.ts';
import { rosterRoutes } from '@/lib/api/schemas/roster.ts';
import { requireRole } from '@/lib/auth/guards.ts';
import { DomainError } from '@/lib/errors.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readBodyBytes } from '@/lib/http/read-body.ts';
import { readQuery } from '@/lib/http/read-json.ts';
import { RosterProblemsError } from '@/lib/roster/errors.ts';
import { FILE_TOO_LARGE_MESSAGE, ROSTER_MAX_BYTES, XLSX_CONTENT_TYPE } from '@/lib/roster/format.ts';
import { applyRosterFile, previewRosterFile, ROSTER_IMPORTER_ROLES } from '@/lib/roster/import.ts';

/** The body is the file itself; a generic binary type is accepted too (the content is checked, not the label). */
const ACCEPTED_TYPES = [XLSX_CONTENT_TYPE, 'application/octet-stream'];

export const POST: APIRoute = ({ request, url, locals }) =>
  handle(async () => {
    const user = requireRole(locals, ...ROSTER_IMPORTER_ROLES);
    const { mode } = readQuery(url, rosterRoutes.import.query);
    const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!ACCEPTED_TYPES.includes(type)) throw new DomainError('unsupported_media_type', `请求内容须为 .xlsx 文件本身（Content-Type: ${XLSX_CONTENT_TYPE}）。`);
    const bytes = await readBodyBytes(request, ROSTER_MAX_BYTES, FILE_TOO_LARGE_MESSAGE);
    if (mode === 'apply') return Response.json(presentRosterApplied(await applyRosterFile(locals.db, user, bytes)));
    const plan = await previewRosterFile(locals.db, user, bytes);
    if (!plan.ok) throw new RosterProblemsError(plan.problems);
    return Response.json(presentRosterPlan(plan.rows, plan.summary));
  });
