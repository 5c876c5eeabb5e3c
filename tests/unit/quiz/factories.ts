import type { RandomInt } from '../../../src/lib/quiz/draw.ts';
import { quizBankSchema, type QuizBank } from '../../../src/lib/quiz/bank-schema.ts';

/** A seeded random source (mulberry32), so draws in tests repeat exactly. */
export function seededRandom(seed: number): RandomInt {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * below);
  };
}

/** Raw question entries as a trainer writes them in quiz.yaml; override any field. */
export const single = (id: string, extra: object = {}) => ({
  id,
  type: 'single',
  prompt: `单选题 ${id}`,
  options: ['甲', '乙', '丙', '丁'],
  answer: [1],
  explanation: `解析 ${id}`,
  ...extra,
});
export const multiple = (id: string, extra: object = {}) => ({
  id,
  type: 'multiple',
  prompt: `多选题 ${id}`,
  options: ['甲', '乙', '丙', '丁', '戊'],
  answer: [0, 2, 3],
  explanation: `解析 ${id}`,
  ...extra,
});
export const trueFalse = (id: string, answer: boolean, extra: object = {}) => ({ id, type: 'truefalse', prompt: `判断题 ${id}`, answer, explanation: `解析 ${id}`, ...extra });

/** A raw quiz.yaml object: one question of each type unless `questions` is given. */
export function rawBank(extra: object = {}, questions: unknown[] = [single('s1'), multiple('m1'), trueFalse('t1', true)]) {
  return { title: '测试测验', passMark: 60, attemptLimit: 3, draw: questions.length, timeLimitMinutes: 20, questions, ...extra };
}

/** A parsed bank, checked by the schema so tests never run on a bank the build would refuse. */
export function bank(extra: object = {}, questions?: unknown[]): QuizBank {
  return quizBankSchema.parse(rawBank(extra, questions));
}
