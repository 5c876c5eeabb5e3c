/**
 * The `---` block at the top of a lesson file, split off or put back. The body keeps its text as
 * written, less the blank lines that separate it from the block (they carry no meaning in MDX).
 */

const FRONTMATTER = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

export interface SplitLesson {
  /** YAML text between the `---` lines. */
  yaml: string;
  body: string;
}

/** Lines before the YAML text (the opening `---`), to turn YAML line numbers into file lines. */
export const FRONTMATTER_LINE_OFFSET = 1;

/** Null when the file does not open with a `---` block. */
export function splitFrontmatter(source: string): SplitLesson | null {
  const match = FRONTMATTER.exec(source);
  if (!match) return null;
  const body = source.slice(match[0].length).replace(/^(?:[ \t]*\r?\n)+/, '');
  return { yaml: match[1] ?? '', body };
}

/** `---\n<yaml>---\n\n<body>`; `yaml` ends with a newline, as `yaml.stringify` writes it. */
export function joinFrontmatter(yaml: string, body: string): string {
  return `---\n${yaml}---\n\n${body.replace(/^(?:[ \t]*\r?\n)+/, '')}`;
}
