import { describe, expect, test } from 'vitest';
import { deadlineOf, isLate, SUBMIT_GRACE_SECONDS } from '../../../src/lib/quiz/time-limit.ts';

const startedAt = new Date('2026-03-01T02:00:00Z');
const after = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000);

describe('deadlineOf', () => {
  test('adds the time limit and the grace for network delay', () => {
    expect(deadlineOf(startedAt, 20)).toEqual(after(20 * 60 + SUBMIT_GRACE_SECONDS));
    expect(deadlineOf(startedAt, 20, 0)).toEqual(after(20 * 60));
  });

  test('has no deadline when the quiz has no time limit', () => {
    expect(deadlineOf(startedAt, undefined)).toBeNull();
  });
});

describe('isLate', () => {
  test('accepts a submission exactly at the deadline and refuses one a millisecond later', () => {
    const deadline = deadlineOf(startedAt, 20)!;
    expect(isLate(startedAt, deadline, 20)).toBe(false);
    expect(isLate(startedAt, new Date(deadline.getTime() + 1), 20)).toBe(true);
  });

  test('accepts a sheet that arrives within the grace after time ran out', () => {
    expect(isLate(startedAt, after(20 * 60 + 10), 20)).toBe(false);
  });

  test('refuses a sheet that arrives after the grace, however the grace is set', () => {
    expect(isLate(startedAt, after(20 * 60 + 31), 20)).toBe(true);
    expect(isLate(startedAt, after(20 * 60 + 1), 20, 0)).toBe(true);
  });

  test('is never late without a time limit', () => {
    expect(isLate(startedAt, after(7 * 24 * 3600), undefined)).toBe(false);
  });
});
