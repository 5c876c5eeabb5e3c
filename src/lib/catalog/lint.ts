/**
 * Checks a lesson's MDX body against the trainer's rules (content/README.md): only our components,
 * with their required attributes; no imports, `{}` expressions or raw HTML. The MDX compiler accepts
 * some of these and the page then fails at request time, so `npm test` runs this over all content.
 */

export interface LintProblem {
  /** 1-based line in the file (pass the body's first line to `lintLessonBody`). */
  line: number;
  message: string;
}

export interface ComponentRule {
  required: string[];
  optional: string[];
  /** Allowed values per attribute, where they are fixed. */
  values?: Record<string, string[]>;
}

/** Components of src/components/mdx/index.ts and their attributes. */
export const COMPONENT_RULES = {
  KeyPoint: { required: [], optional: ['title'] },
  Timeline: { required: [], optional: [] },
  TimelineItem: { required: ['date', 'title'], optional: [] },
  Figure: { required: ['src', 'alt', 'caption', 'source'], optional: ['width', 'height'] },
  Quote: { required: ['by'], optional: ['source'] },
  Media: { required: ['kind', 'src'], optional: ['title', 'captions'], values: { kind: ['video', 'audio'] } },
  Reflection: { required: [], optional: [] },
  Term: { required: ['def'], optional: [] },
} satisfies Record<string, ComponentRule>;

export type ComponentName = keyof typeof COMPONENT_RULES;

/** The rule for a component name as written, or undefined when there is no such component. */
export function componentRule(name: string): ComponentRule | undefined {
  return Object.hasOwn(COMPONENT_RULES, name) ? COMPONENT_RULES[name as ComponentName] : undefined;
}

const OPENING_TAG = /<([A-Za-z][\w.]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|\{[^}]*\}))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|(\{[^}]*\})))?/g;

function checkTag(name: string, attributes: string): string[] {
  if (/^[a-z]/.test(name)) return [`不要直接写 HTML 标签 <${name}>：请用 Markdown 或讲堂组件（见 content/README.md）。`];
  const rule = componentRule(name);
  if (!rule) return [`没有名为 <${name}> 的组件。可用的有：${Object.keys(COMPONENT_RULES).join('、')}。`];
  const problems: string[] = [];
  const given = new Map<string, string | undefined>();
  for (const [, attr, double, single] of attributes.matchAll(ATTRIBUTE)) given.set(attr!, double ?? single);
  for (const attr of rule.required) {
    if (!given.get(attr)?.trim()) problems.push(`<${name}> 缺少 ${attr}="…"。`);
  }
  for (const [attr, value] of given) {
    if (!rule.required.includes(attr) && !rule.optional.includes(attr)) {
      problems.push(`<${name}> 没有 ${attr} 这个属性；可用的有：${[...rule.required, ...rule.optional].join('、') || '（无）'}。`);
    } else if (value !== undefined && rule.values?.[attr] && !rule.values[attr].includes(value)) {
      problems.push(`<${name}> 的 ${attr} 只能是 ${rule.values[attr].join(' 或 ')}，现在是“${value}”。`);
    }
  }
  return problems;
}

/** Blanks out fenced and inline code (keeping line breaks), where the rules do not apply. */
function withoutCode(body: string): string {
  const blank = (code: string) => code.replace(/[^\n]/g, ' ');
  return body.replace(/^\s*```[\s\S]*?^\s*```.*$/gm, blank).replace(/`[^`\n]*`/g, blank);
}

/** Problems in a lesson body, in order; an empty list means the lesson follows the rules. */
export function lintLessonBody(body: string, firstLine = 1): LintProblem[] {
  const prose = withoutCode(body);
  const lineAt = (index: number) => firstLine + (prose.slice(0, index).match(/\n/g)?.length ?? 0);
  const problems: LintProblem[] = [];
  for (const m of prose.matchAll(/^(?:import|export)\s/gm)) {
    problems.push({ line: lineAt(m.index), message: '不要写 import 或 export：讲堂组件不用引入就能用。' });
  }
  for (const m of prose.matchAll(OPENING_TAG)) {
    for (const message of checkTag(m[1]!, m[2] ?? '')) problems.push({ line: lineAt(m.index), message });
  }
  for (const m of prose.matchAll(/[{}]/g)) {
    problems.push({ line: lineAt(m.index), message: '正文和组件属性里不能有花括号 { }：属性值请用英文双引号，正文里请改用其他括号。' });
  }
  return problems.sort((a, b) => a.line - b.line);
}
