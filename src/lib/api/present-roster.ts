import type { ApplyResult } from '../roster/apply.ts';
import type { PlannedRow, PlanSummary } from '../roster/plan.ts';

function presentPlannedRow(row: PlannedRow) {
  return {
    row: row.row,
    action: row.action,
    login: row.login,
    name: row.name,
    unitId: row.unitId,
    unit: row.unitPath,
    position: row.position,
    phone: row.phone,
    userId: row.userId,
    changes: row.changes,
  };
}

/** The JSON of a dry run. */
export function presentRosterPlan(rows: PlannedRow[], summary: PlanSummary) {
  return { mode: 'dry-run' as const, applied: false, summary, rows: rows.map(presentPlannedRow), initialPasswords: [] };
}

/** The JSON of an apply: the new accounts' initial passwords appear here and nowhere else. */
export function presentRosterApplied(result: ApplyResult) {
  return {
    mode: 'apply' as const,
    applied: result.importId !== null,
    summary: result.summary,
    rows: result.rows.map(presentPlannedRow),
    initialPasswords: result.accounts.map(({ row, login, name, password }) => ({ row, login, name, password })),
  };
}
