import { fromTenths } from '../hours/units.ts';
import { averageTenths, type UnitRow } from '../reports/rollup.ts';
import type { CadreStanding } from '../reports/standing.ts';

export function presentUnitRow(u: UnitRow, withCourse: boolean) {
  return {
    id: u.id,
    name: u.name,
    parentId: u.parentId,
    level: u.level,
    cadres: u.cadres,
    met: u.met,
    behind: u.behind,
    averageHours: fromTenths(averageTenths(u)),
    requiredAssigned: u.requiredAssigned,
    requiredCompleted: u.requiredCompleted,
    courseCompleted: withCourse ? u.courseCompleted : null,
  };
}

export function presentCadreStanding(c: CadreStanding) {
  return {
    id: c.id,
    name: c.name,
    login: c.login,
    position: c.position,
    phone: c.phone,
    unitId: c.unitId,
    unitName: c.unitName,
    hours: fromTenths(c.totalTenths),
    requiredHours: fromTenths(c.requiredTenths),
    target: c.target && { total: fromTenths(c.target.totalTenths), required: fromTenths(c.target.requiredTenths) },
    met: c.met,
    expectedHours: fromTenths(c.expectedTenths),
    missingHours: fromTenths(c.missingTenths),
    behind: c.behind,
    requiredAssigned: c.requiredAssigned,
    requiredCompleted: c.requiredCompleted,
    courseCompleted: c.courseCompleted,
  };
}
