import { describe, expect, test } from 'vitest';
import { beijingYear } from '../../src/lib/hours/beijing-year.ts';
import { createUser } from '../../src/lib/users/users.ts';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser, TEST_PASSWORD } from '../support/factories.ts';
import { useServer } from '../support/suite.ts';

const thisYear = beijingYear(new Date());
const SECRETARY = '村党支部书记';

describe.each(testDialects())('yearly hours targets on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    const secretary = await createUser(db, { kind: 'all' }, null, { login: 'tg-secretary', name: '村支书', password: TEST_PASSWORD, role: 'cadre', orgUnitId: units.villageA, position: SECRETARY });
    return {
      units,
      secretary,
      admin: await makeUser(db, 'admin', units.county, { login: 'tg-admin' }),
      countyStaff: await makeUser(db, 'staff', units.county, { login: 'tg-county' }),
      townStaff: await makeUser(db, 'staff', units.townA, { login: 'tg-town-a' }),
      trainer: await makeUser(db, 'trainer', units.county, { login: 'tg-teacher' }),
      villager: await makeUser(db, 'cadre', units.villageA, { login: 'tg-villager' }),
      neighbour: await makeUser(db, 'cadre', units.townB, { login: 'tg-neighbour' }),
    };
  });
  const rule = (body: Record<string, unknown>) => ({ year: thisYear, appliesTo: 'default', total: 50, required: 20, ...body });
  const put = async (login: string, body: Record<string, unknown>) => (await suite.as(login)).request('PUT', '/api/v1/hours/targets', { json: body });
  const targetOf = async (login: string) => (await (await suite.as(login)).get('/api/v1/hours')).data.target;
  const ruleCount = async () => (await suite.database.db.selectFrom('hours_targets').select('id').execute()).length;

  test('staff, trainers and admins read the rules of a year; only admins and county staff may change them', async () => {
    for (const [login, canEdit] of [['tg-admin', true], ['tg-county', true], ['tg-town-a', false], ['tg-teacher', false]] as const) {
      const res = await (await suite.as(login)).get(`/api/v1/hours/targets?year=${thisYear}`);
      expect(res.status, login).toBe(200);
      expect(res.data.canEdit, login).toBe(canEdit);
    }
    expect((await (await suite.as('tg-villager')).get('/api/v1/hours/targets')).status).toBe(403);
    expect((await (await suite.as('tg-admin')).get('/api/v1/hours/targets?year=abc')).status).toBe(400);
    for (const login of ['tg-town-a', 'tg-teacher', 'tg-villager']) {
      const res = await put(login, rule({}));
      expect(res.status, login).toBe(403);
      expect(res.data.error.message).toContain('县委组织部');
    }
    expect(await ruleCount()).toBe(0);
  });

  test('invalid rules are refused with a Chinese message and store nothing', async () => {
    const cases: Array<[string, Record<string, unknown>, number]> = [
      ['required above total', rule({ total: 10, required: 20 }), 400],
      ['negative', rule({ total: -1 }), 400],
      ['above 500', rule({ total: 500.5 }), 400],
      ['two decimals', rule({ total: 12.25 }), 400],
      ['a closed year', rule({ year: thisYear - 2 }), 400],
      ['a far future year', rule({ year: thisYear + 2 }), 400],
      ['no position', rule({ appliesTo: 'position', matchValue: ' ' }), 400],
      ['an unknown kind', rule({ appliesTo: 'rank' }), 400],
      ['total as text', rule({ total: '50' }), 400],
      ['an unknown unit', rule({ appliesTo: 'org_unit', matchValue: 'no-such-unit' }), 404],
    ];
    for (const [label, body, status] of cases) {
      const res = await put('tg-county', body);
      expect(res.status, label).toBe(status);
      expect(res.data.error.message, label).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await ruleCount()).toBe(0);
  });

  test('the resolved target of a cadre follows the rules: default, then the nearest unit, then the position', async () => {
    expect(await targetOf('tg-secretary')).toBeNull();
    const set = await put('tg-county', rule({ total: 50, required: 20 }));
    expect(set.status).toBe(200);
    expect(set.data).toMatchObject({ appliesTo: 'default', matchLabel: '全县', total: 50, required: 20 });
    expect(await targetOf('tg-secretary')).toEqual({ total: 50, required: 20, appliesTo: 'default' });

    const unit = await put('tg-admin', rule({ appliesTo: 'org_unit', matchValue: suite.seeded.units.villageA, total: 60, required: 24.5 }));
    expect(unit.data.matchLabel).toBe('甲镇一村');
    expect(await targetOf('tg-secretary')).toEqual({ total: 60, required: 24.5, appliesTo: 'org_unit' });
    expect(await targetOf('tg-villager')).toEqual({ total: 60, required: 24.5, appliesTo: 'org_unit' });
    expect((await targetOf('tg-neighbour')).total).toBe(50);

    const position = await put('tg-county', rule({ appliesTo: 'position', matchValue: SECRETARY, total: 70, required: 30 }));
    expect(await targetOf('tg-secretary')).toEqual({ total: 70, required: 30, appliesTo: 'position' });
    const changed = await put('tg-county', rule({ appliesTo: 'position', matchValue: SECRETARY, total: 72, required: 30 }));
    expect(changed.data.id).toBe(position.data.id);
    expect((await targetOf('tg-secretary')).total).toBe(72);

    const county = await suite.as('tg-county');
    expect((await (await suite.as('tg-town-a')).request('DELETE', `/api/v1/hours/targets/${position.data.id}`)).status).toBe(403);
    expect((await county.request('DELETE', '/api/v1/hours/targets/no-such-rule')).status).toBe(404);
    expect((await county.request('DELETE', `/api/v1/hours/targets/${position.data.id}`)).status).toBe(200);
    expect((await targetOf('tg-secretary')).total).toBe(60);
    expect((await county.request('DELETE', `/api/v1/hours/targets/${position.data.id}`)).status).toBe(404);

    const audit = await suite.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'hours_target.%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['hours_target.delete', 'hours_target.set', 'hours_target.set', 'hours_target.set', 'hours_target.set']);
  });

  test('county staff copy this year’s rules into next year on the page; copying again adds nothing', async () => {
    const county = await suite.as('tg-county');
    const copy = await county.form(`/targets?year=${thisYear + 1}&action=copy`, {});
    expect(copy.status).toBe(303);
    const copied = Number(/copied-(\d+)/.exec(copy.headers.get('location') ?? '')![1]);
    const current = (await county.get(`/api/v1/hours/targets?year=${thisYear}`)).data.rules;
    expect(copied).toBe(current.length);
    const next = (await county.get(`/api/v1/hours/targets?year=${thisYear + 1}`)).data.rules;
    expect(next.map((r: { matchLabel: string; total: number }) => [r.matchLabel, r.total])).toEqual(current.map((r: { matchLabel: string; total: number }) => [r.matchLabel, r.total]));
    const again = await county.form(`/targets?year=${thisYear + 1}&action=copy`, {});
    expect(again.headers.get('location')).toContain('copied-0');
    expect((await county.get(`/targets?year=${thisYear + 1}&done=copied-0`)).text).toContain('没有可复制的规则');
  });

  test('the targets page: county staff get the forms and clear errors, township staff only read, cadres are kept out', async () => {
    const county = await suite.as('tg-county');
    const page = await county.get('/targets');
    expect(page.status).toBe(200);
    expect(page.text).toContain(SECRETARY);
    expect(page.text).toContain('复制');
    const before = await suite.database.db.selectFrom('hours_targets').selectAll().orderBy('id').execute();
    const bad = await county.form(`/targets?year=${thisYear}&action=set`, { appliesTo: 'default', total: '40', required: '45' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('必修学时不能多于全年总学时');
    expect(bad.text).toContain('value="45"');
    const empty = await county.form(`/targets?year=${thisYear}&action=set`, { appliesTo: 'default', total: '', required: '1' });
    expect(empty.text).toContain('全年总学时须为数字');
    expect(await suite.database.db.selectFrom('hours_targets').selectAll().orderBy('id').execute()).toEqual(before);
    const ok = await county.form(`/targets?year=${thisYear}&action=set`, { appliesTo: 'default', total: '48.5', required: '20' });
    expect(ok.status).toBe(303);
    expect((await targetOf('tg-neighbour')).total).toBe(48.5);

    const town = await (await suite.as('tg-town-a')).get('/targets');
    expect(town.status).toBe(200);
    expect(town.text).toContain('48.5');
    expect(town.text).not.toContain('action=set');
    const townPost = await (await suite.as('tg-town-a')).form(`/targets?year=${thisYear}&action=set`, { appliesTo: 'default', total: '1', required: '0' });
    expect(townPost.status).toBe(403);
    expect((await targetOf('tg-neighbour')).total).toBe(48.5);
    expect((await (await suite.as('tg-villager')).get('/targets')).status).toBe(403);
  });
});
