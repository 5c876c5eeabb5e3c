import type { YearTotals } from './ledger.ts';
import type { Target } from './targets.ts';
import { formatHours } from './units.ts';

/** One sentence on how a year's totals stand against its target: done, or what is still missing. */
export function describeGap(totals: YearTotals, target: Pick<Target, 'totalTenths' | 'requiredTenths'>): string {
  const totalShort = Math.max(0, target.totalTenths - totals.totalTenths);
  const requiredShort = Math.max(0, target.requiredTenths - totals.requiredTenths);
  if (totalShort === 0 && requiredShort === 0) return '已完成目标。';
  const parts = [totalShort > 0 && `还差 ${formatHours(totalShort)} 学时`, requiredShort > 0 && `必修还差 ${formatHours(requiredShort)} 学时`];
  return parts.filter(Boolean).join('，') + '。';
}
