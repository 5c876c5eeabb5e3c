export const LEDGER_KINDS = ['course', 'lecture', 'reading', 'adjustment'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** Append-only: rows are never updated or deleted; a correction is a reversal row. */
export interface HoursLedgerTable {
  id: string;
  user_id: string;
  /** Calendar year of the credit in Beijing time. */
  year: number;
  /** Hours in tenths (学时 × 10), negative for a reversal or a deduction. */
  hours_tenths: number;
  kind: LedgerKind;
  /** What earned it, unique per person: `course:<course id>`, `reversal:<entry id>`, `adjustment:<id>` … */
  source: string;
  /** Human-readable description of the source (course title, lecture topic …). */
  source_title: string;
  reason: string;
  /** 1 when the credit came from a required (必修) course, for the required-hours target. */
  counts_as_required: number;
  actor_id: string | null;
  reverses_id: string | null;
  created_at: string;
}

/** What a target rule applies to: the year's default, a position, or an org unit's subtree. */
export const TARGET_KINDS = ['default', 'position', 'org_unit'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** Yearly targets; the most specific matching row applies (position, then the nearest org unit, then the year's default). */
export interface HoursTargetsTable {
  id: string;
  year: number;
  /** 'default' | 'position' | 'org_unit' */
  applies_to: string;
  /** Position name or org unit id; '' for the default. */
  match_value: string;
  total_tenths: number;
  /** Of the total, hours that must come from required (必修) courses. */
  required_tenths: number;
  updated_by: string | null;
  updated_at: string;
}
