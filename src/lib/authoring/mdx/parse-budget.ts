import type { MdxProblem } from './problem.ts';

/**
 * The Markdown parser's time grows faster than the text for lists and quotes (a 20,000-character
 * body of nested list lines takes seconds), so a body is measured before it is parsed. The limits are
 * far above any real lesson (800–2,000 characters, a few dozen list lines) and keep the worst case
 * to a few hundred milliseconds.
 */
export const MAX_BODY_CHARS = 30_000;
export const MAX_CONTAINER_LINES = 400;
export const MAX_MARKERS_PER_LINE = 4;

/** A line that opens list items or quotes: its leading markers (`-`, `*`, `+`, `1.`, `1)`, `>`). */
const LEADING_MARKERS = /^[ \t]*((?:>[ \t]*|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))+)/;

/** The first limit the body breaks, as a problem; null when it may be parsed. */
export function overParseBudget(source: string): MdxProblem | null {
  const chars = [...source].length;
  if (chars > MAX_BODY_CHARS) {
    return { line: 1, column: 1, message: `正文太长（${chars} 个字符），一课不超过 ${MAX_BODY_CHARS} 个字符：请把内容拆成几课。` };
  }
  let containerLines = 0;
  for (const [index, line] of source.split('\n').entries()) {
    const markers = LEADING_MARKERS.exec(line)?.[1];
    if (!markers) continue;
    containerLines++;
    const count = markers.match(/[-*+>]|\d{1,9}[.)]/g)?.length ?? 0;
    if (count > MAX_MARKERS_PER_LINE) {
      return { line: index + 1, column: 1, message: `这一行开头连续嵌套了 ${count} 层列表或引用，最多 ${MAX_MARKERS_PER_LINE} 层：请减少嵌套。` };
    }
    if (containerLines > MAX_CONTAINER_LINES) {
      return { line: index + 1, column: 1, message: `列表项和引文行太多（超过 ${MAX_CONTAINER_LINES} 行）：请把内容拆成几课，或把部分列表改写成段落。` };
    }
  }
  return null;
}
