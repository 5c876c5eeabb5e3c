import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { HEADERS, postRoster, readWorkbook, rosterOf, seedRosterCounty, snapshot, XLSX, xlsxOf } from '../support/roster-files.ts';
import { useServer } from '../support/suite.ts';

/** The page's text without markup (scoped styles add attributes to every tag). */
const textOf = (html: string) => html.replace(/<[^>]+>/g, '');

describe.each(testDialects())('roster files and the import page on %s', (dialect) => {
  const suite = useServer(dialect, ({ db }) => seedRosterCounty(db));
  const db = () => suite.database.db;

  test('the template downloads with bold frozen headers, instructions, and only the importer’s units', async () => {
    const staff = await suite.as('a-staff');
    const res = await fetch(`${suite.server.baseUrl}/api/v1/roster/template`, { headers: { Cookie: `jt_session=${staff.sessionToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(decodeURIComponent(res.headers.get('content-disposition')!)).toContain('干部名单导入模板-甲镇.xlsx');
    const workbook = await readWorkbook(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['干部名单', '填写说明', '单位名单']);
    const roster = workbook.getWorksheet('干部名单')!;
    expect((roster.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(roster.getRow(1).font?.bold).toBe(true);
    expect(roster.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(roster.getColumn(3).width).toBeGreaterThanOrEqual(20);
    const help = workbook.getWorksheet('填写说明')!;
    const helpText = help.getSheetValues().flat().join(' ');
    for (const header of HEADERS) expect(helpText).toContain(header);
    expect(helpText).toContain('芝河镇/桑峨村');
    const units = workbook.getWorksheet('单位名单')!;
    const labels = units.getRows(2, units.rowCount - 1)!.map((r) => r.getCell(1).value);
    expect(labels).toEqual(expect.arrayContaining(['甲镇', '东村', '东村/党支部', '西村/党支部', '中心村', '甲镇一村']));
    expect(labels).not.toContain('南村');
    expect(labels).not.toContain('乙乡');
  });

  test('the downloaded template, filled in, imports; left empty, it says no one was filled in', async () => {
    const staff = await suite.as('a-staff');
    const res = await fetch(`${suite.server.baseUrl}/api/v1/roster/template`, { headers: { Cookie: `jt_session=${staff.sessionToken}` } });
    const template = new Uint8Array(await res.arrayBuffer());
    const empty = await postRoster(staff, template);
    expect(empty.status).toBe(400);
    expect(empty.data.error.message).toContain('没有填写任何人员');
    const workbook = await readWorkbook(template);
    workbook.getWorksheet('干部名单')!.addRow(['模板人', '13700000001', '西村/党支部', '支部委员']);
    const filled = await postRoster(staff, new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(filled.status, filled.text).toBe(200);
    expect(filled.data.rows[0]).toMatchObject({ action: 'create', unit: '测试县/甲镇/西村/党支部', phone: '13700000001' });
  });

  test('headers are found in any order with stray spaces and full-width characters; numbers, rich text and formulas are read as text', async () => {
    const staff = await suite.as('a-staff');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['这张表不是名单']);
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(['序号', '单位 ', '\u3000职务', '登录名或手机号', '姓　名']);
    sheet.addRow([1, '东村', '科员', 13912340001, '数字号']);
    sheet.addRow([2, '东村', '科员', '１３９１２３４０００２', '全角号']);
    sheet.addRow([3, { richText: [{ text: '东' }, { text: '村' }] }, '科员', '139 1234 0003', { richText: [{ text: '富' }, { text: '文本' }] }]);
    sheet.addRow([4, { formula: '"东"&"村"', result: '东村' }, '科员', { formula: '13912340000+4', result: 13912340004 }, '公式号']);
    sheet.addRow([5, '甲镇／东村', '科员', 'Mixed.Case', '大写']);
    const res = await postRoster(staff, new Uint8Array(await workbook.xlsx.writeBuffer()));
    expect(res.status, res.text).toBe(200);
    expect(res.data.rows.map((r: { row: number; name: string; login: string; phone: string | null; unit: string }) => [r.row, r.name, r.login, r.phone, r.unit])).toEqual([
      [2, '数字号', '13912340001', '13912340001', '测试县/甲镇/东村'],
      [3, '全角号', '13912340002', '13912340002', '测试县/甲镇/东村'],
      [4, '富文本', '13912340003', '13912340003', '测试县/甲镇/东村'],
      [5, '公式号', '13912340004', '13912340004', '测试县/甲镇/东村'],
      [6, '大写', 'mixed.case', null, '测试县/甲镇/东村'],
    ]);
  });

  test('a missing column, too many rows, and a file that is not a workbook are refused with JSON 4xx and change nothing', async () => {
    const staff = await suite.as('a-staff');
    const before = await snapshot(db());
    const missing = await postRoster(staff, await xlsxOf([['姓名', '单位', '职务'], ['某人', '东村', '']]));
    expect(missing.status).toBe(400);
    expect(missing.data.error.message).toMatch(/第 1 行的表头缺少 “登录名或手机号” 列/);

    const many = await rosterOf(Array.from({ length: 5001 }, (_, i) => [`人${i}`, `p${i}`, '东村', '']));
    const tooMany = await postRoster(staff, many);
    expect(tooMany.status).toBe(400);
    expect(tooMany.data.error.message).toContain('名单超过 5000 行');

    const text = new TextEncoder().encode('姓名,登录名或手机号,单位,职务\n张三,zhangsan,东村,\n');
    const renamed = await postRoster(staff, text);
    expect(renamed.status).toBe(415);
    expect(renamed.data.error.message).toContain('不是 Excel 工作簿');
    const oldXls = await postRoster(staff, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    expect(oldXls.status).toBe(415);
    expect(oldXls.data.error.message).toContain('.xls');
    const good = await rosterOf([['某人', 'someone', '东村', '']]);
    const corrupt = new Uint8Array(good);
    corrupt.fill(0x20, 200, 2000);
    const damaged = await postRoster(staff, corrupt);
    expect(damaged.status).toBe(400);
    expect(damaged.data.error.message).toContain('损坏');
    expect((await postRoster(staff, good.subarray(0, 100))).status).toBe(400);
    expect((await postRoster(staff, new Uint8Array())).status).toBe(400);

    const json = await postRoster(staff, '{"rows":[]}', 'dry-run', 'application/json');
    expect(json.status).toBe(415);
    const oversize = await postRoster(staff, new Uint8Array(1_200_000).fill(0x50));
    expect(oversize.status).toBe(413);
    expect(oversize.data.error.code).toBe('payload_too_large');
    const badMode = await staff.request('POST', '/api/v1/roster/imports?mode=now', { body: good as BodyInit, headers: { 'Content-Type': XLSX } });
    expect(badMode.status).toBe(400);
    expect(await snapshot(db())).toEqual(before);
  });

  test('the page works without JavaScript: upload, see the problems, upload again, preview, apply once, see the passwords once', async () => {
    const staff = await suite.as('a-staff');
    const people = await staff.get('/people');
    expect(people.text).toContain('href="/people/import"');
    const start = await staff.get('/people/import');
    expect(start.status).toBe(200);
    expect(start.text).toContain('enctype="multipart/form-data"');

    const upload = async (bytes: Uint8Array, name = '名单.xlsx') => {
      const form = new FormData();
      form.set('file', new File([bytes as BlobPart], name, { type: XLSX }));
      return staff.request('POST', '/people/import?step=preview', { body: form });
    };
    const bad = await upload(await rosterOf([['页面人', 'yemian', '东村', ''], ['', 'yemian2', '东村', '']]));
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('第 3 行');
    expect(bad.text).toContain('请填写姓名。');

    const before = await snapshot(db());
    const good = await upload(await rosterOf([['页面人', 'yemian', '东村', ''], ['页面人二', 'yemian2', '东村', '']]));
    expect(good.status).toBe(200);
    expect(textOf(good.text)).toContain('将新建 2 人');
    expect(await snapshot(db())).toEqual(before);
    const field = (name: string) => good.text.match(new RegExp(`name="${name}" value="([^"]*)"`))![1]!;
    const applyFields = { upload: field('upload'), digest: field('digest'), fileName: field('fileName') };

    const applied = await staff.form('/people/import?step=apply', applyFields);
    expect(applied.status).toBe(200);
    expect(applied.text).toContain('导入完成：新建 2 人');
    const passwords = [...applied.text.matchAll(/<code class="password"[^>]*>([a-z0-9-]+)<\/code>/g)].map((m) => m[1]);
    expect(passwords).toHaveLength(2);
    expect((await suite.client().post('/api/v1/auth/login', { login: 'yemian', password: passwords[0] })).status).toBe(200);

    const again = await staff.form('/people/import?step=apply', applyFields);
    expect(again.status).toBe(404);
    expect(again.text).toContain('已经导入过');
    expect(again.text).not.toContain('class="password"');

    const notMine = await (await suite.as('county-staff')).form('/people/import?step=apply', applyFields);
    expect(notMine.status).toBe(404);
    const noFile = await staff.request('POST', '/people/import?step=preview', { body: new FormData() });
    expect(noFile.status).toBe(400);
    expect(noFile.text).toContain('请选择要上传的名单文件');
    const textFile = await upload(new TextEncoder().encode('not a workbook'), '名单.xlsx');
    expect(textFile.status).toBe(415);
    expect(textFile.text).toContain('不是 Excel 工作簿');
    for (const size of [1_010_000, 1_500_000]) {
      const big = await upload(new Uint8Array(size).fill(0x50));
      expect(big.status, String(size)).toBe(413);
      expect(big.text).toContain('文件过大：不能超过 1 MB');
    }
  });

  test('an apply whose plan changed since the preview shows the new preview instead of applying', async () => {
    const staff = await suite.as('a-staff');
    const form = new FormData();
    form.set('file', new File([(await rosterOf([['变化人', 'bianhua', '东村', '科员']])) as BlobPart], 'x.xlsx', { type: XLSX }));
    const preview = await staff.request('POST', '/people/import?step=preview', { body: form });
    const field = (name: string) => preview.text.match(new RegExp(`name="${name}" value="([^"]*)"`))![1]!;
    const admin = await suite.as('boss');
    const created = await admin.post('/api/v1/users', { login: 'bianhua', name: '变化人', password: 'long-enough-1', role: 'cadre', orgUnitId: suite.seeded.units.west });
    expect(created.status).toBe(201);
    const before = await snapshot(db());
    const applied = await staff.form('/people/import?step=apply', { upload: field('upload'), digest: field('digest'), fileName: 'x.xlsx' });
    expect(applied.status).toBe(200);
    expect(applied.text).toContain('在预览之后有了变化');
    expect(textOf(applied.text)).toContain('修改 1 人');
    expect(await snapshot(db())).toEqual(before);
  });
});
