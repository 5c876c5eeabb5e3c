import { describe, expect, test } from 'vitest';
import { beijingDayAndClock, beijingLocalToIso, beijingParts, isCalendarDate } from '../../../src/lib/util/beijing-time.ts';

describe('Beijing wall-clock times', () => {
  test('a date and time read in Beijing become UTC ISO text, and back', () => {
    expect(beijingLocalToIso('2026-05-10', '14:30')).toBe('2026-05-10T06:30:00.000Z');
    expect(beijingLocalToIso('2026-01-01', '07:00')).toBe('2025-12-31T23:00:00.000Z');
    expect(beijingParts('2025-12-31T23:00:00.000Z')).toEqual({ date: '2026-01-01', time: '07:00' });
    expect(beijingDayAndClock('2026-05-10T06:30:00.000Z')).toBe('5月10日 14:30');
  });

  test('refuses days and times that do not exist', () => {
    expect(beijingLocalToIso('2026-02-30', '10:00')).toBeNull();
    expect(beijingLocalToIso('2026-05-10', '24:00')).toBeNull();
    expect(beijingLocalToIso('2026-5-10', '10:00')).toBeNull();
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
  });
});
