import type { Nodes, Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { COMPONENT_RULES, componentRule } from '../../catalog/lint.ts';
import type { MdxProblem } from './problem.ts';
import { allowedUrlHint, isSafeUrl, type UrlUse } from './safe-url.ts';

/**
 * The trainer's rules (content/README.md) on a parsed lesson: prose, GFM and our components with their
 * documented attributes, nothing else. Every problem is collected, so the trainer sees them all at once.
 */

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
type Report = (node: { position?: Nodes['position'] }, message: string) => void;

const HTML_TAG_MESSAGES: Record<string, string> = {
  script: '不能写 <script>：讲堂课节不运行任何脚本。',
  style: '不能写 <style>：课节的样式由讲堂统一设定。',
  iframe: '不能嵌入 <iframe> 网页：音视频请用 <Media>，图片请用 <Figure>。',
};

/** Attributes that hold an address the page will load (`src` of Figure and Media, `captions` of Media). */
const EMBED_ATTRIBUTES = new Set(['src', 'captions']);
/** Attributes that must be a number of pixels. */
const PIXEL_ATTRIBUTES = new Set(['width', 'height']);
const PIXELS = /^[1-9]\d{0,4}$/;

const EXPRESSION_MESSAGE = '正文里不能有花括号 { }：讲堂课节不运行代码。需要花括号时请写成 \\{，或改用其他括号。';
const COMPONENT_LIST = Object.keys(COMPONENT_RULES).join('、');

/** An address as quoted in a message: control characters shown, long ones cut. */
function quoted(url: string): string {
  const visible = JSON.stringify(url).slice(1, -1);
  return visible.length > 60 ? `${visible.slice(0, 57)}…` : visible;
}

function nameProblem(name: string | null): string | null {
  if (name === null) return '不要写空标签 <></>：请直接写内容。';
  if (/[.:]/.test(name)) return `没有 <${name}> 这种标签：组件名里不能有“.”或“:”。可用的组件有：${COMPONENT_LIST}。`;
  if (/^[a-z]/.test(name)) {
    return HTML_TAG_MESSAGES[name.toLowerCase()] ?? `不要直接写 HTML 标签 <${name}>：请用 Markdown 或讲堂组件（见 content/README.md 第五节）。`;
  }
  if (!componentRule(name)) return `没有名为 <${name}> 的组件。可用的有：${COMPONENT_LIST}。`;
  return null;
}

function attributeValueProblem(component: string, name: string, value: string): string | null {
  const rule = componentRule(component)!;
  const allowed = rule.values?.[name];
  if (allowed && !allowed.includes(value)) return `<${component}> 的 ${name} 只能是 ${allowed.join(' 或 ')}，现在是“${value}”。`;
  if (EMBED_ATTRIBUTES.has(name) && !isSafeUrl(value, 'embed')) return `<${component}> 的 ${name}="${quoted(value)}" 不能用：${allowedUrlHint('embed')}。`;
  if (PIXEL_ATTRIBUTES.has(name) && !PIXELS.test(value)) return `<${component}> 的 ${name} 只能是正整数（像素），例如 ${name}="640"，现在是“${value}”。`;
  return null;
}

function checkAttributes(element: JsxElement, report: Report): void {
  const component = element.name!;
  const rule = componentRule(component)!;
  const known = [...rule.required, ...rule.optional];
  const given = new Set<string>();
  for (const attribute of element.attributes) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(attribute, `<${component}> 里不能写 {…} 这样的展开属性：请逐个写成 属性="值"。`);
      continue;
    }
    const { name, value } = attribute;
    if (/^on/i.test(name)) report(attribute, `不能写 ${name} 这样的事件属性：讲堂课节不运行任何脚本。`);
    else if (!known.includes(name)) report(attribute, `<${component}> 没有 ${name} 这个属性；可用的有：${known.join('、') || '（无）'}。`);
    else if (given.has(name)) report(attribute, `<${component}> 的 ${name} 写了两次，请只留一个。`);
    else if (typeof value === 'object' && value !== null) report(attribute, `<${component}> 的 ${name} 不能用花括号 { }：请写成 ${name}="…"（英文双引号）。`);
    else if (typeof value !== 'string') report(attribute, `<${component}> 的 ${name} 要写成 ${name}="…"。`);
    else {
      const problem = attributeValueProblem(component, name, value);
      if (problem) report(attribute, problem);
    }
    given.add(name);
  }
  for (const name of rule.required) {
    const value = element.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
    if (!given.has(name) || (typeof value === 'string' && !value.trim())) report(element, `<${component}> 缺少 ${name}="…"。`);
  }
}

function checkUrl(node: Nodes, url: string, use: UrlUse, report: Report): void {
  if (!isSafeUrl(url, use)) report(node, `地址“${quoted(url)}”不能用：${allowedUrlHint(use)}。`);
}

/** Identifiers of definitions that images use, which must then be image addresses. */
function imageDefinitions(node: Nodes, found = new Set<string>()): Set<string> {
  if (node.type === 'imageReference') found.add(node.identifier);
  if ('children' in node) for (const child of node.children) imageDefinitions(child, found);
  return found;
}

function checkNode(node: Nodes, images: Set<string>, report: Report): void {
  switch (node.type) {
    case 'mdxjsEsm':
      report(node, '不要写 import 或 export：讲堂组件不用引入就能用。');
      return;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      report(node, EXPRESSION_MESSAGE);
      return;
    case 'html':
      report(node, '不要直接写 HTML：请用 Markdown 或讲堂组件（见 content/README.md 第五节）。');
      return;
    case 'link':
      checkUrl(node, node.url, 'link', report);
      break;
    case 'image':
      checkUrl(node, node.url, 'embed', report);
      break;
    case 'definition':
      checkUrl(node, node.url, images.has(node.identifier) ? 'embed' : 'link', report);
      break;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const problem = nameProblem(node.name);
      if (problem) report(node, problem);
      else checkAttributes(node, report);
      break;
    }
  }
  if ('children' in node) for (const child of node.children) checkNode(child, images, report);
}

/** Every breach of the rules in a parsed lesson, in document order; empty when it may be published. */
export function checkLessonTree(tree: Root): MdxProblem[] {
  const problems: MdxProblem[] = [];
  const report: Report = (node, message) => {
    const start = node.position?.start;
    problems.push({ line: start?.line ?? 1, column: start?.column ?? 1, message });
  };
  checkNode(tree, imageDefinitions(tree), report);
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
