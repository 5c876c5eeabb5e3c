import type { Nodes, Paragraph, Root, RootContent } from 'mdast';

/**
 * MDX's rule for a paragraph made only of components (`<Reflection>问题</Reflection>` on its own
 * line): the components stand as blocks and the paragraph goes, as @mdx-js/mdx does for published
 * lessons. Without this, authored lessons would get a `<p>` around blocks (and a `<li>` in a `<p>`).
 */

function isOnlyComponents(paragraph: Paragraph): boolean {
  let components = 0;
  for (const child of paragraph.children) {
    if (child.type === 'mdxJsxTextElement' || child.type === 'mdxTextExpression') components++;
    else if (child.type !== 'text' || child.value.trim() !== '') return false;
  }
  return components > 0;
}

function unravelled(paragraph: Paragraph): RootContent[] {
  const blocks: RootContent[] = [];
  for (const child of paragraph.children) {
    if (child.type === 'mdxJsxTextElement') blocks.push({ ...child, type: 'mdxJsxFlowElement' } as RootContent);
    else if (child.type === 'mdxTextExpression') blocks.push({ ...child, type: 'mdxFlowExpression' });
  }
  return blocks;
}

/** Unwraps, in place, every paragraph of the tree that holds nothing but components. */
export function unravelComponentParagraphs(node: Root | Nodes): void {
  if (!('children' in node)) return;
  const children = node.children as RootContent[];
  for (let index = 0; index < children.length; index++) {
    const child = children[index]!;
    if (child.type === 'paragraph' && isOnlyComponents(child)) {
      const blocks = unravelled(child);
      children.splice(index, 1, ...blocks);
      index += blocks.length - 1;
    } else {
      unravelComponentParagraphs(child);
    }
  }
}
