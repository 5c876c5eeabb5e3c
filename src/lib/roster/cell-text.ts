import type { CellValue } from 'exceljs';

/**
 * The text a person sees in a cell, whatever exceljs stores: numbers (phone numbers typed into a
 * number cell), rich text, hyperlinks, formulas (their cached result), dates and error values.
 */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as CellValue);
  if ('error' in value) return value.error;
  return '';
}

/** Full-width letters, digits and slashes become their half-width forms; spaces are trimmed and collapsed. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const HAN = '\\p{Script=Han}';
const SPACED_HAN_NAME = new RegExp(`^${HAN}+( ${HAN}+)+$`, 'u');

/** A person's name: spaces typed between Chinese characters to align two-character names are removed. */
export function normaliseName(text: string): string {
  const name = normaliseText(text);
  return SPACED_HAN_NAME.test(name) ? name.replace(/ /g, '') : name;
}

/** Text compared without any spaces (header cells, unit names). */
export function compactText(text: string): string {
  return normaliseText(text).replace(/ /g, '');
}
