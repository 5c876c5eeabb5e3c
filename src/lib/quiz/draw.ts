import type { QuizBank } from './bank-schema.ts';
import { optionsOf, type Paper } from './paper.ts';

/** A source of randomness: an integer in [0, below), each value equally likely. */
export type RandomInt = (below: number) => number;

const UINT32_RANGE = 2 ** 32;

/** Uniform integer from `crypto.getRandomValues`, rejecting the top sliver of values that would bias `% below`. */
export const cryptoRandomInt: RandomInt = (below) => {
  if (!Number.isInteger(below) || below < 1 || below > UINT32_RANGE) throw new RangeError(`cryptoRandomInt: bad bound ${below}`);
  const limit = UINT32_RANGE - (UINT32_RANGE % below);
  const word = new Uint32Array(1);
  do {
    crypto.getRandomValues(word);
  } while (word[0]! >= limit);
  return word[0]! % below;
};

/**
 * The first `count` items of a uniform Fisher–Yates shuffle: a uniformly random ordered selection
 * without replacement (`count = items.length` shuffles the whole list).
 */
export function shuffledPrefix<T>(items: readonly T[], count: number, random: RandomInt): T[] {
  if (count > items.length) throw new RangeError(`cannot take ${count} of ${items.length} items`);
  const list = [...items];
  for (let i = 0; i < count; i++) {
    const j = i + random(list.length - i);
    if (!Number.isInteger(j) || j < i || j >= list.length) throw new RangeError(`random(${list.length - i}) returned ${j - i}`);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list.slice(0, count);
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/**
 * Draws `bank.draw` questions in random order, with the options of choice questions shuffled too;
 * true/false keeps 正确 before 错误. Pass a seeded `random` in tests.
 */
export function drawPaper(bank: QuizBank, random: RandomInt = cryptoRandomInt): Paper {
  return shuffledPrefix(bank.questions, bank.draw, random).map((question) => {
    const count = optionsOf(question).length;
    return { questionId: question.id, optionOrder: question.type === 'truefalse' ? range(count) : shuffledPrefix(range(count), count, random) };
  });
}
