import { describe, expect, test } from 'vitest';
import { ValidationError } from '../../../src/lib/errors.ts';
import { correctableYears, requireCorrectableYear, requireTargetYear, targetYears } from '../../../src/lib/hours/open-years.ts';

describe('correctableYears', () => {
  test('are this year and the previous one in Beijing time', () => {
    expect(correctableYears(new Date('2026-06-01T00:00:00Z'))).toEqual([2026, 2025]);
  });

  test('move on at Beijing midnight, eight hours before UTC midnight', () => {
    expect(correctableYears(new Date('2026-12-31T15:59:59Z'))).toEqual([2026, 2025]);
    expect(correctableYears(new Date('2026-12-31T16:00:00Z'))).toEqual([2027, 2026]);
  });

  test('refuse a closed year with a message naming the open ones', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(requireCorrectableYear(2025, now)).toBe(2025);
    expect(() => requireCorrectableYear(2024, now)).toThrow(ValidationError);
    expect(() => requireCorrectableYear(2027, now)).toThrow('只能更正 2025 年或 2026 年的学时；2027 年已经结账。');
  });
});

describe('targetYears', () => {
  test('add next year for planning', () => {
    const now = new Date('2026-03-01T00:00:00Z');
    expect(targetYears(now)).toEqual([2027, 2026, 2025]);
    expect(requireTargetYear(2027, now)).toBe(2027);
    expect(() => requireTargetYear(2028, now)).toThrow('只能设定 2025–2027 年的学时目标');
  });
});
