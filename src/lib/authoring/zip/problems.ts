import { parseDocument, type ErrorCode, type YAMLError } from 'yaml';
import type { z } from 'zod';

/**
 * YAML and schema failures of one file of a course zip, turned into Chinese sentences that name the
 * file and the line or field, so a trainer can fix them all in one pass.
 */

const YAML_HINTS: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: '缩进不对：同一层的字段要对齐，缩进只用空格',
  TAB_AS_INDENT: '缩进里有制表符（Tab）：缩进只能用空格',
  DUPLICATE_KEY: '同一个字段写了两次',
  MISSING_CHAR: '缺少配对的引号或括号',
  BLOCK_AS_IMPLICIT_KEY: '冒号后面缺少空格，或上一行没有写完',
  MULTILINE_IMPLICIT_KEY: '字段名不能跨行：冒号后面要有一个空格',
  BAD_SCALAR_START: '文字以特殊符号开头：请把整段文字加上英文双引号',
  UNEXPECTED_TOKEN: '有多余或放错位置的符号',
  BAD_DQ_ESCAPE: '双引号里的反斜杠写法不对',
  MULTIPLE_DOCS: '文件里只能有一段 YAML，请删去多余的 ---',
  RESOURCE_EXHAUSTION: '引用（别名）过多，无法读取',
};

export type YamlResult = { ok: true; value: unknown } | { ok: false; problems: string[] };

/** Parses YAML text; `lineOffset` shifts line numbers when the text sits inside a larger file. */
export function parseYaml(file: string, source: string, lineOffset = 0): YamlResult {
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: true });
  const errors: YAMLError[] = [...doc.errors];
  if (errors.length === 0) {
    try {
      return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
    } catch {
      return { ok: false, problems: [`${file} 的 YAML 里引用（别名）过多，无法读取。`] };
    }
  }
  // One sentence per line: the parser often reports a slip twice (e.g. a missing space after a colon).
  const byLine = new Map<string, string>();
  for (const error of errors) {
    const line = error.linePos?.[0].line;
    const where = line === undefined ? '' : ` 第 ${line + lineOffset} 行`;
    const hint = YAML_HINTS[error.code] ?? '格式不对（冒号后要有一个空格，缩进只用空格，含“: ”或以 [ { # 开头的文字要加英文双引号）';
    if (!byLine.has(where)) byLine.set(where, `${file}${where}：${hint}。`);
  }
  return { ok: false, problems: [...byLine.values()] };
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.map((key) => (typeof key === 'number' ? `第 ${key + 1} 项` : String(key))).join(' → ');
}

/** Schema issues as sentences; the messages of the content schemas already say what is expected. */
export function schemaProblems(file: string, error: z.ZodError): string[] {
  const seen = new Set<string>();
  for (const issue of error.issues) {
    const where = issue.path.length > 0 ? `（${pathText(issue.path)}）` : '';
    seen.add(`${file}${where}：${issue.message}`);
  }
  return [...seen];
}
