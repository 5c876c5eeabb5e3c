/**
 * Plain text out of a lesson's MDX body, for search and excerpts. Trainers' MDX is prose plus our
 * components (no imports, expressions or raw HTML; see content/README.md), so a few regular
 * expressions are enough and far cheaper than compiling the MDX again.
 */

/**
 * Attributes whose values are words a reader sees in place (captions, quote sources, dates).
 * Glossary definitions (`def`) are left out: they show at the end of the lesson, see extractTerms.
 */
const TEXT_ATTRIBUTES = new Set(['title', 'caption', 'source', 'by', 'date', 'alt']);

const ATTRIBUTE = /([A-Za-z]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const TAG = /<\/?[A-Za-z][\w.]*((?:\s+[A-Za-z]+\s*=\s*(?:"[^"]*"|'[^']*'|\{[^}]*\}))*)\s*\/?>/g;

function visibleAttributes(attributes: string): string {
  const words: string[] = [];
  for (const [, name, double, single] of attributes.matchAll(ATTRIBUTE)) {
    if (TEXT_ATTRIBUTES.has(name!)) words.push(double ?? single ?? '');
  }
  // An inline tag like <Term> vanishes without a trace, so 瓦窑堡会议确定 stays one run of text.
  return words.length ? ` ${words.join(' ')} ` : '';
}

/** Turns an MDX body into readable plain text: markup gone, words (including captions) kept. */
export function plainTextFromMdx(body: string): string {
  return body
    .replace(/^(?:import|export)\s.*$/gm, ' ') // ESM lines (not allowed for trainers, harmless here)
    .replace(/<!--[\s\S]*?-->|\{\/\*[\s\S]*?\*\/\}/g, ' ') // HTML and MDX comments
    .replace(/^```.*$/gm, ' ') // code fences; their content stays
    .replace(TAG, (_tag, attributes: string) => visibleAttributes(attributes ?? ''))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1') // images → alt text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1') // links → link text
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/gm, '') // headings, quotes, list markers
    .replace(/^\s*\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/gm, ' ') // table separator rows
    .replace(/[*_~`|]+/g, '') // emphasis, code and table pipes
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface GlossaryTerm {
  /** The term as written between `<Term>` and `</Term>`. */
  term: string;
  /** Its definition, from the `def` attribute. */
  def: string;
}

const TERM = /<Term\s+def\s*=\s*(?:"([^"]*)"|'([^']*)')\s*>([\s\S]*?)<\/Term>/g;

/** Glossary terms of a lesson in order of first use; a term defined twice keeps its first definition. */
export function extractTerms(body: string): GlossaryTerm[] {
  const seen = new Map<string, GlossaryTerm>();
  for (const [, double, single, inner] of body.matchAll(TERM)) {
    const term = plainTextFromMdx(inner ?? '');
    if (term && !seen.has(term)) seen.set(term, { term, def: (double ?? single ?? '').trim() });
  }
  return [...seen.values()];
}

/** Id of a term's entry in the lesson's glossary; `<Term>` links to it, the lesson page renders it. */
export function termAnchor(term: string): string {
  return `term-${term.replace(/\s+/g, '')}`;
}
