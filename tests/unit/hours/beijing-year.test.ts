import { describe, expect, test } from 'vitest';
import { beijingIsoDate, beijingYear, shareOfYearElapsed } from '../../../src/lib/hours/beijing-year.ts';

describe('the year of a credit is its date in Beijing time', () => {
  test('the last evening of December in UTC is already next year in Beijing', () => {
    expect(beijingYear(new Date('2026-12-31T15:59:59.999Z'))).toBe(2026);
    expect(beijingYear(new Date('2026-12-31T16:00:00.000Z'))).toBe(2027);
    expect(beijingIsoDate('2026-12-31T16:00:00.000Z')).toBe('2027-01-01');
  });

  test('New Year in UTC is still the old year in Beijing only before 16:00 UTC the day before', () => {
    expect(beijingYear(new Date('2027-01-01T00:00:00.000Z'))).toBe(2027);
    expect(beijingIsoDate('2026-06-30T16:30:00.000Z')).toBe('2026-07-01');
  });

  test('share of the year elapsed runs from 0 at Beijing midnight on 1 January to 1 at the next', () => {
    expect(shareOfYearElapsed(new Date('2025-12-31T16:00:00.000Z'))).toBe(0);
    expect(shareOfYearElapsed(new Date('2026-07-02T16:00:00.000Z'))).toBeCloseTo(0.5, 2);
  });
});
