import type { Nodes, Root } from 'mdast';

/**
 * Lessons nest a few levels (a list in a KeyPoint in a Timeline); hundreds of levels can only be a
 * mistake or an attack, and would overflow the stack of the recursive steps that follow.
 */
export const MAX_NESTING_DEPTH = 40;

/** The first node nested deeper than MAX_NESTING_DEPTH, found without recursion; null if none. */
export function tooDeeplyNested(tree: Root): Nodes | null {
  const pending: Array<[Nodes, number]> = [[tree, 0]];
  while (pending.length) {
    const [node, depth] = pending.pop()!;
    if (depth > MAX_NESTING_DEPTH) return node;
    if ('children' in node) for (const child of node.children) pending.push([child, depth + 1]);
  }
  return null;
}
