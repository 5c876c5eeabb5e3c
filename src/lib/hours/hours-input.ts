import { ValidationError } from '../errors.ts';

/** A written reason (adjustments, reversals) must say at least this much… */
export const MIN_REASON_CHARS = 5;
/** …and at most this much. */
export const MAX_REASON_CHARS = 200;

/**
 * Reads a 学时 value a person typed: a finite number with at most one decimal, within the bounds.
 * Returns it in tenths (the ledger's unit); throws a ValidationError naming the field otherwise.
 */
export function hoursToTenths(hours: number, bounds: { min: number; max: number }, field: string, label: string): number {
  if (!Number.isFinite(hours)) throw new ValidationError(`${label}须为数字。`, { field });
  const tenths = Math.round(hours * 10);
  if (Math.abs(hours * 10 - tenths) > 1e-6) throw new ValidationError(`${label}最多保留一位小数，如 1.5。`, { field });
  if (tenths < bounds.min * 10 || tenths > bounds.max * 10) {
    throw new ValidationError(`${label}须在 ${bounds.min} 到 ${bounds.max} 之间。`, { field });
  }
  return tenths;
}

/**
 * The number in a form's text field ("1.5", "-2", full-width "１．５" from a Chinese keyboard);
 * NaN when it is empty or not a plain decimal, so hoursToTenths then explains the problem.
 */
export function parseHoursText(text: string): number {
  const plain = text.normalize('NFKC').trim().replace(/^\+/, '');
  return /^-?\d+(\.\d+)?$/.test(plain) ? Number(plain) : Number.NaN;
}

/** The reason, trimmed; throws unless it has MIN_REASON_CHARS to MAX_REASON_CHARS characters. */
export function requireReason(reason: string, field = 'reason'): string {
  const trimmed = reason.trim();
  const length = [...trimmed].length;
  if (length < MIN_REASON_CHARS) throw new ValidationError(`请写明原因（至少 ${MIN_REASON_CHARS} 个字），以备核查。`, { field });
  if (length > MAX_REASON_CHARS) throw new ValidationError(`原因不超过 ${MAX_REASON_CHARS} 个字。`, { field });
  return trimmed;
}
