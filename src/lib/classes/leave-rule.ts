/**
 * The 1/7 rule of the 干部教育培训工作条例: leave taken during a class may not exceed one seventh of
 * the class's total session hours. Pure integer arithmetic on tenths of 学时, so the boundary is exact:
 * leave equal to 1/7 is allowed, one tenth more is not.
 */

/** The rule's denominator: leave may be at most 1/LEAVE_LIMIT_DENOMINATOR of the total. */
export const LEAVE_LIMIT_DENOMINATOR = 7;
/** The limit as a fraction, for a class rule that states it (class-completion/rule.ts). */
export const LEAVE_SHARE_LIMIT = { numerator: 1, denominator: LEAVE_LIMIT_DENOMINATOR } as const;
type Fraction = { numerator: number; denominator: number };

/** True when the leave (tenths) is over the limit: `7 × leave > total` for the 1/7 rule. */
export function leaveExceedsLimit(leaveTenths: number, totalTenths: number, limit: Fraction = LEAVE_SHARE_LIMIT): boolean {
  return leaveTenths * limit.denominator > totalTenths * limit.numerator;
}

/** The most leave (tenths, rounded down) that still completes. */
export function maxLeaveTenths(totalTenths: number, limit: Fraction = LEAVE_SHARE_LIMIT): number {
  return Math.floor((totalTenths * limit.numerator) / limit.denominator);
}

/** A cadre's leave in a class, as the trainer's roster and the cadre's class page show it. */
export interface LeaveShare {
  leaveTenths: number;
  totalTenths: number;
  /** The most leave (tenths) the rule still allows: ⌊total / 7⌋. */
  allowedTenths: number;
  /** Leave as a share of the total in per mille (0 when the class has no hours yet), for display only. */
  perMille: number;
  withinLimit: boolean;
}

/** Everything the pages show about one cadre's leave; `withinLimit` is the rule itself. */
export function leaveShare(leaveTenths: number, totalTenths: number): LeaveShare {
  return {
    leaveTenths,
    totalTenths,
    allowedTenths: maxLeaveTenths(totalTenths),
    perMille: totalTenths > 0 ? Math.round((1000 * leaveTenths) / totalTenths) : 0,
    withinLimit: !leaveExceedsLimit(leaveTenths, totalTenths),
  };
}

/** "14.3%" from per mille. */
export function formatPerMille(perMille: number): string {
  return `${(perMille / 10).toFixed(1)}%`;
}
