import type { OrgUnit } from '../org/org-units.ts';
import type { CadreStanding } from './standing.ts';

/** A unit's figures, counting every cadre of its whole subtree. */
export interface UnitFigures {
  cadres: number;
  met: number;
  behind: number;
  totalTenths: number;
  requiredAssigned: number;
  requiredCompleted: number;
  /** Only with a course filter. */
  courseCompleted: number;
}

export interface UnitRow extends UnitFigures {
  id: string;
  name: string;
  kind: OrgUnit['kind'];
  parentId: string | null;
  path: string;
  /** Depth below the report's root (0 for the root). */
  level: number;
}

export const emptyFigures = (): UnitFigures => ({ cadres: 0, met: 0, behind: 0, totalTenths: 0, requiredAssigned: 0, requiredCompleted: 0, courseCompleted: 0 });

export function addCadre(figures: UnitFigures, cadre: CadreStanding): void {
  figures.cadres++;
  if (cadre.met) figures.met++;
  if (cadre.behind) figures.behind++;
  figures.totalTenths += cadre.totalTenths;
  figures.requiredAssigned += cadre.requiredAssigned;
  figures.requiredCompleted += cadre.requiredCompleted;
  if (cadre.courseCompleted) figures.courseCompleted++;
}

/**
 * Adds each cadre to their unit and every ancestor inside the report (units given in tree order,
 * the first being the root). Linear in cadres × depth: a county is four or five levels deep.
 */
export function rollUp(units: OrgUnit[], cadres: CadreStanding[]): UnitRow[] {
  const rootDepth = units[0]?.depth ?? 0;
  const rows = new Map(units.map((u) => [u.id, { id: u.id, name: u.name, kind: u.kind, parentId: u.parentId, path: u.path, level: u.depth - rootDepth, ...emptyFigures() } satisfies UnitRow]));
  for (const cadre of cadres) {
    for (const id of cadre.unitPath.split('/')) {
      const row = id && rows.get(id);
      if (row) addCadre(row, cadre);
    }
  }
  return [...rows.values()];
}

/** Average hours per cadre in tenths, rounded; 0 for a unit without cadres. */
export const averageTenths = (figures: UnitFigures) => (figures.cadres ? Math.round(figures.totalTenths / figures.cadres) : 0);

/** "83%" for a part of a whole; "—" when there is nothing to divide by. */
export const percentText = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 100)}%` : '—');
