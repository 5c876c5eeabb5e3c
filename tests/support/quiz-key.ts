import { readFileSync } from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { quizBankSchema, type BankQuestion } from '../../src/lib/quiz/bank-schema.ts';
import { keyOf, optionsOf } from '../../src/lib/quiz/paper.ts';

/** The fixture course whose quiz the tests take; its key is read from the file, never from the server. */
export const QUIZ_COURSE = 'fixture-quiz';
const bankFile = path.resolve(import.meta.dirname, '../fixtures/content/courses/fixture-quiz/quiz.yaml');
export const fixtureBank = quizBankSchema.parse(yaml.load(readFileSync(bankFile, 'utf8')));

/** What the browser sees of a question (API JSON or page text). */
export interface ShownQuestion {
  questionId: string;
  options: string[];
}

const questionOf = (id: string): BankQuestion => {
  const q = fixtureBank.questions.find((x) => x.id === id);
  if (!q) throw new Error(`question ${id} is not in the fixture bank`);
  return q;
};

/** Displayed positions of the right options, found by option text (the server shuffles them). */
export function rightChoices(shown: ShownQuestion): number[] {
  const question = questionOf(shown.questionId);
  const texts = optionsOf(question);
  const right = new Set(keyOf(question).map((i) => texts[i]));
  return shown.options.flatMap((text, position) => (right.has(text) ? [position] : []));
}

/** A wrong answer: one option that is not (only) the right set. */
export function wrongChoices(shown: ShownQuestion): number[] {
  const right = rightChoices(shown);
  const wrong = shown.options.findIndex((_, position) => !right.includes(position));
  return [wrong];
}

export const answerAll = (questions: ShownQuestion[], pick: (q: ShownQuestion) => number[]) => questions.map((q) => ({ questionId: q.questionId, choices: pick(q) }));

/** Every explanation of the bank: none may reach the browser before submission. */
export const explanations = fixtureBank.questions.map((q) => q.explanation);
