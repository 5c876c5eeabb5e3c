import type { LedgerEntry } from '../hours/ledger.ts';
import type { TargetRule } from '../hours/target-rules.ts';
import type { Target } from '../hours/targets.ts';
import { fromTenths } from '../hours/units.ts';

/** A ledger entry with hours in 学时 instead of tenths. */
export function presentLedgerEntry({ hoursTenths, ...entry }: LedgerEntry) {
  return { ...entry, hours: fromTenths(hoursTenths) };
}

export function presentTarget(target: Target | null) {
  return target && { total: fromTenths(target.totalTenths), required: fromTenths(target.requiredTenths), appliesTo: target.appliesTo };
}

export function presentTargetRule({ totalTenths, requiredTenths, ...rule }: TargetRule) {
  return { ...rule, total: fromTenths(totalTenths), required: fromTenths(requiredTenths) };
}
