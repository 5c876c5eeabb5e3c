import { describe, expect, test } from 'vitest';
import { mayAdjustHours } from '../../../src/lib/hours/adjustments.ts';
import { mayEditTargets } from '../../../src/lib/hours/target-rules.ts';

describe('mayAdjustHours', () => {
  test('lets staff and admins correct hours, never trainers or cadres', () => {
    expect(mayAdjustHours({ role: 'staff' })).toBe(true);
    expect(mayAdjustHours({ role: 'admin' })).toBe(true);
    expect(mayAdjustHours({ role: 'trainer' })).toBe(false);
    expect(mayAdjustHours({ role: 'cadre' })).toBe(false);
  });
});

describe('mayEditTargets', () => {
  const person = (role: 'staff' | 'trainer' | 'admin' | 'cadre', scopePath: string) => ({ id: 'x', role, scopePath });

  test('lets admins and staff whose scope is the county root set targets', () => {
    expect(mayEditTargets(person('admin', '/county/town/'))).toBe(true);
    expect(mayEditTargets(person('staff', '/county/'))).toBe(true);
  });

  test('keeps township staff, county-wide trainers and cadres to reading', () => {
    expect(mayEditTargets(person('staff', '/county/town/'))).toBe(false);
    expect(mayEditTargets(person('trainer', '/county/'))).toBe(false);
    expect(mayEditTargets(person('cadre', '/county/'))).toBe(false);
  });
});
