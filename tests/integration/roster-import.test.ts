import { describe, expect, test } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { postRoster, rosterOf, seedRosterCounty, snapshot, xlsxOf } from '../support/roster-files.ts';
import { useServer } from '../support/suite.ts';

/** A clean roster for 甲镇 staff: two new cadres (one by phone, typed as a number), one update, one unchanged. */
const GOOD_ROWS = [
  ['李四', 13912345678, '东村', '村委会主任'],
  ['张　三', 'zhangsan', '西村', ''],
  ['王建军', 'wangjj', '中心村', '村党组织书记'],
];

describe.each(testDialects())('roster import on %s', (dialect) => {
  const suite = useServer(dialect, ({ db }) => seedRosterCounty(db));
  const db = () => suite.database.db;

  test('a dry run of a good file lists the creates and updates and changes nothing', async () => {
    const staff = await suite.as('a-staff');
    const before = await snapshot(db());
    const res = await postRoster(staff, await rosterOf(GOOD_ROWS));
    expect(res.status, res.text).toBe(200);
    expect(res.data.summary).toEqual({ create: 2, update: 1, unchanged: 0, total: 3 });
    const byLogin = Object.fromEntries(res.data.rows.map((r: { login: string }) => [r.login, r]));
    expect(byLogin['13912345678']).toMatchObject({ row: 2, action: 'create', name: '李四', phone: '13912345678', unit: '测试县/甲镇/东村', position: '村委会主任' });
    expect(byLogin.zhangsan).toMatchObject({ row: 3, action: 'create', name: '张三', phone: null, unit: '测试县/甲镇/西村', position: '' });
    expect(byLogin.wangjj).toMatchObject({ row: 4, action: 'update', userId: suite.seeded.wangId });
    expect(byLogin.wangjj.changes).toEqual([
      { field: 'unit', from: '测试县/甲镇/东村', to: '测试县/甲镇/中心村' },
      { field: 'position', from: '科员', to: '村党组织书记' },
    ]);
    expect(res.data.initialPasswords).toEqual([]);
    expect(await snapshot(db())).toEqual(before);
  });

  test('every kind of row problem is reported with its row, column and Chinese reason, and nothing changes', async () => {
    const staff = await suite.as('a-staff');
    const before = await snapshot(db());
    const file = await xlsxOf([
      ['甲镇干部名单（2026 年）'],
      [],
      ['职务', ' 姓名 ', '单位', '登录名或手机号', '备注'],
      ['科员', '', '东村', 'noname'],
      ['科员', '王五', '东村', '王五'],
      ['科员', '赵六', '东村', 1391234567],
      ['科员', '钱七', '火星村', 'qianqi'],
      ['科员', '孙八', '南村', 'sunba'],
      ['科员', '周九', '党支部', 'zhoujiu'],
      [],
      ['科员', '吴十', '西村', 'wushi'],
      ['科员', '吴十一', '西村', 'WuShi'],
      ['科员', '郑老师', '东村', 'a-trainer'],
      ['科员', '别人', '东村', 'b-cadre'],
      ['科员', '王'.repeat(41), '东村', 'longname'],
      ['书'.repeat(61), '冯一', '东村', 'fengyi'],
      ['科员', '陈二', '东村', 'gone'],
      ['科员', '褚三', '东村', 13800000009],
      ['', '', '', ''],
    ]);
    const res = await postRoster(staff, file);
    expect(res.status, res.text).toBe(422);
    expect(res.data.error.code).toBe('roster_rows_invalid');
    const problems = res.data.error.details.problems as Array<{ row: number; column: string; message: string }>;
    const expected: Array<[number, string, string]> = [
      [4, '姓名', '请填写姓名'],
      [5, '登录名或手机号', '登录名“王五”格式不正确'],
      [6, '登录名或手机号', '手机号“1391234567”格式不正确'],
      [7, '单位', '找不到单位“火星村”'],
      [8, '单位', '单位“南村”不在您的管理范围内'],
      [9, '单位', '有多个单位叫“党支部”：“测试县/甲镇/东村/党支部”、“测试县/甲镇/西村/党支部”'],
      [12, '登录名或手机号', '登录名“wushi”与第 11 行重复'],
      [13, '登录名或手机号', '管理人员或教师账号'],
      [14, '登录名或手机号', '已被其他账号使用，且该账号不在您的管理范围内'],
      [15, '姓名', '姓名过长：最多 40 字'],
      [16, '职务', '职务过长：最多 60 字'],
      [17, '登录名或手机号', '已停用的账号'],
      [18, '登录名或手机号', '该手机号已登记在账号“phoneholder”（持号人）名下'],
    ];
    expect(problems.map((p) => [p.row, p.column])).toEqual(expected.map(([row, column]) => [row, column]));
    problems.forEach((p, i) => expect(p.message).toContain(expected[i]![2]));
    expect(res.text).not.toContain('乙乡秘密人');
    expect(await snapshot(db())).toEqual(before);
  });

  test('apply creates and updates in one step, returns the initial passwords once, and they work', async () => {
    const staff = await suite.as('a-staff');
    const res = await postRoster(staff, await rosterOf(GOOD_ROWS), 'apply');
    expect(res.status, res.text).toBe(200);
    expect(res.data).toMatchObject({ mode: 'apply', applied: true, summary: { create: 2, update: 1, unchanged: 0 } });
    expect(res.data.initialPasswords.map((p: { login: string }) => p.login)).toEqual(['13912345678', 'zhangsan']);

    const li = await db().selectFrom('users').selectAll().where('login', '=', '13912345678').executeTakeFirstOrThrow();
    expect(li).toMatchObject({ name: '李四', role: 'cadre', phone: '13912345678', position: '村委会主任', org_unit_id: suite.seeded.units.east, active: 1 });
    expect(li.password_hash).toMatch(/^\$argon2id\$/);
    const wang = await db().selectFrom('users').selectAll().where('id', '=', suite.seeded.wangId).executeTakeFirstOrThrow();
    expect(wang).toMatchObject({ org_unit_id: suite.seeded.units.centreA, position: '村党组织书记' });

    for (const { login, password } of res.data.initialPasswords) {
      const login200 = await suite.client().post('/api/v1/auth/login', { login, password });
      expect(login200.status, login).toBe(200);
    }
    const audit = await db().selectFrom('audit_log').select(['action', 'target_id', 'detail']).where('action', 'in', ['roster.import', 'user.create', 'user.update']).execute();
    expect(audit.filter((a) => a.action === 'roster.import')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'user.create' && a.target_id === li.id)).toHaveLength(1);
    const update = audit.find((a) => a.action === 'user.update' && a.target_id === suite.seeded.wangId)!;
    expect(JSON.parse(update.detail)).toMatchObject({ via: 'roster_import', changes: { position: { from: '科员', to: '村党组织书记' } } });
  });

  test('importing the same file again reports everything unchanged and writes nothing', async () => {
    const staff = await suite.as('a-staff');
    const before = await snapshot(db());
    for (const mode of ['dry-run', 'apply'] as const) {
      const res = await postRoster(staff, await rosterOf(GOOD_ROWS), mode);
      expect(res.status, res.text).toBe(200);
      expect(res.data.summary).toEqual({ create: 0, update: 0, unchanged: 3, total: 3 });
      expect(res.data.applied).toBe(false);
      expect(res.data.initialPasswords).toEqual([]);
    }
    expect(await snapshot(db())).toEqual(before);
  });

  test('an empty position keeps the current one, and a changed name is an update', async () => {
    const staff = await suite.as('a-staff');
    const res = await postRoster(staff, await rosterOf([['王健军', 'wangjj', '中心村', '']]));
    expect(res.data.rows[0]).toMatchObject({ action: 'update', position: '村党组织书记', changes: [{ field: 'name', from: '王建军', to: '王健军' }] });
  });

  test('a file with one bad row among good ones changes nothing, even when applied', async () => {
    const staff = await suite.as('a-staff');
    const before = await snapshot(db());
    const res = await postRoster(staff, await rosterOf([['新人甲', 'xinren.a', '东村', ''], ['新人乙', 'xinren.b', '没有这个村', ''], ['王建军', 'wangjj', '东村', '']]), 'apply');
    expect(res.status).toBe(422);
    expect(res.data.error.details.problems).toEqual([{ row: 3, column: '单位', message: expect.stringContaining('找不到单位“没有这个村”') }]);
    expect(await snapshot(db())).toEqual(before);
  });

  test('scope is absolute: township staff cannot place anyone in another township; county staff can', async () => {
    const townStaff = await suite.as('a-staff');
    const before = await snapshot(db());
    const file = await rosterOf([['跨乡人', 'kuaxiang', '乙乡/中心村', ''], ['跨乡人二', 'kuaxiang2', '乙乡', '']]);
    const refused = await postRoster(townStaff, file, 'apply');
    expect(refused.status).toBe(422);
    expect(refused.data.error.details.problems.map((p: { row: number; message: string }) => [p.row, p.message])).toEqual([
      [2, '单位“乙乡/中心村”不在您的管理范围内。'],
      [3, '单位“乙乡”不在您的管理范围内。'],
    ]);
    // 中心村 alone means 甲镇's for 甲镇 staff, but is ambiguous for the county.
    expect((await postRoster(townStaff, await rosterOf([['某人', 'mouren', '中心村', '']]))).data.rows[0].unit).toBe('测试县/甲镇/中心村');
    const countyStaff = await suite.as('county-staff');
    expect((await postRoster(countyStaff, await rosterOf([['某人', 'mouren', '中心村', '']]))).data.error.details.problems[0].message).toContain('有多个单位叫“中心村”');
    expect(await snapshot(db())).toEqual(before);

    const applied = await postRoster(countyStaff, file, 'apply');
    expect(applied.status, applied.text).toBe(200);
    expect(applied.data.summary.create).toBe(2);
    // The township officer now meets that login as someone outside the scope, without learning who it is.
    const probe = await postRoster(townStaff, await rosterOf([['随便', 'kuaxiang', '东村', '']]));
    expect(probe.data.error.details.problems[0].message).toContain('不在您的管理范围内');
    expect(probe.text).not.toContain('跨乡人');
  });

  test('cadres and trainers cannot import or download the template; visitors must sign in', async () => {
    const file = await rosterOf([['某人', 'someone', '东村', '']]);
    for (const login of ['wangjj', 'a-trainer']) {
      const client = await suite.as(login);
      expect((await postRoster(client, file)).status, login).toBe(403);
      expect((await postRoster(client, file, 'apply')).status, login).toBe(403);
      expect((await client.get('/api/v1/roster/template')).status, login).toBe(403);
      expect((await client.get('/people/import')).status, login).toBe(403);
    }
    expect((await postRoster(suite.client(), file)).status).toBe(401);
    expect((await suite.client().get('/api/v1/roster/template')).status).toBe(401);
  });
});
