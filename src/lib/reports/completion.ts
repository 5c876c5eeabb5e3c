import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { targetResolver } from '../hours/targets.ts';
import { listOrgUnits, toOrgUnit, type OrgUnit } from '../org/org-units.ts';
import { requireManagerScope, requireUnitInScope, type Scope } from '../org/scope.ts';
import { cadreYearRows } from './completion-query.ts';
import { paceShare } from './pace.ts';
import { rollUp, type UnitRow } from './rollup.ts';
import { standingOf, type CadreStanding } from './standing.ts';

/** Names in pinyin order, as a Chinese list is expected to read. */
const chinese = new Intl.Collator('zh-CN');

export interface ReportFilter {
  year: number;
  /** Report on this unit's subtree (must lie in the viewer's scope); default: the whole scope. */
  unitId?: string;
  position?: string;
  courseId?: string;
}

export interface CompletionReport {
  filter: ReportFilter;
  generatedAt: string;
  /** Share of the year's target that is due by now (1 for a past year). */
  paceShare: number;
  /** Units of the report in tree order, each with the figures of its whole subtree. */
  units: UnitRow[];
  cadres: CadreStanding[];
}

/**
 * The completion report of a subtree for a year: every cadre's standing against their target and each
 * unit's totals. The scope decides everything: a unit outside it answers 404 like a unit that does not exist.
 */
export async function completionReport(db: Kysely<Database>, scope: Scope, filter: ReportFilter, now = new Date()): Promise<CompletionReport> {
  requireManagerScope(scope);
  const units = await reportUnits(db, scope, filter.unitId);
  const rootPath = filter.unitId ? units[0]!.path : scope.kind === 'subtree' ? scope.orgUnitPath : null;
  const [rows, rules] = await Promise.all([
    cadreYearRows(db, { year: filter.year, unitPath: rootPath, position: filter.position, courseId: filter.courseId }),
    db.selectFrom('hours_targets').select(['applies_to', 'match_value', 'total_tenths', 'required_tenths']).where('year', '=', filter.year).execute(),
  ]);
  const targetOf = targetResolver(rules);
  const share = paceShare(filter.year, now);
  const order = new Map(units.map((u, i) => [u.id, i]));
  const cadres = rows
    .map((row) => standingOf(row, targetOf({ position: row.position, orgUnitPath: row.unitPath }), share))
    .sort((a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0) || chinese.compare(a.name, b.name));
  return { filter, generatedAt: now.toISOString(), paceShare: share, units: rollUp(units, cadres), cadres };
}

/** The report's units in tree order: the chosen unit's subtree, or everything in scope. */
async function reportUnits(db: Kysely<Database>, scope: Scope, unitId: string | undefined): Promise<OrgUnit[]> {
  if (!unitId) return listOrgUnits(db, scope);
  const root = await requireUnitInScope(db, scope, unitId);
  return listOrgUnits(db, { kind: 'subtree', orgUnitPath: root.path }).then((units) => (units.length ? units : [toOrgUnit(root)]));
}

/** Cadres behind pace, most hours missing first: the list a township officer phones through. */
export function behindList(report: CompletionReport): CadreStanding[] {
  return report.cadres.filter((c) => c.behind).sort((a, b) => b.missingTenths - a.missingTenths || chinese.compare(a.unitName, b.unitName) || chinese.compare(a.name, b.name));
}
