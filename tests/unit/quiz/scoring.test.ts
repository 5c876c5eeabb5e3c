import { describe, expect, test } from 'vitest';
import { ValidationError } from '../../../src/lib/errors.ts';
import type { Paper } from '../../../src/lib/quiz/paper.ts';
import { answersSchema, checkAnswersMatchPaper, scorePaper } from '../../../src/lib/quiz/scoring.ts';
import { bank, multiple, single, trueFalse } from './factories.ts';

// single s1: options 甲乙丙丁, right = bank index 1 (乙); multiple m1: 甲乙丙丁戊, right = 0, 2, 3; t1: true.
const quiz = bank();
// Displayed: s1 as 丙 乙 丁 甲 (乙 at position 1); m1 as 戊 丁 甲 乙 丙 (right at 1, 2, 4); t1 as 正确 错误.
const paper: Paper = [
  { questionId: 'm1', optionOrder: [4, 3, 0, 1, 2] },
  { questionId: 's1', optionOrder: [2, 1, 3, 0] },
  { questionId: 't1', optionOrder: [0, 1] },
];
const resultOf = (questionId: string, choices: number[]) =>
  scorePaper(quiz, paper, [{ questionId, choices }]).perQuestion.find((q) => q.questionId === questionId)!;

describe('scorePaper', () => {
  test('counts a single choice right when the displayed position shows the right option', () => {
    expect(resultOf('s1', [1])).toEqual({ questionId: 's1', chosen: [1], correctChoices: [1], correct: true });
    expect(resultOf('s1', [0]).correct).toBe(false); // 丙 sits where 乙 is in the bank: shuffling must not be ignored
  });

  test('counts a single choice with a second option ticked as wrong', () => {
    expect(resultOf('s1', [1, 2]).correct).toBe(false);
  });

  test('counts a multiple choice right only for exactly the right set, in any order', () => {
    expect(resultOf('m1', [4, 1, 2])).toMatchObject({ chosen: [1, 2, 4], correctChoices: [1, 2, 4], correct: true });
    expect(resultOf('m1', [1, 2]).correct).toBe(false);
    expect(resultOf('m1', [0, 1, 2, 4]).correct).toBe(false);
  });

  test('reads true/false position 0 as 正确 and 1 as 错误', () => {
    expect(resultOf('t1', [0]).correct).toBe(true);
    expect(resultOf('t1', [1]).correct).toBe(false);
    const falseQuiz = bank({ draw: 1 }, [trueFalse('t1', false)]);
    expect(scorePaper(falseQuiz, [{ questionId: 't1', optionOrder: [0, 1] }], [{ questionId: 't1', choices: [1] }]).perQuestion[0]).toMatchObject({ correctChoices: [1], correct: true });
  });

  test('collapses a choice sent twice', () => {
    expect(resultOf('s1', [1, 1])).toMatchObject({ chosen: [1], correct: true });
  });

  test('counts a question left blank, or sent with no choice, as wrong', () => {
    const score = scorePaper(quiz, paper, [{ questionId: 's1', choices: [] }]);
    expect(score.perQuestion.map((q) => q.correct)).toEqual([false, false, false]);
    expect(score).toMatchObject({ correct: 0, total: 3, scorePercent: 0, passed: false });
  });

  test('adds up the right answers and passes at the pass mark', () => {
    const answers = [
      { questionId: 'm1', choices: [1, 2, 4] },
      { questionId: 's1', choices: [1] },
      { questionId: 't1', choices: [1] },
    ];
    expect(scorePaper(quiz, paper, answers)).toMatchObject({ correct: 2, total: 3, scorePercent: 66, passed: true });
    expect(scorePaper(bank({ passMark: 67 }), paper, answers)).toMatchObject({ scorePercent: 66, passed: false });
  });

  test('rounds the percentage down, so 59.9 % does not reach a pass mark of 60', () => {
    const questions = Array.from({ length: 100 }, (_, i) => trueFalse(`t${i}`, true));
    const hundred = bank({ draw: 100, passMark: 60 }, questions);
    const allTrue: Paper = questions.map((q) => ({ questionId: q.id, optionOrder: [0, 1] }));
    const rightOf = (n: number) => questions.slice(0, n).map((q) => ({ questionId: q.id, choices: [0] }));
    expect(scorePaper(hundred, allTrue, rightOf(59))).toMatchObject({ scorePercent: 59, passed: false });
    expect(scorePaper(hundred, allTrue, rightOf(60))).toMatchObject({ scorePercent: 60, passed: true });
    // 0 of 3 → 0, 1 of 3 → 33 (33.3), 2 of 3 → 66 (66.7)
    expect(scorePaper(bank({ draw: 3 }), paper, [{ questionId: 't1', choices: [0] }]).scorePercent).toBe(33);
  });

  test('scores against the current bank, so a corrected key counts for an attempt in progress', () => {
    const corrected = bank({}, [single('s1', { answer: [2] }), multiple('m1'), trueFalse('t1', true)]);
    expect(scorePaper(corrected, paper, [{ questionId: 's1', choices: [0] }]).perQuestion[1]!.correct).toBe(true);
  });

  test('refuses a paper whose question was removed from the bank since', () => {
    const smaller = bank({ draw: 2 }, [single('s1'), trueFalse('t1', true)]);
    expect(() => scorePaper(smaller, paper, [])).toThrow(/题库在您答题期间更新了/);
  });
});

describe('checkAnswersMatchPaper', () => {
  test('accepts answers for some or all of the questions on the paper', () => {
    expect(() => checkAnswersMatchPaper(paper, [])).not.toThrow();
    expect(() => checkAnswersMatchPaper(paper, [{ questionId: 't1', choices: [1] }])).not.toThrow();
  });

  test('refuses an answer to a question that is not on the paper', () => {
    expect(() => checkAnswersMatchPaper(paper, [{ questionId: 'x9', choices: [0] }])).toThrow(ValidationError);
    expect(() => checkAnswersMatchPaper(paper, [{ questionId: 'x9', choices: [0] }])).toThrow('答卷里有一道不在本次试卷上的题（x9）。请刷新页面后重新作答。');
  });

  test('refuses a question answered twice', () => {
    expect(() => checkAnswersMatchPaper(paper, [{ questionId: 's1', choices: [0] }, { questionId: 's1', choices: [1] }])).toThrow('第 2 题的答案提交了两次。');
  });

  test('refuses a position past the options of that question', () => {
    expect(() => checkAnswersMatchPaper(paper, [{ questionId: 't1', choices: [2] }])).toThrow('第 3 题只有 2 个选项，选项序号 2 无效。');
    expect(() => scorePaper(quiz, paper, [{ questionId: 's1', choices: [4] }])).toThrow(ValidationError);
  });
});

describe('answersSchema', () => {
  test('accepts what the quiz page sends', () => {
    expect(answersSchema.parse([{ questionId: 'q01', choices: [0, 2] }])).toEqual([{ questionId: 'q01', choices: [0, 2] }]);
  });

  test('refuses extra fields, fractions, negative or huge positions', () => {
    expect(answersSchema.safeParse([{ questionId: 'q01', choices: [0], correct: true }]).success).toBe(false);
    expect(answersSchema.safeParse([{ questionId: 'q01', choices: [0.5] }]).success).toBe(false);
    expect(answersSchema.safeParse([{ questionId: 'q01', choices: [-1] }]).success).toBe(false);
    expect(answersSchema.safeParse([{ questionId: 'q01', choices: [8] }]).success).toBe(false);
  });

  test('bounds the number of answers and of choices', () => {
    expect(answersSchema.safeParse(Array.from({ length: 101 }, (_, i) => ({ questionId: `q${i}`, choices: [] }))).success).toBe(false);
    expect(answersSchema.safeParse([{ questionId: 'q01', choices: Array(17).fill(0) }]).success).toBe(false);
    expect(answersSchema.safeParse([{ questionId: 'q'.repeat(41), choices: [] }]).success).toBe(false);
  });
});
