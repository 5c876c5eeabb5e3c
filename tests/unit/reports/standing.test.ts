import { describe, expect, test } from 'vitest';
import { paceShare } from '../../../src/lib/reports/pace.ts';
import { averageTenths, rollUp } from '../../../src/lib/reports/rollup.ts';
import { standingOf, type CadreYearRow } from '../../../src/lib/reports/standing.ts';
import { targetResolver } from '../../../src/lib/hours/targets.ts';

const row = (over: Partial<CadreYearRow> = {}): CadreYearRow => ({
  id: 'c', name: '张三', login: 'c', position: '乡镇干部', phone: null, unitId: 'v', unitName: '一村', unitPath: '/county/town/v/',
  totalTenths: 0, requiredTenths: 0, requiredAssigned: 0, requiredCompleted: 0, courseCompleted: null, ...over,
});
const target = { totalTenths: 500, requiredTenths: 200 };

describe('a cadre against the target', () => {
  test('met needs both the total and the required hours', () => {
    expect(standingOf(row({ totalTenths: 500, requiredTenths: 200 }), target, 1).met).toBe(true);
    expect(standingOf(row({ totalTenths: 600, requiredTenths: 199 }), target, 1).met).toBe(false);
    expect(standingOf(row({ totalTenths: 499, requiredTenths: 400 }), target, 1).met).toBe(false);
  });

  test('behind means below the even pace for the share of the year gone, and missing counts to the full target', () => {
    const halfway = standingOf(row({ totalTenths: 249 }), target, 0.5);
    expect(halfway).toMatchObject({ expectedTenths: 250, behind: true, missingTenths: 251 });
    expect(standingOf(row({ totalTenths: 250 }), target, 0.5).behind).toBe(false);
    expect(standingOf(row({ totalTenths: 0 }), target, 0).behind).toBe(false);
  });

  test('without a target nobody is counted as met or behind', () => {
    expect(standingOf(row({ totalTenths: 0 }), null, 1)).toMatchObject({ met: false, behind: false, missingTenths: 0 });
  });
});

describe('targets for many people', () => {
  const resolve = targetResolver([
    { applies_to: 'default', match_value: '', total_tenths: 500, required_tenths: 200 },
    { applies_to: 'org_unit', match_value: 'town', total_tenths: 400, required_tenths: 100 },
    { applies_to: 'org_unit', match_value: 'v', total_tenths: 300, required_tenths: 100 },
    { applies_to: 'position', match_value: '村党组织书记', total_tenths: 600, required_tenths: 300 },
  ]);
  test('position wins, then the nearest unit, then the default', () => {
    expect(resolve({ position: '村党组织书记', orgUnitPath: '/county/town/v/' })?.totalTenths).toBe(600);
    expect(resolve({ position: '乡镇干部', orgUnitPath: '/county/town/v/' })?.totalTenths).toBe(300);
    expect(resolve({ position: '乡镇干部', orgUnitPath: '/county/town/w/' })?.totalTenths).toBe(400);
    expect(resolve({ position: '乡镇干部', orgUnitPath: '/county/other/' })?.totalTenths).toBe(500);
    expect(targetResolver([])({ position: '', orgUnitPath: '/county/' })).toBeNull();
  });
});

describe('unit totals', () => {
  test('every cadre counts in their unit and each ancestor inside the report', () => {
    const units = [
      { id: 'town', parentId: 'county', name: '镇', kind: 'township' as const, path: '/county/town/', depth: 1, sortOrder: 0 },
      { id: 'v', parentId: 'town', name: '一村', kind: 'village' as const, path: '/county/town/v/', depth: 2, sortOrder: 0 },
      { id: 'w', parentId: 'town', name: '二村', kind: 'village' as const, path: '/county/town/w/', depth: 2, sortOrder: 1 },
    ];
    const cadres = [
      standingOf(row({ id: 'a', totalTenths: 500, requiredTenths: 200, requiredAssigned: 2, requiredCompleted: 2 }), target, 1),
      standingOf(row({ id: 'b', totalTenths: 100, requiredAssigned: 2, requiredCompleted: 1 }), target, 1),
      standingOf(row({ id: 'c', unitId: 'w', unitPath: '/county/town/w/', totalTenths: 0 }), target, 1),
    ];
    const [town, v, w] = rollUp(units, cadres);
    expect(town).toMatchObject({ level: 0, cadres: 3, met: 1, behind: 2, totalTenths: 600, requiredAssigned: 4, requiredCompleted: 3 });
    expect(v).toMatchObject({ level: 1, cadres: 2, met: 1, behind: 1 });
    expect(w).toMatchObject({ cadres: 1, met: 0 });
    expect(averageTenths(town!)).toBe(200);
  });
});

describe('pace', () => {
  test('a past year is fully due, a future year not at all', () => {
    const now = new Date('2026-07-02T16:00:00Z');
    expect(paceShare(2025, now)).toBe(1);
    expect(paceShare(2027, now)).toBe(0);
    expect(paceShare(2026, now)).toBeCloseTo(0.5, 2);
  });
});
