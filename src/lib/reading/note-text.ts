import { ValidationError } from '../errors.ts';

/** A note holds at most this many characters (a 读书心得 is usually 800–3,000). */
export const NOTE_MAX_CHARS = 10_000;

/** Line endings as one `\n` (a form post sends `\r\n`), so lengths and comparisons agree everywhere. */
export function normaliseNoteBody(body: string): string {
  return body.replace(/\r\n?/g, '\n');
}

/** The length that counts for the minimum: characters (code points) after trimming. */
export function noteLength(body: string): number {
  return [...body.trim()].length;
}

/** Refuses a body over the maximum; returns it with normalised line endings. */
export function requireStorableBody(body: string): string {
  const normalised = normaliseNoteBody(body);
  if ([...normalised].length > NOTE_MAX_CHARS) {
    throw new ValidationError(`心得最多 ${NOTE_MAX_CHARS} 字，请精简后再保存。`, { field: 'body' });
  }
  return normalised;
}

/** The class's minimum for submission; an empty note is never accepted. */
export function minimumFor(noteMinChars: number): number {
  return Math.max(1, noteMinChars);
}

/** "还差 N 字" when the body is short of the minimum, else null. */
export function shortfallMessage(body: string, noteMinChars: number): string | null {
  const min = minimumFor(noteMinChars);
  const length = noteLength(body);
  if (length >= min) return null;
  return `心得至少需要 ${min} 字（不含首尾空白），现在 ${length} 字，还差 ${min - length} 字。`;
}

/** Throws unless the body is long enough to submit. */
export function requireSubmittableBody(body: string, noteMinChars: number): void {
  const message = shortfallMessage(body, noteMinChars);
  if (message) throw new ValidationError(message, { field: 'body' });
}
