import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { HoursTargetsTable } from './hours.table.ts';

export interface Target {
  totalTenths: number;
  requiredTenths: number;
  /** Which rule applied, for the page to explain it. */
  appliesTo: 'position' | 'org_unit' | 'default';
  matchValue: string;
}

export interface TargetSubject {
  position: string;
  /** Path of the person's unit, `/county/township/village/`. */
  orgUnitPath: string;
}

type TargetRule = Pick<HoursTargetsTable, 'applies_to' | 'match_value' | 'total_tenths' | 'required_tenths'>;

/**
 * Resolves targets from one year's rules: a rule for the person's position wins, then the rule of
 * their nearest org unit (village before township before county), then the year's default; null if
 * none is set. Built once per report, so many people cost no query each (unit lookups are memoised by path).
 */
export function targetResolver(rules: TargetRule[]): (person: TargetSubject) => Target | null {
  const toTarget = (r: TargetRule): Target => ({ totalTenths: r.total_tenths, requiredTenths: r.required_tenths, appliesTo: r.applies_to as Target['appliesTo'], matchValue: r.match_value });
  const byPosition = new Map(rules.filter((r) => r.applies_to === 'position').map((r) => [r.match_value, toTarget(r)]));
  const byUnit = new Map(rules.filter((r) => r.applies_to === 'org_unit').map((r) => [r.match_value, toTarget(r)]));
  const fallback = rules.find((r) => r.applies_to === 'default');
  const byPath = new Map<string, Target | null>();
  const forPath = (path: string): Target | null => {
    let found = byPath.get(path);
    if (found === undefined) {
      const nearest = path.split('/').filter(Boolean).reverse().find((id) => byUnit.has(id));
      found = nearest ? byUnit.get(nearest)! : fallback ? toTarget(fallback) : null;
      byPath.set(path, found);
    }
    return found;
  };
  return (person) => byPosition.get(person.position) ?? forPath(person.orgUnitPath);
}

/** The person's target for a year (see `targetResolver` for which rule applies). */
export async function targetFor(db: Kysely<Database>, person: TargetSubject, year: number): Promise<Target | null> {
  const rules = await db.selectFrom('hours_targets').select(['applies_to', 'match_value', 'total_tenths', 'required_tenths']).where('year', '=', year).execute();
  return targetResolver(rules)(person);
}
