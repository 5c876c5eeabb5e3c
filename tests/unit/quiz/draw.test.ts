import { afterEach, describe, expect, test, vi } from 'vitest';
import { cryptoRandomInt, drawPaper, shuffledPrefix } from '../../../src/lib/quiz/draw.ts';
import { paperSchema } from '../../../src/lib/quiz/paper.ts';
import { bank, multiple, seededRandom, single, trueFalse } from './factories.ts';

const twelve = () => [
  ...Array.from({ length: 6 }, (_, i) => single(`s${i}`)),
  ...Array.from({ length: 3 }, (_, i) => multiple(`m${i}`)),
  ...Array.from({ length: 3 }, (_, i) => trueFalse(`t${i}`, i % 2 === 0)),
];
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

afterEach(() => vi.restoreAllMocks());

describe('drawPaper', () => {
  test('draws as many questions as the bank says, each once', () => {
    const paper = drawPaper(bank({ draw: 5 }, twelve()), seededRandom(1));
    expect(paper).toHaveLength(5);
    expect(new Set(paper.map((p) => p.questionId)).size).toBe(5);
  });

  test('repeats exactly with the same seed and differs with another', () => {
    const quiz = bank({ draw: 8 }, twelve());
    expect(drawPaper(quiz, seededRandom(7))).toEqual(drawPaper(quiz, seededRandom(7)));
    expect(drawPaper(quiz, seededRandom(7))).not.toEqual(drawPaper(quiz, seededRandom(8)));
  });

  test('shuffles the order of the questions even when it draws them all', () => {
    const quiz = bank({ draw: 12 }, twelve());
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => drawPaper(quiz, seededRandom(seed)).map((p) => p.questionId).join()));
    expect(orders.size).toBeGreaterThan(15);
  });

  test('gives every choice question a permutation of its options, and true/false always 正确 then 错误', () => {
    const quiz = bank({ draw: 12 }, twelve());
    for (const { questionId, optionOrder } of drawPaper(quiz, seededRandom(3))) {
      const count = questionId.startsWith('s') ? 4 : questionId.startsWith('m') ? 5 : 2;
      expect(sorted(optionOrder)).toEqual(Array.from({ length: count }, (_, i) => i));
      if (questionId.startsWith('t')) expect(optionOrder).toEqual([0, 1]);
    }
  });

  test('shuffles the options of choice questions', () => {
    const quiz = bank({ draw: 1 }, [single('s1')]);
    const orders = new Set(Array.from({ length: 50 }, (_, seed) => drawPaper(quiz, seededRandom(seed))[0]!.optionOrder.join()));
    expect(orders.size).toBeGreaterThan(12); // of the 24 orders of four options
  });

  test('picks each question about equally often', () => {
    const quiz = bank({ draw: 2 }, Array.from({ length: 5 }, (_, i) => single(`s${i}`)));
    const random = seededRandom(42);
    const counts = new Map<string, number>();
    for (let i = 0; i < 5000; i++) for (const p of drawPaper(quiz, random)) counts.set(p.questionId, (counts.get(p.questionId) ?? 0) + 1);
    // Expected 2000 each (5000 papers × 2 of 5); ±8 % is far outside chance for a fair draw.
    for (const count of counts.values()) expect(Math.abs(count - 2000)).toBeLessThan(160);
  });

  test('makes a paper that survives JSON and reads back through paperSchema', () => {
    const paper = drawPaper(bank({ draw: 12 }, twelve()), seededRandom(5));
    expect(paperSchema.parse(JSON.parse(JSON.stringify(paper)))).toEqual(paper);
  });

  test('uses crypto.getRandomValues by default, never Math.random', () => {
    const mathRandom = vi.spyOn(Math, 'random');
    const cryptoRandom = vi.spyOn(crypto, 'getRandomValues');
    expect(drawPaper(bank({ draw: 3 }, twelve()))).toHaveLength(3);
    expect(cryptoRandom).toHaveBeenCalled();
    expect(mathRandom).not.toHaveBeenCalled();
  });
});

describe('cryptoRandomInt', () => {
  test('returns integers below the bound and reaches each of them', () => {
    const seen = new Set(Array.from({ length: 500 }, () => cryptoRandomInt(6)));
    expect(sorted([...seen])).toEqual([0, 1, 2, 3, 4, 5]);
  });

  test('refuses a bound below 1', () => {
    expect(() => cryptoRandomInt(0)).toThrow(RangeError);
  });
});

describe('shuffledPrefix', () => {
  test('keeps the order when the random source always says 0', () => {
    expect(shuffledPrefix(['a', 'b', 'c'], 3, () => 0)).toEqual(['a', 'b', 'c']);
  });

  test('refuses a random source that answers out of range, rather than drawing a broken paper', () => {
    expect(() => shuffledPrefix(['a', 'b'], 2, (n) => n)).toThrow(RangeError);
  });

  test('refuses to take more items than there are', () => {
    expect(() => shuffledPrefix(['a'], 2, () => 0)).toThrow(RangeError);
  });
});
