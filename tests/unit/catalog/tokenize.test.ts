import { describe, expect, test } from 'vitest';
import { containsAll, querySegments, tokenize } from '../../../src/lib/catalog/tokenize.ts';

describe('tokenize', () => {
  test('cuts Chinese into overlapping pairs of characters', () => {
    expect(tokenize('三中全会')).toEqual(['三中', '中全', '全会']);
  });

  test('keeps a name a dictionary would split, such as 瓦窑堡', () => {
    expect(tokenize('瓦窑堡')).toEqual(['瓦窑', '窑堡']);
  });

  test('keeps Latin words and numbers whole and treats punctuation as a break', () => {
    expect(tokenize('2026年度，PPT')).toEqual(['2026', '年度', 'ppt']);
  });

  test('keeps a lone character as it is', () => {
    expect(tokenize('党')).toEqual(['党']);
  });

  test('reads full-width letters and digits as half-width', () => {
    expect(tokenize('ＷＴＯ２０')).toEqual(['wto20']);
  });
});

describe('querySegments', () => {
  test('splits a query on spaces and Chinese commas', () => {
    expect(querySegments(' 东征  永和，渡口 ')).toEqual(['东征', '永和', '渡口']);
  });
});

describe('containsAll', () => {
  test('is true only when every segment occurs as written', () => {
    expect(containsAll('毛泽东在永和与黄河渡口', ['永和', '渡口'])).toBe(true);
    expect(containsAll('毛泽东在永和与黄河渡口', ['永和渡口'])).toBe(false);
  });
});
