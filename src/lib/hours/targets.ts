import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

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

/**
 * The person's target for a year: a rule for their position wins, then the rule of their
 * nearest org unit (village before township before county), then the year's default; null if none is set.
 */
export async function targetFor(db: Kysely<Database>, person: TargetSubject, year: number): Promise<Target | null> {
  const rows = await db.selectFrom('hours_targets').selectAll().where('year', '=', year).execute();
  const unitIds = person.orgUnitPath.split('/').filter(Boolean).reverse();
  const pick =
    rows.find((r) => r.applies_to === 'position' && r.match_value === person.position) ??
    unitIds.map((id) => rows.find((r) => r.applies_to === 'org_unit' && r.match_value === id)).find(Boolean) ??
    rows.find((r) => r.applies_to === 'default');
  if (!pick) return null;
  return {
    totalTenths: pick.total_tenths,
    requiredTenths: pick.required_tenths,
    appliesTo: pick.applies_to as Target['appliesTo'],
    matchValue: pick.match_value,
  };
}
