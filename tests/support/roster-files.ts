import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { createOrgUnit } from '../../src/lib/org/org-units.ts';
import { makeCounty, makeUser } from './factories.ts';
import type { TestClient } from './http-client.ts';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const HEADERS = ['姓名', '登录名或手机号', '单位', '职务'];

/** An .xlsx with the given rows on its first sheet (row 1 is the first array). */
export async function xlsxOf(rows: ExcelJS.CellValue[][], sheetName = '干部名单'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A roster file: the four headers, then the rows. */
export function rosterOf(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  return xlsxOf([HEADERS, ...rows]);
}

/** Posts a file to the import API. */
export function postRoster(client: TestClient, bytes: Uint8Array | string, mode: 'dry-run' | 'apply' = 'dry-run', type = XLSX) {
  return client.request('POST', `/api/v1/roster/imports?mode=${mode}`, { body: bytes as BodyInit, headers: { 'Content-Type': type } });
}

/** Reads a downloaded workbook back. */
export async function readWorkbook(bytes: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes as ArrayBuffer) as never);
  return workbook;
}

/** Every users row and the audit log size: equal snapshots mean the import wrote nothing. */
export async function snapshot(db: Kysely<Database>) {
  const users = await db.selectFrom('users').selectAll().orderBy('id').execute();
  const audit = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { users, audit: Number(audit.n) };
}

/**
 * The test county for roster imports. 甲镇 has villages 东村 and 西村, each with a 党支部 (a name that
 * repeats inside 甲镇), and a 中心村; 乙乡 has 南村 and its own 中心村.
 */
export async function seedRosterCounty(db: Kysely<Database>) {
  const all = { kind: 'all' } as const;
  const units = await makeCounty(db);
  const unit = (name: string, parentId: string, kind: 'village' | 'office' = 'village') => createOrgUnit(db, all, null, { name, kind, parentId });
  const east = await unit('东村', units.townA);
  const west = await unit('西村', units.townA);
  const more = {
    east,
    west,
    eastBranch: await unit('党支部', east, 'office'),
    westBranch: await unit('党支部', west, 'office'),
    centreA: await unit('中心村', units.townA),
    south: await unit('南村', units.townB),
    centreB: await unit('中心村', units.townB),
  };
  await makeUser(db, 'admin', units.county, { login: 'boss' });
  await makeUser(db, 'staff', units.county, { login: 'county-staff', scopeUnitId: units.county });
  await makeUser(db, 'staff', units.townA, { login: 'a-staff', scopeUnitId: units.townA });
  await makeUser(db, 'trainer', units.townA, { login: 'a-trainer', scopeUnitId: units.townA });
  const wang = await makeUser(db, 'cadre', east, { login: 'wangjj', name: '王建军' });
  await db.updateTable('users').set({ position: '科员' }).where('id', '=', wang.id).execute();
  await makeUser(db, 'cadre', units.townB, { login: 'b-cadre', name: '乙乡秘密人' });
  const gone = await makeUser(db, 'cadre', units.townA, { login: 'gone', name: '已停用者' });
  await db.updateTable('users').set({ active: 0 }).where('id', '=', gone.id).execute();
  const holder = await makeUser(db, 'cadre', west, { login: 'phoneholder', name: '持号人' });
  await db.updateTable('users').set({ phone: '13800000009' }).where('id', '=', holder.id).execute();
  return { units: { ...units, ...more }, wangId: wang.id };
}
