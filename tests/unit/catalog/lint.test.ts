import { describe, expect, test } from 'vitest';
import { lintLessonBody } from '../../../src/lib/catalog/lint.ts';

const messages = (body: string) => lintLessonBody(body).map((p) => `${p.line}: ${p.message}`);

describe('lintLessonBody', () => {
  test('accepts prose with our components', () => {
    expect(lintLessonBody('## 标题\n\n<KeyPoint title="要点">\n正文。\n</KeyPoint>\n\n<Term def="定义">术语</Term>')).toEqual([]);
  });

  test('reports an unknown component with the line and the components there are', () => {
    expect(messages('第一行\n\n<Callout>注意</Callout>')).toEqual([expect.stringMatching(/^3: 没有名为 <Callout> 的组件。可用的有：KeyPoint/)]);
  });

  test('reports a missing required attribute', () => {
    expect(messages('<Figure src="/a.svg" alt="图" caption="说明" />')).toEqual(['1: <Figure> 缺少 source="…"。']);
  });

  test('reports a media kind other than video or audio', () => {
    expect(messages('<Media kind="movie" src="/a.mp4" />')[0]).toMatch(/kind 只能是 video 或 audio/);
  });

  test('checks a tag written over several lines', () => {
    expect(messages('段落\n\n<Figure\n  src="/a.svg"\n  alt="图"\n  caption="说明"\n/>')).toEqual(['3: <Figure> 缺少 source="…"。']);
  });

  test('refuses raw HTML, imports and braces', () => {
    const problems = messages('import X from "x"\n\n<div>块</div>\n\n数字{1}');
    expect(problems).toEqual([
      expect.stringMatching(/^1: 不要写 import/),
      expect.stringMatching(/^3: 不要直接写 HTML 标签 <div>/),
      expect.stringMatching(/^5: .*花括号/),
      expect.stringMatching(/^5: .*花括号/),
    ]);
  });

  test('leaves code alone', () => {
    expect(lintLessonBody('```\n<div>{x}</div>\n```\n\n行内 `{y}` 代码')).toEqual([]);
  });

  test('counts lines from where the body starts in the file', () => {
    expect(lintLessonBody('<Quote>无出处</Quote>', 7)[0]?.line).toBe(7);
  });
});
