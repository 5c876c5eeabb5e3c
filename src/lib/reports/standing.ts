import type { Target } from '../hours/targets.ts';

/** The part of a target a standing needs. */
export type ResolvedTarget = Pick<Target, 'totalTenths' | 'requiredTenths'>;

/** One cadre's year as the report query returns it. */
export interface CadreYearRow {
  id: string;
  name: string;
  login: string;
  position: string;
  phone: string | null;
  unitId: string;
  unitName: string;
  unitPath: string;
  totalTenths: number;
  requiredTenths: number;
  requiredAssigned: number;
  requiredCompleted: number;
  /** Only with a course filter: whether the cadre completed that course. */
  courseCompleted: boolean | null;
}

export interface CadreStanding extends CadreYearRow {
  target: ResolvedTarget | null;
  /** Total and required targets both reached. */
  met: boolean;
  /** Hours that should have been earned by now at an even pace. */
  expectedTenths: number;
  /** Hours still missing to reach the year's target (0 when reached). */
  missingTenths: number;
  /** Below the pace needed to reach the target by the year's end. */
  behind: boolean;
}

/** A cadre's standing against their target; without a target nobody is met or behind. */
export function standingOf(row: CadreYearRow, target: ResolvedTarget | null, paceShare: number): CadreStanding {
  if (!target) return { ...row, target, met: false, expectedTenths: 0, missingTenths: 0, behind: false };
  const expectedTenths = Math.ceil(target.totalTenths * paceShare);
  const missingTenths = Math.max(0, target.totalTenths - row.totalTenths);
  return {
    ...row,
    target,
    met: row.totalTenths >= target.totalTenths && row.requiredTenths >= target.requiredTenths,
    expectedTenths,
    missingTenths,
    behind: row.totalTenths < expectedTenths,
  };
}
