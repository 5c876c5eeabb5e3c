import { describe, expect, test } from 'vitest';
import { leaveExceedsLimit, maxLeaveTenths } from '../../../src/lib/classes/leave-rule.ts';

describe('leaveExceedsLimit (the 1/7 rule)', () => {
  test('exactly one seventh of the hours still completes', () => {
    expect(leaveExceedsLimit(10, 70)).toBe(false);
  });

  test('a tenth of an hour over one seventh does not', () => {
    expect(leaveExceedsLimit(11, 70)).toBe(true);
  });

  test('decides on integer tenths, so totals that are not multiples of seven are exact', () => {
    // 1/7 of 10 学时 is 1.428…: 1.4 passes, 1.5 fails.
    expect(leaveExceedsLimit(14, 100)).toBe(false);
    expect(leaveExceedsLimit(15, 100)).toBe(true);
    expect(maxLeaveTenths(100)).toBe(14);
  });

  test('no leave passes even when no session was held; any leave of nothing held fails', () => {
    expect(leaveExceedsLimit(0, 0)).toBe(false);
    expect(leaveExceedsLimit(5, 0)).toBe(true);
  });
});
