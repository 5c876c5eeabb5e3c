import type { APIRoute } from 'astro';
import { presentCompletion } from '@/lib/api/present-reading.ts';
import { readingRoutes } from '@/lib/api/schemas/reading.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { classCompletion } from '@/lib/class-completion/completion.ts';
import { completionWorkbook } from '@/lib/class-completion/export.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { fileResponse } from '@/lib/http/file-response.ts';
import { readQuery } from '@/lib/http/read-json.ts';
import { loadClassCatalog } from '@/pages/reading/_class-catalog.ts';

export const GET: APIRoute = ({ url, params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { format } = readQuery(url, readingRoutes.completion.query);
    const report = await classCompletion(locals.db, user, params.id!, await loadClassCatalog());
    return format === 'xlsx' ? fileResponse(await completionWorkbook(report)) : Response.json(presentCompletion(report));
  });
