import type { HoursTargetsTable } from '../hours/hours.table.ts';

export interface ResolvedTarget {
  totalTenths: number;
  requiredTenths: number;
}

/**
 * Resolves targets for many people at once from one year's rules, with the same precedence as
 * `targetFor` (position, then the nearest org unit, then the default), without a query per person.
 */
export function targetResolver(rules: Pick<HoursTargetsTable, 'applies_to' | 'match_value' | 'total_tenths' | 'required_tenths'>[]) {
  const toTarget = (r: (typeof rules)[number]): ResolvedTarget => ({ totalTenths: r.total_tenths, requiredTenths: r.required_tenths });
  const byPosition = new Map(rules.filter((r) => r.applies_to === 'position').map((r) => [r.match_value, toTarget(r)]));
  const byUnit = new Map(rules.filter((r) => r.applies_to === 'org_unit').map((r) => [r.match_value, toTarget(r)]));
  const fallback = rules.find((r) => r.applies_to === 'default');
  const byPath = new Map<string, ResolvedTarget | null>();
  const forPath = (path: string): ResolvedTarget | null => {
    let found = byPath.get(path);
    if (found === undefined) {
      const nearest = path.split('/').filter(Boolean).reverse().find((id) => byUnit.has(id));
      found = nearest ? byUnit.get(nearest)! : fallback ? toTarget(fallback) : null;
      byPath.set(path, found);
    }
    return found;
  };
  return (person: { position: string; unitPath: string }): ResolvedTarget | null => byPosition.get(person.position) ?? forPath(person.unitPath);
}
