import { BEHIND_COLUMNS, CADRE_COLUMNS, UNIT_COLUMNS, type Sheet } from './export-columns.ts';
import { behindList, type CompletionReport } from './completion.ts';
import { toCsv } from './export-csv.ts';
import { toXlsx } from './export-xlsx.ts';

export type FileFormat = 'csv' | 'xlsx';

export interface Download {
  body: Uint8Array<ArrayBuffer> | string;
  contentType: string;
  filename: string;
}

const CONTENT_TYPES: Record<FileFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

async function render(format: FileFormat, sheets: Sheet<any>[], baseName: string): Promise<Download> {
  // A CSV holds one table: the detail sheet, which is the one people filter and sort.
  const body = format === 'xlsx' ? await toXlsx(sheets) : toCsv(sheets.at(-1)!);
  return { body, contentType: CONTENT_TYPES[format], filename: `${baseName}.${format}` };
}

/** The completion report as a file: unit summary and cadre detail (CSV: the cadre detail). */
export function completionDownload(report: CompletionReport, rootName: string, format: FileFormat) {
  return render(
    format,
    [
      { name: '单位汇总', columns: UNIT_COLUMNS, rows: report.units },
      { name: '干部明细', columns: CADRE_COLUMNS, rows: report.cadres },
    ],
    `学时完成情况-${rootName}-${report.filter.year}`,
  );
}

/** The behind list as a file. */
export function behindDownload(report: CompletionReport, rootName: string, format: FileFormat) {
  return render(format, [{ name: '进度落后名单', columns: BEHIND_COLUMNS, rows: behindList(report) }], `进度落后名单-${rootName}-${report.filter.year}`);
}
