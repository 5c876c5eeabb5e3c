/**
 * How alike two reading notes are: the overlap coefficient of their sets of character bigrams, i.e.
 * the share of the shorter note's adjacent character pairs that also occur in the other note, after
 * NFKC normalisation with whitespace, punctuation, symbols and letter case dropped. Chinese has no
 * spaces between words, so character pairs stand in for words (as the catalog search does, decision
 * 004); sets ignore order, so shuffled paragraphs or changed punctuation do not hide a copy, and
 * measuring against the shorter note means a copied note padded with a paragraph of one's own is
 * still caught (Jaccard, shared over union, drops to ~0.5 there). A note at or above
 * NEAR_IDENTICAL_SCORE is flagged to the reviewer, never refused (decision 010).
 */

/** Flag threshold. Measured on tests/support/note-samples.ts: copies with a few words changed,
 * reordered or padded score 0.92–1.0; two independent notes on the same book ~0.03. */
export const NEAR_IDENTICAL_SCORE = 0.8;

const IGNORED = /[\p{P}\p{S}\p{Z}\p{C}\s]/gu;

/** The characters that count: NFKC (full-width → half-width), lower case, no spacing or punctuation. */
export function normaliseForComparison(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(IGNORED, '');
}

/** The set of adjacent character pairs of the normalised text (code points, so any CJK character is one). */
export function bigramsOf(text: string): Set<string> {
  const chars = [...normaliseForComparison(text)];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  return grams;
}

/** |A ∩ B| / min(|A|, |B|): how much of the smaller set lies in the larger; 0 when either is empty. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const gram of small) if (large.has(gram)) shared++;
  return shared / small.size;
}

/** Similarity of two texts, 0–1. */
export function similarity(a: string, b: string): number {
  return overlap(bigramsOf(a), bigramsOf(b));
}

export interface Candidate<T> {
  body: string;
  ref: T;
}

/** The candidate most similar to `body` with its score (rounded to 3 places), or null when there is none. */
export function bestMatch<T>(body: string, candidates: Iterable<Candidate<T>>): { ref: T; score: number } | null {
  const own = bigramsOf(body);
  let best: { ref: T; score: number } | null = null;
  for (const candidate of candidates) {
    const score = Math.round(overlap(own, bigramsOf(candidate.body)) * 1000) / 1000;
    if (!best || score > best.score) best = { ref: candidate.ref, score };
  }
  return best;
}
