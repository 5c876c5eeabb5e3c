import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Scope } from '../org/scope.ts';
import { ROSTER_COLUMNS, ROSTER_MAX_ROWS } from './format.ts';
import { loadUnitDirectory } from './unit-directory.ts';

export const TEMPLATE_SHEETS = { roster: '干部名单', help: '填写说明', units: '单位名单' } as const;

const GENERAL_NOTES = [
  '每位干部填一行，从表头下面第一行开始填写；空行会被跳过。表头文字不要改动，列的顺序可以调整，可以增加其他列（导入时不读取）。',
  `一个文件最多 ${ROSTER_MAX_ROWS} 行，大小不超过 1 MB，须保存为 .xlsx 格式（WPS 请选择“Excel 文件(*.xlsx)”）。`,
  '上传后先预览：有问题的行会列出行号、栏目和原因，此时不会做任何修改；全部无误后才能确认导入，导入在一步之内完成。',
  '名单中的登录名已有账号时，按名单修改其姓名、单位、职务（和手机号）；没有账号时新建学员账号并生成初始密码。初始密码只显示一次，请当场打印或抄录，交本人登录后修改。',
  '同一个文件再次导入不会重复建号，没有变化的人员不做任何修改。',
];

function headerStyle(sheet: ExcelJS.Worksheet) {
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

/**
 * The roster template: the four headers (bold, frozen, sized; the login column stored as text so long
 * phone numbers stay as typed), a sheet explaining each column, and the importer's units to copy from.
 */
export async function rosterTemplate(db: Kysely<Database>, scope: Scope): Promise<Uint8Array<ArrayBuffer>> {
  const directory = await loadUnitDirectory(db, scope);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '讲堂';

  const roster = workbook.addWorksheet(TEMPLATE_SHEETS.roster);
  roster.columns = ROSTER_COLUMNS.map((c) => ({ header: c.header, width: c.width, style: c.key === 'login' ? { numFmt: '@' } : {} }));
  headerStyle(roster);

  const help = workbook.addWorksheet(TEMPLATE_SHEETS.help);
  help.columns = [
    { header: '栏目', width: 16 },
    { header: '是否必填', width: 10 },
    { header: '说明', width: 70 },
    { header: '示例', width: 18 },
  ];
  for (const c of ROSTER_COLUMNS) help.addRow([c.header, c.required ? '必填' : '选填', c.help, c.example]);
  help.addRow([]);
  help.addRow(['注意事项']).font = { bold: true };
  GENERAL_NOTES.forEach((note, i) => help.addRow([`${i + 1}.`, '', note]));
  help.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  headerStyle(help);

  const units = workbook.addWorksheet(TEMPLATE_SHEETS.units);
  units.columns = [
    { header: '单位（复制到“单位”栏）', width: 30 },
    { header: '完整路径', width: 44 },
    { header: '类型', width: 10 },
  ];
  for (const unit of directory.inScope) units.addRow([unit.label, unit.chain.join('/'), unit.kindLabel]);
  headerStyle(units);

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
