import type { APIRoute } from 'astro';
import { presentCadreStanding, presentUnitRow } from '@/lib/api/present-reports.ts';
import { reportRoutes } from '@/lib/api/schemas/reports.ts';
import { requireRole } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { fileResponse } from '@/lib/http/file-response.ts';
import { readQuery } from '@/lib/http/read-json.ts';
import { completionDownload } from '@/lib/reports/downloads.ts';
import { loadReport } from '@/pages/reports/_load.ts';

export const GET: APIRoute = ({ url, locals }) =>
  handle(async () => {
    const user = requireRole(locals, 'staff', 'trainer', 'admin');
    const query = readQuery(url, reportRoutes.completion.query);
    const { report, rootName } = await loadReport(locals.db, user, query);
    if (query.format !== 'json') {
      return fileResponse(await completionDownload(report, rootName, query.format));
    }
    return Response.json({
      year: report.filter.year,
      generatedAt: report.generatedAt,
      paceShare: report.paceShare,
      units: report.units.map((u) => presentUnitRow(u, query.course !== undefined)),
      cadres: report.cadres.map(presentCadreStanding),
    });
  });
