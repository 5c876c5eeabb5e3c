import { COLORS, FONT, type Pdf } from './pdf-document.ts';
import type { StatementEntry } from './types.ts';
import { formatDocumentHours, NO_ENTRIES_TEXT, STATEMENT_TABLE_HEADINGS } from './wording.ts';

/**
 * The yearly statement's ledger table: rows are never split, and a row that does not fit starts a
 * new page whose first line repeats the column headings (as a printed HTML table's thead does).
 * The last row also needs room for what follows it, so the signature never stands on a page alone.
 */

const FONT_SIZE_PT = 10;
const PADDING_PT = 4.5;
/** Column widths as shares of the table width; the title column takes what is left. */
const COLUMN_SHARES: readonly number[] = [0.07, 0.16, 0, 0.17, 0.09];
const RIGHT_ALIGNED = new Set([0, 4]);

interface TableBox {
  left: number;
  width: number;
  /** Lowest y a row may reach before the page ends (above the page footer). */
  bottom: number;
  /** Where rows start on a continuation page. */
  continuationTop: number;
}

/**
 * Draws the table from `top`, adding pages as needed (`onNewPage` draws the page furniture), and
 * keeps `keepWithLastRow` points free below the last row. Returns the y below the table.
 */
export function drawLedgerTable(
  doc: Pdf,
  entries: StatementEntry[],
  box: TableBox,
  top: number,
  keepWithLastRow: number,
  onNewPage: () => void,
): number {
  const widths = columnWidths(box.width);
  let y = drawRow(doc, [...STATEMENT_TABLE_HEADINGS], widths, box.left, top, true);
  if (entries.length === 0) {
    doc.font(FONT.regular).fontSize(FONT_SIZE_PT).fillColor(COLORS.muted);
    doc.text(NO_ENTRIES_TEXT, box.left + PADDING_PT, y + PADDING_PT, { width: box.width - 2 * PADDING_PT });
    doc.fillColor(COLORS.ink);
    return doc.y + PADDING_PT;
  }
  entries.forEach((entry, index) => {
    const cells = [String(index + 1), entry.date, entry.sourceTitle, entry.kindLabel, formatDocumentHours(entry.hours)];
    const height = rowHeight(doc, cells, widths, false);
    if (y + height + (index === entries.length - 1 ? keepWithLastRow : 0) > box.bottom) {
      doc.addPage();
      onNewPage();
      y = drawRow(doc, [...STATEMENT_TABLE_HEADINGS], widths, box.left, box.continuationTop, true);
    }
    y = drawRow(doc, cells, widths, box.left, y, false, height);
  });
  return y;
}

function columnWidths(tableWidth: number): number[] {
  const fixed = COLUMN_SHARES.reduce((sum, share) => sum + share * tableWidth, 0);
  return COLUMN_SHARES.map((share) => (share === 0 ? tableWidth - fixed : share * tableWidth));
}

function useRowFont(doc: Pdf, heading: boolean): void {
  doc.font(heading ? FONT.bold : FONT.regular).fontSize(FONT_SIZE_PT).fillColor(COLORS.ink);
}

function rowHeight(doc: Pdf, cells: string[], widths: number[], heading: boolean): number {
  useRowFont(doc, heading);
  const tallest = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - 2 * PADDING_PT })));
  return tallest + 2 * PADDING_PT;
}

function drawRow(doc: Pdf, cells: string[], widths: number[], left: number, top: number, heading: boolean, height = rowHeight(doc, cells, widths, heading)): number {
  const width = widths.reduce((sum, w) => sum + w, 0);
  if (heading) doc.rect(left, top, width, height).fill(COLORS.wash);
  useRowFont(doc, heading);
  let x = left;
  cells.forEach((cell, i) => {
    const align = RIGHT_ALIGNED.has(i) ? 'right' : 'left';
    doc.text(cell, x + PADDING_PT, top + PADDING_PT, { width: widths[i]! - 2 * PADDING_PT, align });
    x += widths[i]!;
  });
  const bottom = top + height;
  doc.moveTo(left, bottom).lineTo(left + width, bottom).lineWidth(heading ? 0.8 : 0.4).strokeColor(heading ? COLORS.muted : COLORS.line).stroke();
  return bottom;
}
