import { stringify } from 'csv-stringify/sync';
import type { Sheet } from './export-columns.ts';

/** UTF-8 byte order mark: without it Excel on Chinese Windows reads UTF-8 as GBK and shows mojibake. */
const BOM = '\uFEFF';

/** A text cell Excel would run as a formula (=, +, -, @, tab, CR) is written with a leading apostrophe. */
const defuse = (cell: string | number | null) => (typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** One sheet as CSV that Excel opens correctly: BOM, CRLF line ends, quoted where needed, plain numbers. */
export function toCsv(sheet: Sheet<any>): string {
  const rows = sheet.rows.map((row) => sheet.columns.map((c) => defuse(c.value(row))));
  return BOM + stringify([sheet.columns.map((c) => c.header), ...rows], { record_delimiter: 'windows' });
}
