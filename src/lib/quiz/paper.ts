import { z } from 'zod';
import { ConflictError } from '../errors.ts';
import { MAX_DRAW, MAX_OPTIONS, type BankQuestion, type QuizBank } from './bank-schema.ts';

/**
 * A paper is one attempt's questions in the order shown, each with the order its options are shown
 * in: `optionOrder[p]` is the bank index of the option displayed at position `p`. It holds ids and
 * indices only (no text, no key), so it is stored with the attempt as JSON and read back with
 * `paperSchema`; texts and the key always come from the current bank.
 */
export const paperSchema = z
  .array(
    z.strictObject({
      questionId: z.string().min(1).max(40),
      optionOrder: z.array(z.number().int().min(0).max(MAX_OPTIONS - 1)).max(MAX_OPTIONS),
    }),
  )
  .min(1)
  .max(MAX_DRAW);

export type Paper = z.output<typeof paperSchema>;
export type PaperItem = Paper[number];

/** What a true/false question shows; position 0 means true, 1 means false. */
export const TRUE_FALSE_OPTIONS = ['正确', '错误'] as const;

/** The option texts of a question in bank order. */
export function optionsOf(question: BankQuestion): readonly string[] {
  return question.type === 'truefalse' ? TRUE_FALSE_OPTIONS : question.options;
}

/** Bank indices of the right options. */
export function keyOf(question: BankQuestion): number[] {
  return question.type === 'truefalse' ? [question.answer ? 0 : 1] : question.answer;
}

/** The bank changed under a paper (a question removed, its options added or dropped): it cannot be shown or scored. */
export class PaperOutdatedError extends ConflictError {
  constructor() {
    super('题库在您答题期间更新了，这份试卷已失效，请重新开始测验。');
  }
}

/** Pairs each paper item with its bank question, checking that the paper still fits the bank. */
export function resolvePaper(bank: QuizBank, paper: Paper): Array<{ item: PaperItem; question: BankQuestion }> {
  const byId = new Map(bank.questions.map((q) => [q.id, q]));
  const seen = new Set<string>();
  return paper.map((item) => {
    const question = byId.get(item.questionId);
    if (!question || seen.has(item.questionId) || !isPermutation(item.optionOrder, optionsOf(question).length)) throw new PaperOutdatedError();
    seen.add(item.questionId);
    return { item, question };
  });
}

function isPermutation(order: readonly number[], length: number): boolean {
  return order.length === length && new Set(order).size === length && order.every((i) => Number.isInteger(i) && i >= 0 && i < length);
}
