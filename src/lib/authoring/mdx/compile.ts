import { createHash } from 'node:crypto';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { checkLessonTree } from './check.ts';
import { MAX_NESTING_DEPTH, tooDeeplyNested } from './nesting.ts';
import { overParseBudget } from './parse-budget.ts';
import type { MdxProblem } from './problem.ts';
import { renderNodesOf, type RenderNode } from './render-nodes.ts';
import { problemFromSyntaxError } from './syntax-error.ts';
import { unravelComponentParagraphs } from './unravel.ts';

/**
 * Compiles a lesson body written in the browser, without ever running it: the MDX is parsed into a
 * tree, checked against the trainer's rules, and turned into data for <AuthoredContent>. A document
 * with any problem yields only the problems, never a part of the lesson.
 */

export type { MdxProblem } from './problem.ts';
export type { RenderNode } from './render-nodes.ts';
export type CompileResult = { ok: true; nodes: RenderNode[] } | { ok: false; problems: MdxProblem[] };

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

function isSyntaxError(error: unknown): error is Parameters<typeof problemFromSyntaxError>[0] {
  return error instanceof Error && 'reason' in error && 'ruleId' in error && 'source' in error;
}

const NESTING_MESSAGE = `嵌套的层次太多（超过 ${MAX_NESTING_DEPTH} 层）：请减少引用、列表和组件的层层嵌套。`;

function parse(source: string): { tree: Root } | { problem: MdxProblem } {
  const tooBig = overParseBudget(source);
  if (tooBig) return { problem: tooBig };
  let tree: Root;
  try {
    tree = parser.parse(source);
  } catch (error) {
    if (isSyntaxError(error)) return { problem: problemFromSyntaxError(error, source) };
    // The parser itself recurses on nesting; past some thousands of levels the stack runs out.
    if (error instanceof RangeError) return { problem: { line: 1, column: 1, message: NESTING_MESSAGE } };
    throw error;
  }
  const deep = tooDeeplyNested(tree);
  if (deep) return { problem: { line: deep.position?.start.line ?? 1, column: deep.position?.start.column ?? 1, message: NESTING_MESSAGE } };
  unravelComponentParagraphs(tree);
  return { tree };
}

/** The lesson's render nodes, or every problem that keeps it from being shown. */
export function compileLessonMdx(source: string): CompileResult {
  const parsed = parse(source);
  if ('problem' in parsed) return { ok: false, problems: [parsed.problem] };
  const problems = checkLessonTree(parsed.tree);
  return problems.length ? { ok: false, problems } : { ok: true, nodes: renderNodesOf(parsed.tree) };
}

const CACHE_ENTRIES = 500;
/** Least recently used first: a Map keeps insertion order, and a hit is re-inserted at the end. */
const cache = new Map<string, CompileResult>();

/**
 * `compileLessonMdx`, remembered for the last 500 bodies (keyed by their SHA-256), since the lesson
 * page compiles on every request. Callers must not change the result: it is shared.
 */
export function compileLessonMdxCached(source: string): CompileResult {
  const key = createHash('sha256').update(source).digest('base64');
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = compileLessonMdx(source);
  cache.set(key, result);
  if (cache.size > CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
  return result;
}
