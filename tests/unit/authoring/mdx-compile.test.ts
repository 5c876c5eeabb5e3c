import { describe, expect, test } from 'vitest';
import { compileLessonMdx, compileLessonMdxCached, type CompileResult, type RenderNode } from '../../../src/lib/authoring/mdx/compile.ts';
import { CONTENT_ROOTS, readContent } from '../catalog/content-files.ts';

const CHINESE = /[\u4e00-\u9fff]/;

function problemsOf(source: string) {
  const result = compileLessonMdx(source);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.nodes)}`);
  return result.problems;
}

/** The one problem of a document, which must be at line:column and say (in Chinese) what is wrong. */
function expectOneProblem(source: string, line: number, column: number, message: RegExp) {
  const problems = problemsOf(source);
  expect(problems).toHaveLength(1);
  expect(problems[0]).toEqual({ line, column, message: expect.stringMatching(message) });
  expect(problems[0]!.message).toMatch(CHINESE);
}

function nodesOf(source: string): RenderNode[] {
  const result = compileLessonMdx(source);
  if (!result.ok) throw new Error(`expected the lesson to compile: ${JSON.stringify(result.problems)}`);
  return result.nodes;
}

function allHtml(nodes: RenderNode[]): string[] {
  return nodes.flatMap((node) => (node.type === 'html' ? [node.html] : allHtml(node.children)));
}

const FIGURE = 'alt="图" caption="说明" source="来源"';

describe('compileLessonMdx refuses code', () => {
  test('an import', () => expectOneProblem('# 标题\n\nimport X from "x"', 3, 1, /不要写 import 或 export/));
  test('an export', () => expectOneProblem('段落\n\nexport const a = 1', 3, 1, /不要写 import 或 export/));
  test('a flow expression', () => expectOneProblem('段落\n\n{1 + 1}', 3, 1, /花括号/));
  test('an inline expression', () => expectOneProblem('第一行\n数字是{count}个', 2, 4, /花括号/));
  test('an attribute value expression', () => expectOneProblem('<Term def={x}>词</Term>', 1, 7, /def 不能用花括号/));
  test('a spread attribute', () => expectOneProblem('<Quote by="某人" {...props}>话</Quote>', 1, 16, /展开属性/));
});

describe('compileLessonMdx refuses HTML and unknown components', () => {
  test('<script>', () => expectOneProblem('段落\n\n<script>alert(1)</script>', 3, 1, /不能写 <script>/));
  test('<style>', () => expectOneProblem('<style>body</style>', 1, 1, /不能写 <style>/));
  test('<iframe>', () => expectOneProblem('看视频：\n\n<iframe src="https://evil.example" />', 3, 1, /不能嵌入 <iframe>/));
  test('<div>', () => expectOneProblem('  <div>块</div>', 1, 3, /不要直接写 HTML 标签 <div>/));
  test('an inline HTML tag', () => expectOneProblem('一段<b>粗体</b>文字', 1, 3, /不要直接写 HTML 标签 <b>/));
  test('an unknown component', () => expectOneProblem('<Callout>注意</Callout>', 1, 1, /没有名为 <Callout> 的组件。可用的有：KeyPoint/));
  test('a member name', () => expectOneProblem('<a.b>x</a.b>', 1, 1, /组件名里不能有/));
  test('a namespaced name', () => expectOneProblem('<x:y />', 1, 1, /组件名里不能有/));
  test('a fragment', () => expectOneProblem('<>x</>', 1, 1, /空标签/));
  test('an HTML comment', () => expectOneProblem('段落\n\n<!-- 备注 -->', 3, 1, /HTML 注释/));
});

describe('compileLessonMdx checks attributes', () => {
  test.each(['onClick', 'onclick', 'onError', 'ONMOUSEOVER'])('refuses the event handler %s', (name) => {
    expectOneProblem(`<Term def="d" ${name}="alert(1)">词</Term>`, 1, 15, new RegExp(`不能写 ${name} 这样的事件属性`));
  });

  test('refuses an attribute the component does not have', () => {
    expectOneProblem('<KeyPoint color="red">x</KeyPoint>', 1, 11, /<KeyPoint> 没有 color 这个属性；可用的有：title/);
  });

  test('refuses a missing required attribute, at the tag', () => {
    expectOneProblem('段落\n\n<Figure src="/a.svg" alt="图" caption="说明" />', 3, 1, /<Figure> 缺少 source="…"/);
  });

  test('refuses an empty required attribute', () => expectOneProblem('<Quote by=" ">话</Quote>', 1, 1, /<Quote> 缺少 by="…"/));

  test('refuses a media kind other than video or audio', () => {
    expectOneProblem('<Media kind="gif" src="/a.gif" />', 1, 8, /kind 只能是 video 或 audio，现在是“gif”/);
  });

  test('refuses a figure width that is not a positive whole number', () => {
    expectOneProblem(`<Figure src="/a.svg" ${FIGURE} width="abc" />`, 1, 55, /width 只能是正整数/);
    expect(problemsOf(`<Figure src="/a.svg" ${FIGURE} height="-3" />`)[0]!.message).toMatch(/height 只能是正整数/);
    expect(problemsOf(`<Figure src="/a.svg" ${FIGURE} width="1e3" />`)[0]!.message).toMatch(/width 只能是正整数/);
  });

  test('refuses an attribute written twice', () => {
    expectOneProblem('<KeyPoint title="一" title="二">x</KeyPoint>', 1, 21, /title 写了两次/);
  });
});

describe('compileLessonMdx refuses unsafe addresses', () => {
  test('a javascript: link in Markdown', () => {
    expectOneProblem('第一段\n\n请点[这里](javascript:alert(1))。', 3, 3, /地址“javascript:alert\(1\)”不能用：链接只能以/);
  });

  test('a javascript: figure src', () => {
    expectOneProblem(`<Figure src="javascript:alert(1)" ${FIGURE} />`, 1, 9, /src="javascript:alert\(1\)" 不能用：图片和音视频地址只能是/);
  });

  test.each([
    ['a tab inside the scheme', `<Figure src="java\tscript:alert(1)" ${FIGURE} />`, 9],
    ['a character reference, as it arrives in an attribute', `<Figure src="&#106;avascript:alert(1)" ${FIGURE} />`, 9],
    ['a hexadecimal reference without semicolon', `<Figure src="&#x6A avascript:alert(1)" ${FIGURE} />`, 9],
    ['leading spaces and capitals', '[x](< JAVASCRIPT:alert(1)>)', 1],
    ['a newline inside the scheme', `<Figure src="java\nscript:alert(1)" ${FIGURE} />`, 9],
    ['a reference in a Markdown link', '[x](&#106;avascript:alert(1))', 1],
    ['an encoded tab in a Markdown link', '[x](java&#9;script:alert(1))', 1],
    ['a control character in front', `<Figure src="\u0001javascript:alert(1)" ${FIGURE} />`, 9],
  ])('an obfuscated javascript: address (%s)', (_case, source, column) => {
    expectOneProblem(source, 1, column, /不能用/);
  });

  test('a data: image', () => expectOneProblem('![图](data:image/svg+xml;base64,PHN2Zz4=)', 1, 1, /地址“data:image\/svg\+xml;base64,PHN2Zz4=”不能用：图片和音视频地址/));
  test('a vbscript: link', () => expectOneProblem('[x](vbscript:msgbox(1))', 1, 1, /vbscript:msgbox\(1\)”不能用/));
  test('a data: link', () => expectOneProblem('[x](data:text/html,<script>alert(1)</script>)', 1, 1, /不能用/));

  test('a reference-style link definition', () => {
    expectOneProblem('见[资料][1]。\n\n[1]: javascript:alert(1)', 3, 1, /地址“javascript:alert\(1\)”不能用：链接只能以/);
  });

  test('an image definition, checked as an image address', () => {
    expectOneProblem('![图][pic]\n\n[pic]: mailto:a@b.cn', 3, 1, /图片和音视频地址/);
  });

  test('an autolink <javascript:…>, which MDX does not even parse', () => {
    expectOneProblem('请看 <javascript:alert(1)>', 1, 21, /标签里不能出现“\(”/);
  });

  test('a protocol-relative or http: media address', () => {
    expect(problemsOf('<Media kind="video" src="//evil.example/v.mp4" />')[0]!.message).toMatch(/src="\/\/evil.example\/v.mp4" 不能用/);
    expect(problemsOf('<Media kind="video" src="http://a.cn/v.mp4" />')[0]!.message).toMatch(/不能用/);
    expect(problemsOf('<Media kind="video" src="/v.mp4" captions="javascript:x" />')[0]!.message).toMatch(/captions="javascript:x" 不能用/);
  });

  test('accepts the addresses trainers use', () => {
    nodesOf('[课程](/courses/a) [上文](#top) [网站](https://www.gov.cn) [旧站](http://a.cn) [写信](mailto:a@b.cn) [电话](tel:12345)');
    nodesOf(`<Figure src="https://a.cn/a.png" ${FIGURE} width="640" height="480" />\n\n![图](/a.png)`);
    nodesOf('<Media kind="video" src="/v.mp4" captions="/v.vtt" title="视频" />');
  });
});

describe('compileLessonMdx explains syntax errors', () => {
  test('an unclosed component', () => expectOneProblem('段落\n\n<KeyPoint>\n正文', 3, 1, /<KeyPoint> 没有结束标签：请在内容后面写上 <\/KeyPoint>/));
  test('an unclosed inline component', () => expectOneProblem('这是<Term def="d">词', 1, 3, /<Term> 没有结束标签：写在段落中的组件/));
  test('a mismatched closing tag', () => expectOneProblem('<KeyPoint>\n\n正文\n\n</Quote>', 5, 1, /结束标签 <\/Quote> 和前面的 <KeyPoint> 对不上/));
  test('an unclosed brace', () => expectOneProblem('第一行\n\n价格 {100', 3, 4, /花括号/));
  test('a < that starts no tag', () => expectOneProblem('分数 <3 分', 1, 4, /“<” 后面应该紧跟组件名.*\\</));
  test('an unquoted attribute', () => expectOneProblem('<Term def=定义>词</Term>', 1, 11, /属性值要用英文双引号/));
  test('an unclosed quote', () => expectOneProblem('<Term def="定义>词</Term>', 1, 11, /引号没有配对/));
  test('a stray closing tag', () => expectOneProblem('</KeyPoint>', 1, 2, /多了一个结束标签/));
});

describe('compileLessonMdx on a refused document', () => {
  test('reports every problem, in order', () => {
    const source = 'import X from "x"\n\n<div>块</div>\n\n文字{x}\n\n<Media kind="gif" src="data:x" onPlay="y" />\n\n[x](javascript:y)';
    expect(problemsOf(source).map((p) => `${p.line}:${p.column}`)).toEqual(['1:1', '3:1', '5:3', '7:8', '7:19', '7:32', '9:1']);
  });

  test('yields no part of the lesson', () => {
    const result: CompileResult = compileLessonMdx('## 标题\n\n正文很长。\n\n<script>alert(1)</script>');
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('nodes');
    expect(JSON.stringify(result)).not.toContain('正文很长');
  });

  test('refuses nesting deep enough to exhaust the stack, instead of throwing', () => {
    expectOneProblem('<Term def="d">'.repeat(1000) + '词' + '</Term>'.repeat(1000), 1, 1 + 14 * 39, /嵌套的层次太多/);
    expectOneProblem('<KeyPoint>\n'.repeat(60) + '要点' + '\n</KeyPoint>'.repeat(60), 41, 1, /嵌套的层次太多/);
  });

  test('measures a body before parsing it: the parser slows down badly on long or deeply nested lists and quotes', () => {
    expectOneProblem('正文\n\n' + '>'.repeat(3000) + ' 引文', 3, 1, /嵌套了 3000 层/);
    expectOneProblem('- - - - - 五层\n', 1, 1, /最多 4 层/);
    expectOneProblem('- 一项\n'.repeat(401), 401, 1, /列表项和引文行太多/);
    expectOneProblem('字'.repeat(30_001), 1, 1, /正文太长（30001 个字符）/);
    expect(compileLessonMdx('字'.repeat(30_000)).ok).toBe(true);
    expect(compileLessonMdx('> - > - 四层\n'.repeat(400)).ok).toBe(true);
  });

  test('still reports problems inside a refused element', () => {
    expect(problemsOf('<div>\n[x](javascript:y)\n</div>').map((p) => p.line)).toEqual([1, 2]);
  });
});

describe('compileLessonMdx on hostile input', () => {
  const NASTY = [
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '<img src="x" onerror="alert(1)" />',
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '![x](javascript:alert(1))',
    '<a href="javascript:alert(1)">x</a>',
    '<Term def="x" onClick="alert(1)">词</Term>',
    '<Term def="&quot; onmouseover=&quot;alert(1)">词</Term>',
    '<Term def="\'><script>alert(1)</script>">词</Term>',
    '<Figure src="/a.png" alt="&quot;><script>alert(1)</script>" caption="c" source="s" />',
    '文字 &lt;script&gt;alert(1)&lt;/script&gt;',
    '`<script>alert(1)</script>`',
    '```html\n<script>alert(1)</script>\n```',
    '    <script>alert(1)</script>',
    '\\<script>alert(1)\\</script>',
    '[x](https://a.cn" onclick="alert(1))',
    '[x]: <javascript:alert(1)>\n\n[y][x]',
    '| a |\n|---|\n| <script>alert(1)</script> |',
    '> <Term def="x">词</Term> <style>x</style>',
    '<KeyPoint title="t">\n<Reflection>\n[x](data:text/html,hi)\n</Reflection>\n</KeyPoint>',
    '[x](/\\evil.example)',
    '[x](//evil.example)',
    'www.example.com and https://example.com',
    '脚注[^1]\n\n[^1]: <script>x</script>',
  ];

  test.each(NASTY)('never lets script, event handlers or unsafe addresses through: %s', (source) => {
    const result = compileLessonMdx(source);
    if (!result.ok) {
      expect(result.problems.length).toBeGreaterThan(0);
      return;
    }
    for (const html of allHtml(result.nodes)) {
      expect(html).not.toMatch(/<script|<style|<iframe/i);
      expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]*\s*=/i);
      expect(html).not.toMatch(/javascript:|vbscript:|data:/i);
      for (const [, url] of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) expect(url).toMatch(/^(?:https?:|mailto:|tel:|#|\/(?![/\\]))/);
    }
  });
});

describe('compileLessonMdx on valid lessons', () => {
  const lessons = readContent(CONTENT_ROOTS[0]!).lessons;

  test('finds the real lessons', () => expect(lessons.length).toBeGreaterThan(10));

  test.each(lessons.map((l) => [l.filePath, l.body]))('compiles %s', (_path, body) => {
    const result = compileLessonMdx(body);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  test('renders Markdown like Markdown', () => {
    const html = allHtml(nodesOf('## 标题\n\n- 一\n- **二**\n\n1. 甲\n\n> 引文\n\n`代码` *强调*\n\n| 列 | 值 |\n|---|---|\n| a | 1 |')).join('');
    expect(html).toContain('<h2>标题</h2>');
    expect(html).toContain('<ul>\n<li>一</li>\n<li><strong>二</strong></li>\n</ul>');
    expect(html).toContain('<ol>\n<li>甲</li>\n</ol>');
    expect(html).toContain('<blockquote>\n<p>引文</p>\n</blockquote>');
    expect(html).toContain('<p><code>代码</code> <em>强调</em></p>');
    expect(html).toContain('<table>');
    expect(html).toContain('<td>a</td>');
  });

  test('keeps a paragraph whole around an inline Term', () => {
    expect(nodesOf('这就是<Term def="1935年的会议。">瓦窑堡会议</Term>，很重要。')).toEqual([
      { type: 'html', html: '<p>这就是' },
      { type: 'component', name: 'Term', props: { def: '1935年的会议。' }, children: [{ type: 'html', html: '瓦窑堡会议' }] },
      { type: 'html', html: '，很重要。</p>' },
    ]);
  });

  test('nests TimelineItems with Markdown inside a Timeline', () => {
    const nodes = nodesOf('<Timeline>\n<TimelineItem date="1936年2月20日" title="东渡黄河">\n红军**渡河**。\n</TimelineItem>\n<TimelineItem date="3月" title="兑九峪">激战。</TimelineItem>\n</Timeline>');
    expect(nodes).toEqual([
      {
        type: 'component', name: 'Timeline', props: {}, children: [
          { type: 'component', name: 'TimelineItem', props: { date: '1936年2月20日', title: '东渡黄河' }, children: [{ type: 'html', html: '<p>红军<strong>渡河</strong>。</p>' }] },
          { type: 'component', name: 'TimelineItem', props: { date: '3月', title: '兑九峪' }, children: [{ type: 'html', html: '激战。' }] },
        ],
      },
    ]);
  });

  test('keeps a list inside a KeyPoint', () => {
    expect(nodesOf('<KeyPoint title="三要素">\n- 名义\n- 签署人\n</KeyPoint>')).toEqual([
      { type: 'component', name: 'KeyPoint', props: { title: '三要素' }, children: [{ type: 'html', html: '<ul>\n<li>名义</li>\n<li>签署人</li>\n</ul>' }] },
    ]);
  });

  test('writes a component alone on its line as a block, as published lessons do', () => {
    expect(nodesOf('<Reflection>想一想？</Reflection>')).toEqual([
      { type: 'component', name: 'Reflection', props: {}, children: [{ type: 'html', html: '想一想？' }] },
    ]);
  });

  test('gives a self-closing component no children', () => {
    expect(nodesOf(`<Figure src="/a.svg" ${FIGURE} width="640" />`)).toEqual([
      { type: 'component', name: 'Figure', props: { src: '/a.svg', alt: '图', caption: '说明', source: '来源', width: '640' }, children: [] },
    ]);
  });
});

describe('compileLessonMdxCached', () => {
  test('returns the same result object for the same source', () => {
    const source = `缓存测试 ${Math.random()}\n\n<Reflection>问题</Reflection>`;
    const first = compileLessonMdxCached(source);
    expect(compileLessonMdxCached(source)).toBe(first);
    expect(first).toEqual(compileLessonMdx(source));
  });

  test('caches refusals too', () => {
    const source = `<script>${Math.random()}</script>`;
    expect(compileLessonMdxCached(source)).toBe(compileLessonMdxCached(source));
  });

  test('keeps recently used bodies while evicting old ones', () => {
    const kept = `常用 ${Math.random()}`;
    const first = compileLessonMdxCached(kept);
    const old = `冷门 ${Math.random()}`;
    const oldResult = compileLessonMdxCached(old);
    for (let i = 0; i < 600; i++) {
      compileLessonMdxCached(`填充 ${i}`);
      if (i % 100 === 0) compileLessonMdxCached(kept);
    }
    expect(compileLessonMdxCached(kept)).toBe(first);
    expect(compileLessonMdxCached(old)).not.toBe(oldResult);
  });
});
