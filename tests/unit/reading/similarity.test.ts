import { describe, expect, test } from 'vitest';
import { bestMatch, bigramsOf, NEAR_IDENTICAL_SCORE, normaliseForComparison, overlap, similarity } from '../../../src/lib/reading/similarity.ts';
import { NOTE_A, NOTE_A_LIGHTLY_EDITED, NOTE_A_PADDED, NOTE_A_REARRANGED, NOTE_B } from '../../support/note-samples.ts';

/** Shared over union: the textbook measure, kept here only to show why it was not chosen. */
function jaccard(a: string, b: string): number {
  const [x, y] = [bigramsOf(a), bigramsOf(b)];
  const shared = [...x].filter((g) => y.has(g)).length;
  return shared / (x.size + y.size - shared);
}

describe('normaliseForComparison', () => {
  test('drops whitespace, punctuation and symbols, folds full-width forms and letter case', () => {
    expect(normaliseForComparison('读书，明理。\n 学习ＡＢＣ！ “为民” abc')).toBe('读书明理学习abc为民abc');
  });
});

describe('bigramsOf', () => {
  test('pairs adjacent characters, counting a character outside the BMP (CJK extension B) as one', () => {
    expect(bigramsOf('弱鸟先飞')).toEqual(new Set(['弱鸟', '鸟先', '先飞']));
    expect(bigramsOf('好𠀀')).toEqual(new Set(['好𠀀']));
    expect(bigramsOf('好')).toEqual(new Set());
  });
});

describe('overlap', () => {
  test('is the shared share of the smaller set, and 0 when either is empty', () => {
    expect(overlap(new Set(['a', 'b']), new Set(['b', 'c', 'd']))).toBe(0.5);
    expect(overlap(new Set(['a']), new Set(['a', 'b', 'c']))).toBe(1);
    expect(overlap(new Set(), new Set(['a']))).toBe(0);
  });
});

describe('the flag threshold', () => {
  test('flags a copy of a classmate’s note with a few words changed', () => {
    expect(similarity(NOTE_A, NOTE_A_LIGHTLY_EDITED)).toBeGreaterThanOrEqual(NEAR_IDENTICAL_SCORE);
  });

  test('flags a copy with its paragraphs reordered and its punctuation changed', () => {
    expect(similarity(NOTE_A, NOTE_A_REARRANGED)).toBeGreaterThanOrEqual(NEAR_IDENTICAL_SCORE);
  });

  test('flags a copy padded with a paragraph of one’s own, which Jaccard would let through', () => {
    expect(similarity(NOTE_A, NOTE_A_PADDED)).toBeGreaterThanOrEqual(NEAR_IDENTICAL_SCORE);
    expect(jaccard(NOTE_A, NOTE_A_PADDED)).toBeLessThan(0.7);
  });

  test('does not flag two notes written independently on the same book', () => {
    const score = similarity(NOTE_A, NOTE_B);
    expect(score).toBeLessThan(NEAR_IDENTICAL_SCORE);
    expect(score).toBeLessThan(0.1);
  });

  test('does not flag a note that quotes the same sentence of the book as a classmate', () => {
    const quote = '“弱鸟可望先飞，至贫可能先富”，关键在于思想上先摆脱贫困。';
    expect(similarity(quote + NOTE_A, quote + NOTE_B)).toBeLessThan(NEAR_IDENTICAL_SCORE);
  });

  test('identical texts score 1 and are flagged however short', () => {
    expect(similarity('认真学习，深受启发。', '认真学习深受启发')).toBe(1);
  });
});

describe('bestMatch', () => {
  test('returns the most similar candidate with its score, or null without candidates', () => {
    const best = bestMatch(NOTE_A_LIGHTLY_EDITED, [
      { body: NOTE_B, ref: 'b' },
      { body: NOTE_A, ref: 'a' },
    ]);
    expect(best?.ref).toBe('a');
    expect(best?.score).toBeGreaterThan(0.8);
    expect(bestMatch(NOTE_A, [])).toBeNull();
  });
});
