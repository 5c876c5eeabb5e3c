import { describe, expect, test } from 'vitest';
import { seedDemoClasses } from '../../db/seeds/demo-classes.ts';
import { windowState } from '../../src/lib/classes/checkin-window.ts';
import { beijingIsoDate } from '../../src/lib/hours/beijing-year.ts';
import { createOrgUnit } from '../../src/lib/org/org-units.ts';
import { testDialects } from '../support/dialects.ts';
import { makeUser } from '../support/factories.ts';
import { freshDatabase } from '../support/test-db.ts';

const all = { kind: 'all' } as const;

describe.each(testDialects())('the demo lecture hall on %s', (dialect) => {
  test('is added once, with 芝河镇’s cadres and a session today open for check-in; a later day gets its own session', async () => {
    const { db, drop } = await freshDatabase(dialect);
    try {
      const county = await createOrgUnit(db, all, null, { name: '永和县', kind: 'county', parentId: null });
      const zhihe = await createOrgUnit(db, all, null, { name: '芝河镇', kind: 'township', parentId: county });
      const sangbi = await createOrgUnit(db, all, null, { name: '桑壁镇', kind: 'township', parentId: county });
      await makeUser(db, 'trainer', county, { login: 'trainer' });
      const inZhihe = await makeUser(db, 'cadre', zhihe);
      await makeUser(db, 'cadre', sangbi);
      const now = new Date('2026-05-10T02:00:00Z'); // 10:00 in Beijing

      await seedDemoClasses(db, now);
      await seedDemoClasses(db, new Date(now.getTime() + 3600_000));
      const classes = await db.selectFrom('classes').selectAll().execute();
      expect(classes).toHaveLength(1);
      expect((await db.selectFrom('class_members').select('user_id').execute()).map((m) => m.user_id)).toEqual([inZhihe.id]);
      const sessions = await db.selectFrom('class_sessions').selectAll().orderBy('starts_at').execute();
      expect(sessions.map((s) => beijingIsoDate(s.starts_at))).toEqual(['2026-05-10', '2026-05-17']);
      expect(windowState({ opensAt: sessions[0]!.checkin_opens_at, closesAt: sessions[0]!.checkin_closes_at }, now.getTime())).toBe('open');

      const nextMonth = new Date('2026-06-02T12:00:00Z');
      await seedDemoClasses(db, nextMonth);
      await seedDemoClasses(db, nextMonth);
      expect((await db.selectFrom('class_sessions').select('starts_at').execute()).map((s) => beijingIsoDate(s.starts_at)).sort()).toEqual(['2026-05-10', '2026-05-17', '2026-06-02']);
      expect((await db.selectFrom('classes').select('ends_on').executeTakeFirstOrThrow()).ends_on).toBe('2026-06-02');
    } finally {
      await drop();
    }
  });
});
