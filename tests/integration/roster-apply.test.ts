import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { applyRoster, RosterChangedError } from '../../src/lib/roster/apply.ts';
import type { RosterRow } from '../../src/lib/roster/parse.ts';
import { testDialects } from '../support/dialects.ts';
import { seedRosterCounty, snapshot } from '../support/roster-files.ts';
import { freshDatabase, type TestDatabase } from '../support/test-db.ts';

/** Makes every UPDATE fail, as a lost connection or a constraint would, after the INSERTs went through. */
const failingUpdates: KyselyPlugin = {
  transformQuery(args: PluginTransformQueryArgs) {
    if (args.node.kind === 'UpdateQueryNode') throw new Error('simulated failure in the middle of the import');
    return args.node;
  },
  transformResult: async (args: PluginTransformResultArgs) => args.result,
};

const row = (n: number, name: string, login: string, unit: string, position = ''): RosterRow => ({ row: n, name, login, unit, position });

describe.each(testDialects())('applying a roster on %s', (dialect) => {
  let database: TestDatabase;
  let actor: { id: string; scope: { kind: 'subtree'; orgUnitPath: string } };
  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const { units } = await seedRosterCounty(database.db);
    const staff = await database.db.selectFrom('users').select('id').where('login', '=', 'a-staff').executeTakeFirstOrThrow();
    const town = await database.db.selectFrom('org_units').select('path').where('id', '=', units.townA).executeTakeFirstOrThrow();
    actor = { id: staff.id, scope: { kind: 'subtree', orgUnitPath: town.path } };
  });
  afterAll(() => database?.drop());

  test('a failure after the new accounts were inserted rolls all of them back', async () => {
    const before = await snapshot(database.db);
    const rows = [row(2, '新人甲', 'xinren.a', '东村'), row(3, '新人乙', 'xinren.b', '西村'), row(4, '王建军', 'wangjj', '东村', '副主任')];
    await expect(applyRoster(database.db.withPlugin(failingUpdates), actor, rows, { fileSha256: 'x' })).rejects.toThrow('simulated failure');
    expect(await snapshot(database.db)).toEqual(before);
  });

  test('a plan other than the one previewed is refused before anything is written', async () => {
    const before = await snapshot(database.db);
    const rows = [row(2, '新人丙', 'xinren.c', '东村')];
    await expect(applyRoster(database.db, actor, rows, { fileSha256: 'x', expectedDigest: '0'.repeat(64) })).rejects.toBeInstanceOf(RosterChangedError);
    expect(await snapshot(database.db)).toEqual(before);
  });

  test('two applies of the same new roster at once create each account exactly once', async () => {
    const rows = [row(2, '并发甲', 'bingfa.a', '东村'), row(3, '并发乙', 'bingfa.b', '西村')];
    const results = await Promise.allSettled([applyRoster(database.db, actor, rows, { fileSha256: 'x' }), applyRoster(database.db, actor, rows, { fileSha256: 'x' })]);
    const created = results.filter((r) => r.status === 'fulfilled' && r.value.accounts.length === 2);
    expect(created).toHaveLength(1);
    for (const other of results.filter((r) => !created.includes(r))) {
      if (other.status === 'rejected') expect(other.reason).toBeInstanceOf(RosterChangedError);
      else expect(other.value.summary).toMatchObject({ create: 0, unchanged: 2 });
    }
    const accounts = await database.db.selectFrom('users').select('login').where('login', 'in', ['bingfa.a', 'bingfa.b']).execute();
    expect(accounts).toHaveLength(2);
  });
});
