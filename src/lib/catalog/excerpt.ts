import { normalize } from './tokenize.ts';

/** A short piece of text around a search hit, split so the hit itself can be marked. */
export interface Excerpt {
  before: string;
  match: string;
  after: string;
}

/** Characters shown on each side of a hit: about a line on a phone. */
export const EXCERPT_RADIUS_CHARS = 36;

/**
 * The text around the first occurrence of any segment, or null when none occurs as written.
 * Offsets are found in the normalized text; they hold for the original because NFKC maps the
 * characters lessons use (Han, full-width punctuation) one to one. Where it did not, the
 * normalized text is shown instead.
 */
export function excerptAround(text: string, segments: string[], radius = EXCERPT_RADIUS_CHARS): Excerpt | null {
  const normalized = normalize(text);
  const shown = normalized.length === text.length ? text : normalized;
  const hits = segments.map((s) => ({ s, at: normalized.indexOf(s) })).filter((h) => h.at >= 0);
  if (hits.length === 0) return null;
  const { s, at } = hits.reduce((first, h) => (h.at < first.at ? h : first));
  const start = Math.max(0, at - radius);
  const end = Math.min(shown.length, at + s.length + radius);
  return {
    before: (start > 0 ? '…' : '') + shown.slice(start, at),
    match: shown.slice(at, at + s.length),
    after: shown.slice(at + s.length, end) + (end < shown.length ? '…' : ''),
  };
}
