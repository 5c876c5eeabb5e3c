import type { AstroGlobal } from 'astro';
import { requireRole } from '@/lib/auth/guards.ts';
import { NotFoundError } from '@/lib/errors.ts';
import { beijingYear } from '@/lib/hours/beijing-year.ts';
import { listOrgUnits } from '@/lib/org/org-units.ts';
import { scopeOf } from '@/lib/org/scope.ts';
import { listPositionsInUse } from '@/lib/users/positions.ts';
import { reportParamsFromUrl } from '@/lib/reports/page-params.ts';
import { loadCatalog } from '../courses/_catalog.ts';
import { loadReport } from './_load.ts';

/** Everything both report pages need: the filter, its options, and the report (or the reason there is none). */
export async function reportPageContext(Astro: AstroGlobal) {
  const user = requireRole(Astro.locals, 'staff', 'trainer', 'admin');
  const db = Astro.locals.db;
  const params = reportParamsFromUrl(Astro.url);
  const current = beijingYear(new Date());
  const year = params.year ?? current;
  const scope = scopeOf(user);
  const [units, positions, catalog] = await Promise.all([listOrgUnits(db, scope), listPositionsInUse(db, scope), loadCatalog()]);
  const courses = catalog.courses.map((c) => ({ id: c.slug, title: c.title }));
  let loaded: Awaited<ReturnType<typeof loadReport>> | null = null;
  let problem = '';
  try {
    loaded = await loadReport(db, user, { year, orgUnit: params.orgUnit, position: params.position, course: params.course, format: 'json' });
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    problem = error.message;
    Astro.response.status = 404;
  }
  const years = [...new Set([current, current - 1, current - 2, year])].sort((a, b) => b - a);
  return { user, params, year, years, units, positions, courses, report: loaded?.report ?? null, rootName: loaded?.rootName ?? '', problem };
}
