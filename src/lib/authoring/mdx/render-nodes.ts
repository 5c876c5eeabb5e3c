import type { Element, Nodes as HastNodes, RootContent as HastContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'mdast';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { toHast, type Handler } from 'mdast-util-to-hast';
import { componentRule, type ComponentName } from '../../catalog/lint.ts';

/**
 * A checked lesson as data the page renders: Markdown as HTML strings, our components as names
 * with their attributes, so they are drawn by the very .astro components of published lessons.
 * An HTML string may open an element that a later string closes (a paragraph around an inline
 * <Term>): the page writes them out one after the other, so the document comes out whole.
 */
export type RenderNode =
  | { type: 'html'; html: string }
  | { type: 'component'; name: ComponentName; props: Record<string, string>; children: RenderNode[] };

/** The components found while converting, keyed by the stand-in element that marks their place. */
type Placeholders = WeakMap<Element, { name: ComponentName; props: Record<string, string> }>;

function componentHandler(placeholders: Placeholders): Handler {
  return (state, node: MdxJsxFlowElement | MdxJsxTextElement) => {
    if (!node.name || !componentRule(node.name)) return undefined;
    const props: Record<string, string> = {};
    for (const attribute of node.attributes) {
      // The checks refused everything else; skipping keeps this step safe on its own.
      if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') props[attribute.name] = attribute.value;
    }
    const placeholder: Element = { type: 'element', tagName: 'jiangtang-component', properties: {}, children: state.all(node) };
    placeholders.set(placeholder, { name: node.name as ComponentName, props });
    return placeholder;
  };
}

/** Code never reaches the reader, even if a check were missed. */
const dropped: Handler = () => undefined;

function containsComponent(node: HastNodes, placeholders: Placeholders): boolean {
  if (node.type === 'element' && placeholders.has(node)) return true;
  return 'children' in node && node.children.some((child) => containsComponent(child, placeholders));
}

function renderChildren(children: HastContent[], placeholders: Placeholders): RenderNode[] {
  return children.flatMap((child) => renderNode(child, placeholders));
}

function renderNode(node: HastContent, placeholders: Placeholders): RenderNode[] {
  // Components only come out of the handler above as elements, so only elements can hold one.
  if (node.type !== 'element' || !containsComponent(node, placeholders)) return [{ type: 'html', html: toHtml(node) }];
  const element = node;
  const component = placeholders.get(element);
  if (component) return [{ type: 'component', ...component, children: mergeHtml(renderChildren(element.children, placeholders)) }];
  // An element around a component: its tags on either side, the component in between.
  const closing = `</${element.tagName}>`;
  const opening = toHtml({ ...element, children: [] }).slice(0, -closing.length);
  return [{ type: 'html', html: opening }, ...renderChildren(element.children, placeholders), { type: 'html', html: closing }];
}

function mergeHtml(nodes: RenderNode[]): RenderNode[] {
  const merged: RenderNode[] = [];
  for (const node of nodes) {
    const last = merged.at(-1);
    if (node.type === 'html' && last?.type === 'html') last.html += node.html;
    else merged.push(node);
  }
  return merged.filter((node) => node.type !== 'html' || node.html !== '');
}

/**
 * Render nodes for a lesson tree that passed `checkLessonTree`. Raw HTML is never let through
 * (mdast-util-to-hast drops it without `allowDangerousHtml`).
 */
export function renderNodesOf(tree: Root): RenderNode[] {
  const placeholders: Placeholders = new WeakMap();
  const handler = componentHandler(placeholders);
  const hast = toHast(tree, {
    handlers: { mdxJsxFlowElement: handler, mdxJsxTextElement: handler, mdxjsEsm: dropped, mdxFlowExpression: dropped, mdxTextExpression: dropped },
    footnoteLabel: '脚注',
    footnoteBackLabel: (referenceIndex) => `返回正文第 ${referenceIndex + 1} 处引用`,
  });
  const children = hast.type === 'root' ? hast.children : [hast];
  return mergeHtml(renderChildren(children, placeholders));
}
