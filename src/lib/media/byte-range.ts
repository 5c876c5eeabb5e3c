/** What to send for a request's Range header against a file of a known size. */
export type RangeDecision = { kind: 'full' } | { kind: 'partial'; start: number; end: number } | { kind: 'unsatisfiable' };

const DIGITS = /^\d+$/;

function integer(text: string): number | null {
  if (!DIGITS.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

/**
 * Reads a `Range: bytes=…` header (RFC 9110 §14.1.2). One range is served as 206 (`end` inclusive);
 * a range starting past the end, or a zero-length suffix, is unsatisfiable (416). A header we do not
 * understand, or one asking for several ranges, is ignored and the whole file is sent with 200: that is
 * allowed by the RFC, and media players only ever ask for one range, so multipart/byteranges is not worth it.
 */
export function decideRange(header: string | null, size: number): RangeDecision {
  if (!header) return { kind: 'full' };
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!match) return { kind: 'full' };
  const spec = match[1]!.trim();
  if (spec.includes(',')) return { kind: 'full' };
  const dash = spec.indexOf('-');
  if (dash < 0) return { kind: 'full' };
  const first = spec.slice(0, dash).trim();
  const last = spec.slice(dash + 1).trim();

  if (first === '') {
    const suffix = integer(last);
    if (suffix === null) return { kind: 'full' };
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = integer(first);
  if (start === null) return { kind: 'full' };
  let end = size - 1;
  if (last !== '') {
    const parsed = integer(last);
    if (parsed === null || parsed < start) return { kind: 'full' };
    end = Math.min(parsed, size - 1);
  }
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end };
}
