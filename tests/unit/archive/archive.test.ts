import { describe, expect, test } from 'vitest';
import { groupLedgerByYear, lookupInCatalog, reversibleEntryIds } from '../../../src/lib/archive/archive.ts';
import type { Course } from '../../../src/lib/catalog/catalog.ts';
import type { LedgerEntry } from '../../../src/lib/hours/ledger.ts';

let seq = 0;
function entry(year: number, hoursTenths: number, extra: Partial<LedgerEntry> = {}): LedgerEntry {
  seq++;
  return { id: `e${seq}`, year, hoursTenths, kind: 'course', source: `course:c${seq}`, sourceTitle: `课程${seq}`, reason: '', countsAsRequired: false, actorName: null, reversesId: null, createdAt: `${year}-05-01T00:00:00.000Z`, ...extra };
}

describe('groupLedgerByYear', () => {
  test('sums every year, newest first, and always shows the current year', () => {
    const entries = [entry(2024, 30, { countsAsRequired: true }), entry(2024, -10), entry(2025, 15)];
    const years = groupLedgerByYear(entries, 2026);
    expect(years.map((y) => y.year)).toEqual([2026, 2025, 2024]);
    expect(years[0]).toEqual({ year: 2026, totals: { totalTenths: 0, requiredTenths: 0 }, entries: [] });
    expect(years[2]!.totals).toEqual({ totalTenths: 20, requiredTenths: 30 });
    expect(years[2]!.entries).toHaveLength(2);
  });
});

describe('reversibleEntryIds', () => {
  test('offers neither reversals nor entries already reversed nor entries of closed years', () => {
    const credit = entry(2026, 20);
    const reversal = entry(2026, -20, { reversesId: credit.id });
    const open = entry(2025, 10);
    const closed = entry(2023, 10);
    expect(reversibleEntryIds([credit, reversal, open, closed], [2026, 2025])).toEqual(new Set([open.id]));
  });
});

describe('lookupInCatalog', () => {
  test('gives a course’s title and lesson ids, and nothing for a course no longer in the catalog', () => {
    const course = { slug: 'c', title: '课程甲', lessons: [{ id: 'c/one' }, { id: 'c/two' }] } as unknown as Course;
    const lookup = lookupInCatalog({ bySlug: new Map([['c', course]]) });
    expect(lookup('c')).toEqual({ title: '课程甲', lessonIds: ['c/one', 'c/two'] });
    expect(lookup('gone')).toBeUndefined();
  });
});
