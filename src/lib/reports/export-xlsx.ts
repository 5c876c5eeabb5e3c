import ExcelJS from 'exceljs';
import type { Sheet } from './export-columns.ts';

/**
 * An .xlsx workbook of the sheets: bold frozen header row, column widths, numbers stored as numbers
 * with a display format (so Excel sums and sorts them), text as text.
 */
export async function toXlsx(sheets: Sheet<any>[]): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '讲堂';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width, style: c.format ? { numFmt: c.format } : {} }));
    worksheet.getRow(1).font = { bold: true };
    worksheet.addRows(sheet.rows.map((row) => sheet.columns.map((c) => c.value(row))));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
