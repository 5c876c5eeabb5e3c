/**
 * The leave rule of 《干部教育培训工作条例》 for full-time training: leave may not exceed one seventh of
 * the class's total hours. Exactly one seventh still completes; anything above does not. Integer
 * tenths on both sides, so the boundary is exact (no floating-point division).
 */
export const LEAVE_SHARE_LIMIT = { numerator: 1, denominator: 7 } as const;

/** True when the leave is over the limit: 7 × leave > total (for the 1/7 limit). */
export function leaveExceedsLimit(leaveTenths: number, totalTenths: number, limit: { numerator: number; denominator: number } = LEAVE_SHARE_LIMIT): boolean {
  return leaveTenths * limit.denominator > totalTenths * limit.numerator;
}

/** The most leave (in tenths, rounded down) that still completes. */
export function maxLeaveTenths(totalTenths: number, limit: { numerator: number; denominator: number } = LEAVE_SHARE_LIMIT): number {
  return Math.floor((totalTenths * limit.numerator) / limit.denominator);
}
