import type { VFileMessage } from 'vfile-message';
import type { MdxProblem } from './problem.ts';

/**
 * Turns the parser's (English) syntax error into a problem a trainer can act on. The parser stops
 * at the first syntax error, so there is only ever one of these.
 */

/** Where the opening tag is, for errors the parser reports at the end of the enclosing block. */
const OPENING_TAG_PLACE = /`<[^`]*>` \((\d+):(\d+)-/;

function pointOf(error: VFileMessage): { line: number; column: number; offset?: number } {
  const place = error.place;
  const point = place && 'start' in place ? place.start : place;
  return { line: point?.line ?? error.line ?? 1, column: point?.column ?? error.column ?? 1, offset: point?.offset };
}

/** Line and column of an offset into the source. */
function pointAt(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** The `{` that an expression running to the end of the file opened: the last one left unmatched. */
function unclosedBrace(source: string, end: number): number {
  let depth = 0;
  for (let index = end - 1; index >= 0; index--) {
    if (source[index] === '}') depth++;
    else if (source[index] === '{' && depth-- === 0) return index;
  }
  return -1;
}

/**
 * Where the trainer should look. The parser reports some errors where it gave up (the end of the
 * file, the end of the paragraph, the character after `<`) rather than where the mistake is.
 */
function placeOf(error: VFileMessage, source: string): { line: number; column: number } {
  const { line, column, offset } = pointOf(error);
  const tag = OPENING_TAG_PLACE.exec(error.reason);
  if (tag && error.reason.startsWith('Expected a closing tag')) return { line: Number(tag[1]), column: Number(tag[2]) };
  if (error.ruleId === 'unexpected-character' && error.reason.includes('before name')) return { line, column: Math.max(1, column - 1) };
  if (error.ruleId === 'unexpected-eof' && offset !== undefined) {
    const quote = /closing quote `(.)`/.exec(error.reason)?.[1];
    const opening = quote ? source.lastIndexOf(quote, offset) : error.reason.includes('closing brace') ? unclosedBrace(source, offset) : -1;
    if (opening >= 0) return pointAt(source, opening);
  }
  return { line, column };
}

function tagMismatch(reason: string): string {
  const opening = /for `(<[^`]*>)`/.exec(reason)?.[1] ?? '';
  const name = /^<([^\s>]*)/.exec(opening)?.[1] ?? '';
  const closing = /Unexpected closing tag `([^`]*)`/.exec(reason)?.[1];
  if (closing) return `结束标签 ${closing} 和前面的 ${opening} 对不上：请检查标签名的拼写和嵌套顺序。`;
  const inline = reason.includes('before the end of') ? '写在段落中的组件，开始和结束标签要在同一段里；' : '';
  return `${opening} 没有结束标签：${inline}请在内容后面写上 </${name}>，没有内容的组件请写成 <${name} … />。`;
}

function unexpectedCharacter(reason: string): string {
  const character = /Unexpected character `(.+?)`/.exec(reason)?.[1] ?? '';
  if (reason.includes('before name')) {
    return character === '!'
      ? '不能写 HTML 注释 <!-- -->：课节里的文字都会给学员看到，备注请另外记录。'
      : `“<” 后面应该紧跟组件名，例如 <KeyPoint>。如果要写小于号，请写成 \\<（前面加反斜杠）。`;
  }
  if (reason.includes('before attribute value')) return '属性值要用英文双引号括起来，例如 title="…"。';
  return `标签里不能出现“${character}”：标签的写法是 <组件名 属性="值">，详见 content/README.md 第五节。`;
}

function unexpectedEnd(reason: string): string {
  if (reason.includes('closing quote')) return '属性值的引号没有配对：请在值的末尾补上英文双引号 "。';
  return '标签没有写完：请用 > 结束标签（没有内容的组件用 />）。';
}

const EXPRESSION_MESSAGE = '正文和组件属性里不能有花括号 { }：讲堂课节不运行代码。属性值请用英文双引号；正文里需要花括号时请写成 \\{。';

function explain(error: VFileMessage): string {
  const { source, ruleId, reason } = error;
  if (ruleId === 'end-tag-mismatch') return tagMismatch(reason);
  if (ruleId === 'unexpected-closing-slash') return '多了一个结束标签：前面没有和它对应的开始标签。';
  if (source === 'micromark-extension-mdxjs-esm') return '不要写 import 或 export：讲堂组件不用引入就能用。';
  if (source === 'micromark-extension-mdx-expression') return EXPRESSION_MESSAGE;
  if (source === 'micromark-extension-mdx-jsx' && ruleId === 'unexpected-character') return unexpectedCharacter(reason);
  if (source === 'micromark-extension-mdx-jsx' && ruleId === 'unexpected-eof') return unexpectedEnd(reason);
  return `MDX 语法错误：${reason}`;
}

/** The problem for a syntax error thrown by the MDX parser. */
export function problemFromSyntaxError(error: VFileMessage, source: string): MdxProblem {
  return { ...placeOf(error, source), message: explain(error) };
}
