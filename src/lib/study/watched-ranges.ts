/** Watched media ranges, `[startSecond, endSecond]` pairs, kept merged and sorted. */
export type Range = [number, number];

/** Merges overlapping or touching ranges into a sorted list. */
export function mergeRanges(ranges: Range[]): Range[] {
  const sorted = ranges.filter(([s, e]) => e > s).map(([s, e]): Range => [s, e]).sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/** Total seconds covered by merged ranges. */
export function coveredSeconds(ranges: Range[]): number {
  return mergeRanges(ranges).reduce((sum, [s, e]) => sum + (e - s), 0);
}

/** Fastest playback the player offers; claimed ranges cannot outrun it. */
export const MAX_PLAYBACK_RATE = 2;

/**
 * Accepts newly reported ranges only as far as the credited wall time allows: a beat that credited
 * 20 s can add at most 40 s of media (at 2× speed), clipped to the media's real duration.
 */
export function acceptReportedRanges(reported: Range[], creditedSeconds: number, durationSeconds: number): Range[] {
  let budget = creditedSeconds * MAX_PLAYBACK_RATE;
  const accepted: Range[] = [];
  for (const [start, end] of mergeRanges(reported.map(([s, e]): Range => [Math.max(0, s), Math.min(durationSeconds, e)]))) {
    if (budget <= 0) break;
    const length = Math.min(end - start, budget);
    accepted.push([start, start + length]);
    budget -= length;
  }
  return accepted;
}
