import { describe, expect, test } from 'vitest';
import { extractTerms, plainTextFromMdx, termAnchor } from '../../../src/lib/catalog/mdx-text.ts';

describe('plainTextFromMdx', () => {
  test('drops Markdown markup and keeps the words', () => {
    const body = '## 一、标题\n\n**一是**为抗日开路。\n\n- 第一条\n- 第二条\n\n> 引文\n\n[链接文字](https://example.org)';
    expect(plainTextFromMdx(body)).toBe('一、标题 一是为抗日开路。 第一条 第二条 引文 链接文字');
  });

  test('keeps the text inside components and the captions a reader sees, not file paths', () => {
    const body = '<Figure src="/courses/x/route.svg" alt="路线示意图" caption="红军东征路线" source="本课程自绘" />\n\n<KeyPoint title="要点">\n东征是战略决策。\n</KeyPoint>';
    const text = plainTextFromMdx(body);
    expect(text).toBe('路线示意图 红军东征路线 本课程自绘 要点 东征是战略决策。');
    expect(text).not.toContain('route.svg');
  });

  test('joins text around an inline term without a gap, so phrases still match', () => {
    expect(plainTextFromMdx('召开了<Term def="定义">瓦窑堡会议</Term>，确定方针。')).toBe('召开了瓦窑堡会议，确定方针。');
  });

  test('keeps the date and title of a timeline event', () => {
    expect(plainTextFromMdx('<TimelineItem date="1936年3月10日" title="兑九峪之战">激战。</TimelineItem>')).toBe('1936年3月10日 兑九峪之战 激战。');
  });
});

describe('extractTerms', () => {
  test('lists each term once, in order of first use, with its definition', () => {
    const body = '<Term def="甲的定义">甲</Term>和<Term def="乙的定义">乙</Term>，又见<Term def="另一个定义">甲</Term>。';
    expect(extractTerms(body)).toEqual([{ term: '甲', def: '甲的定义' }, { term: '乙', def: '乙的定义' }]);
  });

  test('finds none in a lesson without terms', () => {
    expect(extractTerms('只有正文。')).toEqual([]);
  });
});

describe('termAnchor', () => {
  test('gives one anchor per term, without spaces', () => {
    expect(termAnchor('三会 一课')).toBe('term-三会一课');
  });
});
