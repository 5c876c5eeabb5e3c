import { describe, expect, test } from 'vitest';
import { drawPaper } from '../../../src/lib/quiz/draw.ts';
import type { Paper } from '../../../src/lib/quiz/paper.ts';
import { PaperOutdatedError } from '../../../src/lib/quiz/paper.ts';
import { paperForCandidate, paperReview } from '../../../src/lib/quiz/present.ts';
import { bank, multiple, seededRandom, single, trueFalse } from './factories.ts';

const quiz = bank();
const paper: Paper = [
  { questionId: 's1', optionOrder: [2, 1, 3, 0] },
  { questionId: 't1', optionOrder: [0, 1] },
  { questionId: 'm1', optionOrder: [4, 3, 0, 1, 2] },
];

describe('paperForCandidate', () => {
  test('numbers the questions and shows the options in their shuffled order', () => {
    expect(paperForCandidate(quiz, paper)).toEqual([
      { number: 1, questionId: 's1', type: 'single', prompt: '单选题 s1', options: ['丙', '乙', '丁', '甲'] },
      { number: 2, questionId: 't1', type: 'truefalse', prompt: '判断题 t1', options: ['正确', '错误'] },
      { number: 3, questionId: 'm1', type: 'multiple', prompt: '多选题 m1', options: ['戊', '丁', '甲', '乙', '丙'] },
    ]);
  });

  test('gives away nothing of the key: no answer, no explanation, no bank order', () => {
    const questions = Array.from({ length: 10 }, (_, i) => single(`s${i}`, { explanation: `秘密解析${i}` }));
    const big = bank({ draw: 10 }, [...questions, trueFalse('t1', false, { explanation: '秘密解析t' }), multiple('m1', { explanation: '秘密解析m' })]);
    const shown = paperForCandidate(big, drawPaper(big, seededRandom(9)));
    const json = JSON.stringify(shown);
    expect(json).not.toMatch(/秘密解析|"answer"|"explanation"|optionOrder|correct/);
    for (const question of shown) expect(Object.keys(question).sort()).toEqual(['number', 'options', 'prompt', 'questionId', 'type']);
  });

  test('moves the right option around even when the trainer always wrote it first', () => {
    const rightFirst = bank({ draw: 1 }, [single('s1', { options: ['对的', '错1', '错2', '错3'], answer: [0] })]);
    const random = seededRandom(11);
    const positions = Array.from({ length: 40 }, () => paperForCandidate(rightFirst, drawPaper(rightFirst, random))[0]!.options.indexOf('对的'));
    expect(new Set(positions)).toEqual(new Set([0, 1, 2, 3]));
  });

  test('refuses a paper that no longer fits the bank (options added since it was drawn)', () => {
    const grown = bank({}, [single('s1', { options: ['甲', '乙', '丙', '丁', '戊'] }), multiple('m1'), trueFalse('t1', true)]);
    expect(() => paperForCandidate(grown, paper)).toThrow(PaperOutdatedError);
  });
});

describe('paperReview', () => {
  test('shows each question with the choices made, the right ones in displayed positions, and the explanation', () => {
    const review = paperReview(quiz, paper, [
      { questionId: 's1', choices: [1] },
      { questionId: 'm1', choices: [1, 2] },
    ]);
    expect(review).toEqual([
      { number: 1, questionId: 's1', type: 'single', prompt: '单选题 s1', options: ['丙', '乙', '丁', '甲'], chosen: [1], correctChoices: [1], correct: true, explanation: '解析 s1' },
      { number: 2, questionId: 't1', type: 'truefalse', prompt: '判断题 t1', options: ['正确', '错误'], chosen: [], correctChoices: [0], correct: false, explanation: '解析 t1' },
      {
        number: 3,
        questionId: 'm1',
        type: 'multiple',
        prompt: '多选题 m1',
        options: ['戊', '丁', '甲', '乙', '丙'],
        chosen: [1, 2],
        correctChoices: [1, 2, 4],
        correct: false,
        explanation: '解析 m1',
      },
    ]);
  });

  test('refuses answers that do not fit the paper, like scoring does', () => {
    expect(() => paperReview(quiz, paper, [{ questionId: 'zz', choices: [0] }])).toThrow(/不在本次试卷上/);
  });
});
