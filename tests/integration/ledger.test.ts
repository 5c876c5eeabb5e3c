import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { creditOnce, listLedger, reverseEntry, yearTotals } from '../../src/lib/hours/ledger.ts';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import { freshDatabase, type TestDatabase } from '../support/test-db.ts';

describe.each(testDialects())('the hours ledger on %s', (dialect) => {
  let database: TestDatabase;
  let cadre: string;
  let staff: string;
  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const units = await makeCounty(database.db);
    cadre = (await makeUser(database.db, 'cadre', units.townA)).id;
    staff = (await makeUser(database.db, 'staff', units.county)).id;
  });
  afterAll(() => database?.drop());

  const credit = (source: string, hoursTenths = 20) => ({ userId: cadre, kind: 'course' as const, source, sourceTitle: `课程 ${source}`, hoursTenths });

  test('a source is credited exactly once, also when twenty requests race', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => creditOnce(database.db, credit('course:race'))));
    expect(results.filter(Boolean)).toHaveLength(1);
    const rows = await database.db.selectFrom('hours_ledger').selectAll().where('source', '=', 'course:race').execute();
    expect(rows).toHaveLength(1);
  });

  test('a credit belongs to its Beijing-time year: 23:30 on 31 December Beijing time is still that year, 00:30 is the next', async () => {
    await creditOnce(database.db, credit('course:eve'), new Date('2026-12-31T15:30:00Z'));
    await creditOnce(database.db, credit('course:morning'), new Date('2026-12-31T16:30:00Z'));
    const y2026 = await listLedger(database.db, cadre, 2026);
    const y2027 = await listLedger(database.db, cadre, 2027);
    expect(y2026.map((e) => e.source)).toContain('course:eve');
    expect(y2027.map((e) => e.source)).toEqual(['course:morning']);
  });

  test('a correction is a reversal entry; the original stays and cannot be reversed twice', async () => {
    await creditOnce(database.db, credit('course:mistake', 35), new Date('2026-05-01T02:00:00Z'));
    const before = await yearTotals(database.db, cadre, 2026);
    const [entry] = (await listLedger(database.db, cadre, 2026)).filter((e) => e.source === 'course:mistake');
    await reverseEntry(database.db, entry!.id, staff, '重复登记，予以冲销', new Date('2026-05-02T02:00:00Z'));
    const after = await yearTotals(database.db, cadre, 2026);
    expect(after.totalTenths).toBe(before.totalTenths - 35);
    const entries = await listLedger(database.db, cadre, 2026);
    expect(entries.find((e) => e.id === entry!.id)).toMatchObject({ hoursTenths: 35 });
    expect(entries.find((e) => e.reversesId === entry!.id)).toMatchObject({ hoursTenths: -35, reason: '重复登记，予以冲销', actorName: expect.any(String) });
    await expect(reverseEntry(database.db, entry!.id, staff, '再冲一次')).rejects.toThrow('已经冲销过');
    const reversal = entries.find((e) => e.reversesId === entry!.id)!;
    await expect(reverseEntry(database.db, reversal.id, staff, '冲销冲销')).rejects.toThrow('不能再冲销');
    await expect(reverseEntry(database.db, entry!.id, staff, '  ')).rejects.toThrow('原因');
  });
});
