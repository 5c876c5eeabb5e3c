import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import { courseCredit, enrol } from '../support/learning-records.ts';
import { creditOnce } from '../../src/lib/hours/ledger.ts';
import { newId } from '../../src/lib/util/ids.ts';
import { useServer } from '../support/suite.ts';

// A past year, so the whole target is due and "behind" means simply "short of the target".
const YEAR = 2025;
const inYear = new Date('2025-06-01T04:00:00Z');
const REPORT = `/api/v1/reports/completion?year=${YEAR}`;

describe.each(testDialects())('staff completion reports on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    const a1 = await makeUser(db, 'cadre', units.villageA, { login: 'a1', name: '甲一' });
    const a2 = await makeUser(db, 'cadre', units.townA, { login: 'a2', name: '甲二' });
    const a3 = await makeUser(db, 'cadre', units.townA, { login: 'a3', name: '甲三' });
    const b1 = await makeUser(db, 'cadre', units.townB, { login: 'b1', name: '乙一' });
    const gone = await makeUser(db, 'cadre', units.townB, { login: 'gone', name: '已停用' });
    await db.updateTable('users').set({ position: '村党组织书记' }).where('id', '=', a1.id).execute();
    await db.updateTable('users').set({ active: 0 }).where('id', '=', gone.id).execute();
    await makeUser(db, 'staff', units.county, { login: 'county-staff', scopeUnitId: units.county });
    await makeUser(db, 'staff', units.townA, { login: 'a-staff', scopeUnitId: units.townA });
    await makeUser(db, 'trainer', units.townA, { login: 'a-trainer', scopeUnitId: units.townA });

    const stamp = new Date().toISOString();
    const target = (applies_to: string, match_value: string, total: number, required: number) =>
      db.insertInto('hours_targets').values({ id: newId(), year: YEAR, applies_to, match_value, total_tenths: total, required_tenths: required, updated_by: null, updated_at: stamp }).execute();
    await target('default', '', 500, 200);
    await target('position', '村党组织书记', 600, 200);

    // a1: 65 h, 30 of them required → meets the secretary's 60/20. a2: 10 h. a3: nothing. b1: 55 h, 25 required.
    await courseCredit(db, a1.id, 'course-x', '课程甲', 300, inYear);
    await creditOnce(db, { userId: a1.id, kind: 'course', source: 'course:y', sourceTitle: '课程乙', hoursTenths: 350 }, inYear);
    await creditOnce(db, { userId: a2.id, kind: 'course', source: 'course:z', sourceTitle: '课程丙', hoursTenths: 100 }, inYear);
    await courseCredit(db, b1.id, 'course-w', '课程丁', 250, inYear);
    await creditOnce(db, { userId: b1.id, kind: 'course', source: 'course:v', sourceTitle: '课程戊', hoursTenths: 300 }, inYear);
    await creditOnce(db, { userId: gone.id, kind: 'course', source: 'course:v', sourceTitle: '课程戊', hoursTenths: 300 }, inYear);
    // Another year's hours never count.
    await creditOnce(db, { userId: a3.id, kind: 'course', source: 'course:old', sourceTitle: '旧课', hoursTenths: 900 }, new Date('2024-06-01T04:00:00Z'));

    await enrol(db, a1.id, 'course-x', { required: true, completedAt: inYear }, inYear);
    await enrol(db, a1.id, 'course-u', { required: true }, inYear);
    await enrol(db, a2.id, 'course-x', { required: true }, inYear);
    return { units, ids: { a1: a1.id, a2: a2.id, a3: a3.id, b1: b1.id } };
  });

  const unitRow = (data: any, id: string) => data.units.find((u: { id: string }) => u.id === id);

  test('unit totals and each cadre match the hand-computed figures', async () => {
    const staff = await suite.as('county-staff');
    const res = await staff.get(REPORT);
    expect(res.status).toBe(200);
    const { units } = suite.seeded;
    expect(unitRow(res.data, units.county)).toMatchObject({ level: 0, cadres: 4, met: 2, behind: 2, averageHours: 32.5, requiredAssigned: 3, requiredCompleted: 1 });
    expect(unitRow(res.data, units.townA)).toMatchObject({ level: 1, cadres: 3, met: 1, behind: 2, averageHours: 25 });
    expect(unitRow(res.data, units.villageA)).toMatchObject({ level: 2, cadres: 1, met: 1, behind: 0, averageHours: 65 });
    expect(unitRow(res.data, units.townB)).toMatchObject({ cadres: 1, met: 1, averageHours: 55 });
    const byLogin = Object.fromEntries(res.data.cadres.map((c: { login: string }) => [c.login, c]));
    expect(Object.keys(byLogin).sort()).toEqual(['a1', 'a2', 'a3', 'b1']);
    expect(byLogin.a1).toMatchObject({ hours: 65, requiredHours: 30, target: { total: 60, required: 20 }, met: true, behind: false, missingHours: 0 });
    expect(byLogin.a2).toMatchObject({ hours: 10, target: { total: 50, required: 20 }, met: false, behind: true, missingHours: 40, requiredAssigned: 1, requiredCompleted: 0 });
    expect(byLogin.a3).toMatchObject({ hours: 0, behind: true, missingHours: 50 });
    expect(byLogin.b1).toMatchObject({ hours: 55, requiredHours: 25, met: true });
  });

  test('filters by unit, position and course', async () => {
    const staff = await suite.as('county-staff');
    const town = await staff.get(`${REPORT}&orgUnit=${suite.seeded.units.townA}`);
    expect(town.data.units[0]).toMatchObject({ id: suite.seeded.units.townA, level: 0, cadres: 3 });
    expect(town.data.units.map((u: { id: string }) => u.id)).not.toContain(suite.seeded.units.townB);
    const secretaries = await staff.get(`${REPORT}&position=${encodeURIComponent('村党组织书记')}`);
    expect(secretaries.data.cadres.map((c: { login: string }) => c.login)).toEqual(['a1']);
    const course = await staff.get(`${REPORT}&course=course-x`);
    expect(course.data.cadres.map((c: { login: string }) => c.login).sort()).toEqual(['a1', 'a2']);
    expect(course.data.units[0]).toMatchObject({ cadres: 2, courseCompleted: 1 });
  });

  test('the behind list puts the most hours missing first', async () => {
    const staff = await suite.as('county-staff');
    const res = await staff.get(`/api/v1/reports/behind?year=${YEAR}`);
    expect(res.data.cadres.map((c: { login: string; missingHours: number }) => [c.login, c.missingHours])).toEqual([['a3', 50], ['a2', 40]]);
  });

  test('the xlsx export opens with Chinese headers, a frozen header row, widths and numbers as numbers', async () => {
    const staff = await suite.as('county-staff');
    const res = await fetch(`${suite.server.baseUrl}${REPORT}&format=xlsx`, { headers: { Cookie: `jt_session=${staff.sessionToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain(`学时完成情况-测试县-${YEAR}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.arrayBuffer()) as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['单位汇总', '干部明细']);
    const cadres = workbook.getWorksheet('干部明细')!;
    expect(cadres.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (cadres.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 6)).toEqual(['单位', '姓名', '登录名', '职务', '联系电话', '年度学时']);
    expect(cadres.getColumn(1).width).toBeGreaterThan(10);
    expect(cadres.rowCount).toBe(5);
    const a1 = cadres.getRows(2, 4)!.find((r) => r.getCell(3).value === 'a1')!;
    expect(a1.getCell(6).value).toBe(65);
    expect(typeof a1.getCell(6).value).toBe('number');
    const unitsSheet = workbook.getWorksheet('单位汇总')!;
    expect(unitsSheet.getRow(2).getCell(2).value).toBe(4);
  });

  test('the CSV export is UTF-8 with BOM, CRLF lines and plain numbers', async () => {
    const staff = await suite.as('county-staff');
    const res = await fetch(`${suite.server.baseUrl}/api/v1/reports/behind?year=${YEAR}&format=csv`, { headers: { Cookie: `jt_session=${staff.sessionToken}` } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.subarray(3)).split('\r\n');
    expect(lines[0]).toBe('单位,姓名,职务,联系电话,年度学时,按进度应有学时,尚差学时,目标学时');
    expect(lines[1]).toBe('甲镇,甲三,,,0,50,50,50');
    expect(lines[2]).toBe('甲镇,甲二,,,10,50,40,50');
  });

  test('scope is absolute: other townships are out of reach through any parameter, page or format', async () => {
    const { townA, townB, county } = suite.seeded.units;
    for (const login of ['a-staff', 'a-trainer']) {
      const client = await suite.as(login);
      const mine = await client.get(REPORT);
      expect(mine.data.units[0].id, login).toBe(townA);
      expect(mine.data.cadres.map((c: { login: string }) => c.login).sort()).toEqual(['a1', 'a2', 'a3']);
      for (const unit of [townB, county, 'no-such-unit']) {
        for (const format of ['json', 'csv', 'xlsx']) {
          const res = await client.get(`${REPORT}&orgUnit=${unit}&format=${format}`);
          expect(res.status, `${login} ${unit} ${format}`).toBe(404);
        }
        expect((await client.get(`/api/v1/reports/behind?orgUnit=${unit}`)).status).toBe(404);
        const page = await client.get(`/reports?orgUnit=${unit}`);
        expect(page.status).toBe(404);
        expect(page.text).not.toContain('乙一');
      }
    }
    const cadre = await suite.as('a1');
    expect((await cadre.get(REPORT)).status).toBe(403);
    expect((await cadre.get('/reports')).status).toBe(403);
    expect((await suite.client().get(REPORT)).status).toBe(401);
  });

  test('bad query parameters are refused with 400 and a message', async () => {
    const staff = await suite.as('county-staff');
    for (const query of ['year=abc', 'year=1900', 'format=pdf', 'orgUnit=', 'colour=red']) {
      const res = await staff.get(`/api/v1/reports/completion?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.data.error.message).toContain('查询参数有误');
    }
  });

  test('the report page shows the tree, the figures and the export links on a phone-friendly page', async () => {
    const staff = await suite.as('county-staff');
    const page = await staff.get(`/reports?year=${YEAR}`);
    expect(page.status).toBe(200);
    for (const text of ['测试县', '甲镇', '乙乡', '达标（2 人）', '导出 Excel', '/api/v1/reports/completion?year=2025&amp;format=xlsx']) expect(page.text).toContain(text);
    const behind = await staff.get(`/reports/behind?year=${YEAR}&sort=name`);
    expect(behind.text).toContain('2</strong> 人进度落后');
  });
});
