import { describe, expect, test } from 'vitest';
import { LOGIN_WINDOW_MS, retryAfterSeconds } from '../../../src/lib/auth/throttle.ts';

const now = 1_800_000_000_000;
const minutesAgo = (m: number) => now - m * 60_000;

describe('retryAfterSeconds', () => {
  test('lets attempts through while failures stay below the limit', () => {
    expect(retryAfterSeconds([minutesAgo(1), minutesAgo(2)], 5, now)).toBe(0);
  });

  test('blocks once the limit is reached, until the oldest counting failure leaves the window', () => {
    const failures = [1, 2, 3, 4, 5].map(minutesAgo);
    expect(retryAfterSeconds(failures, 5, now)).toBe((LOGIN_WINDOW_MS - 5 * 60_000) / 1000);
  });

  test('ignores failures older than the window', () => {
    const failures = [16, 17, 18, 19, 20].map(minutesAgo);
    expect(retryAfterSeconds(failures, 5, now)).toBe(0);
  });

  test('counts only the most recent failures towards the block', () => {
    const failures = [1, 2, 3, 4, 5, 14].map(minutesAgo);
    expect(retryAfterSeconds(failures, 5, now)).toBe(10 * 60);
  });
});
