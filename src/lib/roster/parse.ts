import ExcelJS from 'exceljs';
import { cellText, compactText, normaliseName, normaliseText } from './cell-text.ts';
import { RosterFileError } from './errors.ts';
import { FILE_TOO_LARGE_MESSAGE, HEADER_SEARCH_ROWS, ROSTER_COLUMNS, ROSTER_MAX_BYTES, ROSTER_MAX_ROWS, type RosterColumnKey } from './format.ts';
import { checkZipExpansion, sniffFileKind } from './zip-guard.ts';

/** One filled-in row, its texts normalised (half-width, trimmed), numbered as Excel shows it. */
export interface RosterRow {
  row: number;
  name: string;
  login: string;
  unit: string;
  position: string;
}

/** An .xlsx of at most 1 MB expands to well under this; more means a damaged file or a zip bomb. */
const MAX_UNZIPPED_BYTES = 40_000_000;
const HEADERS = ROSTER_COLUMNS.map((c) => c.header).join('、');

/** Refuses anything that is not a readable .xlsx of acceptable size, judging by content, never by name. */
async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  if (bytes.byteLength === 0) throw new RosterFileError('bad_request', '文件是空的，请选择填好的 Excel 名单（.xlsx）。');
  if (bytes.byteLength > ROSTER_MAX_BYTES) {
    throw new RosterFileError('payload_too_large', FILE_TOO_LARGE_MESSAGE);
  }
  const kind = sniffFileKind(bytes);
  if (kind === 'ole') {
    throw new RosterFileError('unsupported_media_type', '这是旧版 Excel（.xls）文件或加了密码的工作簿。请在 Excel 或 WPS 中“另存为”不加密的 .xlsx 文件后再上传。');
  }
  if (kind !== 'zip') throw new RosterFileError('unsupported_media_type', '这不是 Excel 工作簿（.xlsx）文件。请使用下载的模板填写，保存为 .xlsx 后上传。');
  const expansion = checkZipExpansion(bytes, MAX_UNZIPPED_BYTES);
  if (!expansion.ok) {
    throw new RosterFileError('bad_request', expansion.reason === 'too_large' ? '文件解压后内容过多，无法读取。请只保留名单本身后再上传。' : '文件已损坏，无法读取。请在 Excel 或 WPS 中重新保存为 .xlsx 后上传。');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own global `Buffer` interface, which Node's Buffer<ArrayBuffer> no longer matches in TS 6.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new RosterFileError('bad_request', '文件已损坏或不是有效的 .xlsx 工作簿，无法读取。请在 Excel 或 WPS 中重新保存为 .xlsx 后上传。');
  }
  return workbook;
}

type HeaderMatch = { sheet: ExcelJS.Worksheet; row: number; columns: Partial<Record<RosterColumnKey, number>> };

/** The row among the first rows of a sheet whose cells name the most of the four columns (any order). */
function findHeader(sheet: ExcelJS.Worksheet): HeaderMatch {
  let best: HeaderMatch = { sheet, row: 0, columns: {} };
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= last; r++) {
    const columns: HeaderMatch['columns'] = {};
    sheet.getRow(r).eachCell((cell, col) => {
      const column = ROSTER_COLUMNS.find((c) => c.header === compactText(cellText(cell.value)));
      if (column && columns[column.key] === undefined) columns[column.key] = col;
    });
    if (Object.keys(columns).length > Object.keys(best.columns).length) best = { sheet, row: r, columns };
  }
  return best;
}

function missingHeaders(match: HeaderMatch): string[] {
  return ROSTER_COLUMNS.filter((c) => match.columns[c.key] === undefined).map((c) => `“${c.header}”`);
}

/** The first sheet that has all four headers; otherwise a message naming what is missing. */
function locateHeader(workbook: ExcelJS.Workbook): Required<HeaderMatch> {
  let best: HeaderMatch | undefined;
  for (const sheet of workbook.worksheets) {
    const match = findHeader(sheet);
    if (missingHeaders(match).length === 0) return match as Required<HeaderMatch>;
    if (!best || Object.keys(match.columns).length > Object.keys(best.columns).length) best = match;
  }
  if (best && Object.keys(best.columns).length >= 2) {
    throw new RosterFileError('validation_failed', `工作表“${best.sheet.name}”第 ${best.row} 行的表头缺少 ${missingHeaders(best).join('、')} 列。表头须为：${HEADERS}（顺序不限，可从模板复制）。`);
  }
  throw new RosterFileError('validation_failed', `找不到表头。请在工作表前 ${HEADER_SEARCH_ROWS} 行内放一行表头：${HEADERS}（顺序不限，可从模板复制）。`);
}

/** A cell's text; the copies a vertical merge leaves in the rows below count as empty for "is this row filled in". */
function readCell(row: ExcelJS.Row, column: number): { text: string; own: boolean } {
  const cell = row.getCell(column);
  return { text: normaliseText(cellText(cell.value)), own: !cell.isMerged || cell.master === cell };
}

/** Reads the filled-in rows of a roster .xlsx (all bytes already in memory). */
export async function parseRoster(bytes: Uint8Array): Promise<RosterRow[]> {
  const workbook = await loadWorkbook(bytes);
  const { sheet, row: headerRow, columns } = locateHeader(workbook);
  const rows: RosterRow[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number <= headerRow || tooMany) return;
    const cells = Object.fromEntries(ROSTER_COLUMNS.map((c) => [c.key, readCell(row, columns[c.key]!)])) as Record<RosterColumnKey, { text: string; own: boolean }>;
    if (!Object.values(cells).some((c) => c.own && c.text !== '')) return;
    if (rows.length === ROSTER_MAX_ROWS) {
      tooMany = true;
      return;
    }
    rows.push({ row: number, name: normaliseName(cells.name.text), login: cells.login.text, unit: cells.unit.text, position: cells.position.text });
  });
  if (tooMany) throw new RosterFileError('validation_failed', `名单超过 ${ROSTER_MAX_ROWS} 行。请分成几个文件，每个不超过 ${ROSTER_MAX_ROWS} 行，分别导入。`);
  if (rows.length === 0) throw new RosterFileError('validation_failed', `工作表“${sheet.name}”的表头下面没有填写任何人员。`);
  return rows;
}
