/**
 * Tokens for Chinese full-text search (see src/decisions/004-chinese-search.md). Chinese has no
 * spaces and dictionary segmenters split names they do not know (瓦|窑|堡, 东|征), so a run of Han
 * characters becomes overlapping character bigrams (二元切分): 三中全会 → 三中 中全 全会. Any query
 * of two or more characters then finds every text containing it, whatever the dictionary says.
 * Latin letters and digits stay whole words.
 */

const HAN = /\p{Script=Han}/u;
/** Runs of Han characters, or of other letters/digits; everything else (punctuation, spaces) separates. */
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu;

/** Full-width to half-width, lower case: ＡＢＣ１２ → abc12. */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Splits text into search tokens: Han bigrams (a lone Han character stays single), other words whole. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const [run] of normalize(text).matchAll(RUN)) {
    if (!HAN.test(run)) {
      tokens.push(run);
      continue;
    }
    const chars = [...run];
    if (chars.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i]! + chars[i + 1]!);
  }
  return tokens;
}

/** The words of a query as typed, normalized; used to check exact (adjacent) matches. */
export function querySegments(query: string): string[] {
  return normalize(query)
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** True when every segment occurs in the (normalized) text as written. */
export function containsAll(normalizedText: string, segments: string[]): boolean {
  return segments.length > 0 && segments.every((s) => normalizedText.includes(s));
}
