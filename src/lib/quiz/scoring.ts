import { z } from 'zod';
import { ValidationError } from '../errors.ts';
import { MAX_DRAW, MAX_OPTIONS, type QuizBank } from './bank-schema.ts';
import { keyOf, resolvePaper, type Paper } from './paper.ts';

/**
 * Answers as the browser sends them: per question the chosen DISPLAYED positions (0 = the first
 * option on screen). Questions left blank may be omitted.
 */
export const answersSchema = z
  .array(
    z.strictObject({
      questionId: z.string().min(1).max(40),
      // Room for a repeated choice or two; repeats are collapsed when scoring.
      choices: z.array(z.number().int().min(0).max(MAX_OPTIONS - 1)).max(MAX_OPTIONS * 2),
    }),
  )
  .max(MAX_DRAW);

export type SubmittedAnswers = z.output<typeof answersSchema>;

export interface QuestionResult {
  questionId: string;
  /** Displayed positions the candidate chose, sorted, without repeats. */
  chosen: number[];
  /** Displayed positions of the right options, sorted. */
  correctChoices: number[];
  correct: boolean;
}

export interface Score {
  correct: number;
  total: number;
  /** Whole percent, rounded down, so 59.9 % never reaches a pass mark of 60. */
  scorePercent: number;
  passed: boolean;
  perQuestion: QuestionResult[];
}

/**
 * Refuses answers that do not fit the paper: a question that is not on it (a stale page or a forged
 * request; ignoring it would hide the mistake), a question answered twice, a position past its options.
 */
export function checkAnswersMatchPaper(paper: Paper, answers: SubmittedAnswers): void {
  const numberOf = new Map(paper.map((item, i) => [item.questionId, i + 1]));
  const seen = new Set<string>();
  for (const { questionId, choices } of answers) {
    const number = numberOf.get(questionId);
    if (number === undefined) throw new ValidationError(`答卷里有一道不在本次试卷上的题（${questionId}）。请刷新页面后重新作答。`);
    if (seen.has(questionId)) throw new ValidationError(`第 ${number} 题的答案提交了两次。`);
    seen.add(questionId);
    const optionCount = paper[number - 1]!.optionOrder.length;
    const bad = choices.find((c) => !Number.isInteger(c) || c < 0 || c >= optionCount);
    if (bad !== undefined) throw new ValidationError(`第 ${number} 题只有 ${optionCount} 个选项，选项序号 ${bad} 无效。`);
  }
}

const sortedUnique = (values: Iterable<number>) => [...new Set(values)].sort((a, b) => a - b);

/**
 * Scores a paper against the current bank. Every question is all-or-nothing: right iff the chosen set
 * equals the set of right options (one option for single choice and true/false). Blank counts as wrong.
 */
export function scorePaper(bank: QuizBank, paper: Paper, answers: SubmittedAnswers): Score {
  checkAnswersMatchPaper(paper, answers);
  const choicesOf = new Map(answers.map((a) => [a.questionId, a.choices]));
  const perQuestion = resolvePaper(bank, paper).map(({ item, question }): QuestionResult => {
    const key = new Set(keyOf(question));
    const chosen = sortedUnique(choicesOf.get(item.questionId) ?? []);
    const correctChoices = item.optionOrder.flatMap((bankIndex, position) => (key.has(bankIndex) ? [position] : []));
    const correct = chosen.length === correctChoices.length && chosen.every((c, i) => c === correctChoices[i]);
    return { questionId: item.questionId, chosen, correctChoices, correct };
  });
  const correct = perQuestion.filter((q) => q.correct).length;
  const total = perQuestion.length;
  const scorePercent = Math.floor((correct * 100) / total);
  return { correct, total, scorePercent, passed: scorePercent >= bank.passMark, perQuestion };
}
