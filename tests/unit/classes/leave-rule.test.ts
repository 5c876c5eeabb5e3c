import { describe, expect, test } from 'vitest';
import { formatPerMille, leaveExceedsLimit, leaveShare } from '../../../src/lib/classes/leave-rule.ts';

describe('leaveExceedsLimit (the 1/7 rule on tenths of 学时)', () => {
  test('leave of exactly one seventh of the total is allowed', () => {
    expect(leaveExceedsLimit(20, 140)).toBe(false); // 2 of 14 学时
    expect(leaveExceedsLimit(30, 210)).toBe(false); // 3 of 21 学时
  });

  test('one tenth of an hour more than one seventh is not', () => {
    expect(leaveExceedsLimit(21, 140)).toBe(true);
    expect(leaveExceedsLimit(31, 210)).toBe(true);
  });

  test('a total that seven does not divide: ⌊total / 7⌋ tenths is the most allowed', () => {
    // 10 学时 = 100 tenths; 100 / 7 = 14.28…: 1.4 学时 passes, 1.5 does not.
    expect(leaveExceedsLimit(14, 100)).toBe(false);
    expect(leaveExceedsLimit(15, 100)).toBe(true);
    expect(leaveShare(0, 100).allowedTenths).toBe(14);
  });

  test('no leave is always within the rule, even before any session is scheduled', () => {
    expect(leaveExceedsLimit(0, 0)).toBe(false);
    expect(leaveShare(0, 0)).toEqual({ leaveTenths: 0, totalTenths: 0, allowedTenths: 0, perMille: 0, withinLimit: true });
  });

  test('any leave in a class without hours exceeds it', () => {
    expect(leaveExceedsLimit(1, 0)).toBe(true);
  });
});

describe('leaveShare', () => {
  test('shows the share in per mille and says whether it is within the rule', () => {
    expect(leaveShare(20, 140)).toEqual({ leaveTenths: 20, totalTenths: 140, allowedTenths: 20, perMille: 143, withinLimit: true });
    expect(leaveShare(40, 140)).toMatchObject({ perMille: 286, withinLimit: false });
    expect(formatPerMille(143)).toBe('14.3%');
  });
});
