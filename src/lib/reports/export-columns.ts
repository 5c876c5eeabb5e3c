import { fromTenths } from '../hours/units.ts';
import { averageTenths, type UnitRow } from './rollup.ts';
import type { CadreStanding } from './standing.ts';

/** One column of an exported table: a Chinese header, the cell value, and how wide/how formatted in Excel. */
export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null;
  /** Width in characters (Excel's unit). */
  width: number;
  /** Excel number format for numeric cells. */
  format?: string;
}

const HOURS = '0.0';
const PERCENT = '0.0%';
const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

export const UNIT_COLUMNS: Column<UnitRow>[] = [
  // Indented by level so the tree reads in a flat sheet.
  { header: '单位', value: (u) => `${'　'.repeat(u.level)}${u.name}`, width: 24 },
  { header: '干部人数', value: (u) => u.cadres, width: 10 },
  { header: '达标人数', value: (u) => u.met, width: 10 },
  { header: '达标率', value: (u) => share(u.met, u.cadres), width: 10, format: PERCENT },
  { header: '人均学时', value: (u) => fromTenths(averageTenths(u)), width: 10, format: HOURS },
  { header: '进度落后人数', value: (u) => u.behind, width: 13 },
  { header: '必修课程指派数', value: (u) => u.requiredAssigned, width: 14 },
  { header: '必修课程完成数', value: (u) => u.requiredCompleted, width: 14 },
  { header: '必修课程完成率', value: (u) => share(u.requiredCompleted, u.requiredAssigned), width: 14, format: PERCENT },
];

export const CADRE_COLUMNS: Column<CadreStanding>[] = [
  { header: '单位', value: (c) => c.unitName, width: 18 },
  { header: '姓名', value: (c) => c.name, width: 10 },
  { header: '登录名', value: (c) => c.login, width: 14 },
  { header: '职务', value: (c) => c.position, width: 16 },
  { header: '联系电话', value: (c) => c.phone ?? '', width: 14 },
  { header: '年度学时', value: (c) => fromTenths(c.totalTenths), width: 10, format: HOURS },
  { header: '其中必修学时', value: (c) => fromTenths(c.requiredTenths), width: 12, format: HOURS },
  { header: '目标学时', value: (c) => (c.target ? fromTenths(c.target.totalTenths) : null), width: 10, format: HOURS },
  { header: '必修目标学时', value: (c) => (c.target ? fromTenths(c.target.requiredTenths) : null), width: 12, format: HOURS },
  { header: '是否达标', value: (c) => (c.target ? (c.met ? '达标' : '未达标') : '未设目标'), width: 10 },
  { header: '按进度应有学时', value: (c) => fromTenths(c.expectedTenths), width: 14, format: HOURS },
  { header: '尚差学时', value: (c) => fromTenths(c.missingTenths), width: 10, format: HOURS },
  { header: '必修课程完成数', value: (c) => c.requiredCompleted, width: 14 },
  { header: '必修课程指派数', value: (c) => c.requiredAssigned, width: 14 },
];

/** The behind list: who to call, how far behind, in that order. */
export const BEHIND_COLUMNS: Column<CadreStanding>[] = [
  ...['单位', '姓名', '职务', '联系电话', '年度学时', '按进度应有学时', '尚差学时', '目标学时'].map((h) => CADRE_COLUMNS.find((c) => c.header === h)!),
];

export interface Sheet<T> {
  name: string;
  columns: Column<T>[];
  rows: T[];
}
