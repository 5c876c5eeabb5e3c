import { describe, expect, test } from 'vitest';
import { quizBankSchema } from '../../../src/lib/quiz/bank-schema.ts';
import { multiple, rawBank, single, trueFalse } from './factories.ts';

const messages = (value: unknown) => quizBankSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('quizBankSchema', () => {
  test('accepts a bank with one question of each type, and no time limit', () => {
    const { timeLimitMinutes, ...untimed } = rawBank();
    expect(quizBankSchema.parse(untimed)).toMatchObject({ draw: 3, questions: [{ type: 'single' }, { type: 'multiple' }, { type: 'truefalse', answer: true }] });
  });

  test('names a misspelt field of the bank and of a question', () => {
    expect(messages({ ...rawBank(), passmark: 60 })).toEqual([expect.stringMatching(/^passmark: quiz\.yaml 里没有“passmark”这个字段.*拼写/)]);
    expect(messages(rawBank({}, [single('s1', { hint: '看第二课' })]))).toEqual([expect.stringMatching(/^questions\.0\.hint: 单选题（single）里没有“hint”这个字段/)]);
  });

  test('refuses two questions with the same id', () => {
    expect(messages(rawBank({}, [single('q1'), multiple('q1')]))).toEqual(['questions.1.id: 题号（id）“q1”重复了（第 1 题和第 2 题）：每道题的 id 必须不同。']);
  });

  test('wants ids of letters, digits, - and _', () => {
    expect(messages(rawBank({}, [single('第一题')]))[0]).toMatch(/^questions\.0\.id: .*英文字母、数字/);
  });

  test('gives a single-choice question exactly one answer', () => {
    expect(messages(rawBank({}, [single('q1', { answer: [0, 1] })]))).toEqual([expect.stringMatching(/^questions\.0\.answer: 题目 q1：单选题的答案（answer）只能有一个序号.*multiple/)]);
    expect(messages(rawBank({}, [single('q1', { answer: [] })]))[0]).toMatch(/只能有一个序号/);
  });

  test('gives a multiple-choice question at least two answers', () => {
    expect(messages(rawBank({}, [multiple('q1', { answer: [2] })]))).toEqual([expect.stringMatching(/^questions\.0\.answer: 题目 q1：多选题的答案（answer）至少要有两个序号.*single/)]);
  });

  test('refuses an answer index repeated', () => {
    expect(messages(rawBank({}, [multiple('q1', { answer: [0, 2, 2] })]))).toEqual([expect.stringMatching(/序号 2 写了两次/)]);
  });

  test('keeps answer indices within the options, counting from 0', () => {
    expect(messages(rawBank({}, [single('q1', { answer: [4] })]))).toEqual([
      'questions.0.answer: 题目 q1：答案（answer）里的序号 4 超出了选项范围：共 4 个选项，序号从 0 数起，应在 0 到 3 之间。',
    ]);
  });

  test('wants answer indices as a list of whole numbers', () => {
    expect(messages(rawBank({}, [single('q1', { answer: 1 })]))).toEqual([expect.stringMatching(/^questions\.0\.answer: 单选题的答案（answer）应写成选项序号的列表，如 \[1\]/)]);
    expect(messages(rawBank({}, [single('q1', { answer: [0.5] })]))).toEqual(['questions.0.answer.0: 答案（answer）里的序号必须是整数。']);
  });

  test('wants between 2 and 8 options', () => {
    expect(messages(rawBank({}, [single('q1', { options: ['唯一'], answer: [0] })]))).toEqual(['questions.0.options: 选项（options）至少要有 2 个。']);
    const nine = Array.from({ length: 9 }, (_, i) => `选项${i}`);
    expect(messages(rawBank({}, [single('q1', { options: nine })]))).toEqual(['questions.0.options: 选项（options）最多 8 个。']);
  });

  test('refuses the same option written twice, even with different spacing', () => {
    expect(messages(rawBank({}, [single('q1', { options: ['甲', '乙', ' 甲 '] })]))).toEqual(['questions.0.options.2: 第 3 个选项“甲”和第 1 个选项重复了。']);
  });

  test('needs options for a choice question', () => {
    const { options, ...noOptions } = single('q1');
    expect(messages(rawBank({}, [noOptions]))).toEqual(['questions.0.options: 缺少选项（options）。']);
  });

  test('refuses options on a true/false question and explains that they are fixed', () => {
    expect(messages(rawBank({}, [trueFalse('q1', true, { options: ['对', '错'] })]))).toEqual([expect.stringMatching(/^questions\.0\.options: 判断题.*固定为“正确”“错误”/)]);
  });

  test('wants true or false, unquoted, as the answer of a true/false question', () => {
    expect(messages(rawBank({}, [trueFalse('q1', true, { answer: 'true' })]))).toEqual([expect.stringMatching(/^questions\.0\.answer: 判断题的答案.*true（正确）或 false（错误），不加引号/)]);
    expect(messages(rawBank({}, [trueFalse('q1', true, { answer: [0] })]))[0]).toMatch(/true（正确）或 false（错误）/);
  });

  test('names the three types when the type is unknown or missing', () => {
    expect(messages(rawBank({}, [single('q1', { type: '单选' })]))).toEqual([expect.stringMatching(/^questions\.0\.type: 题型（type）只能是 single（单选题）、multiple（多选题）或 truefalse（判断题），不能是“单选”/)]);
    const { type, ...untyped } = single('q1');
    expect(messages(rawBank({}, [untyped]))).toEqual([expect.stringMatching(/^questions\.0\.type: 缺少题型（type）/)]);
  });

  test('wants each question written as fields, not as a bare line', () => {
    expect(messages(rawBank({}, ['红军东征是哪一年？']))).toEqual(['questions.0: 每道题应当是“字段: 值”的列表，以“- id:”开头。']);
  });

  test('requires an explanation on every question', () => {
    const { explanation, ...unexplained } = trueFalse('q1', false);
    expect(messages(rawBank({}, [unexplained]))).toEqual(['questions.0.explanation: 缺少答案解析（explanation）。']);
    expect(messages(rawBank({}, [single('q1', { explanation: '  ' })]))).toEqual(['questions.0.explanation: 答案解析（explanation）不能为空。']);
  });

  test('draws at least one question and no more than the bank holds', () => {
    expect(messages(rawBank({ draw: 0 }))).toEqual(['draw: 每次抽题数（draw）不能小于 1。']);
    expect(messages(rawBank({ draw: 4 }))).toEqual(['draw: 每次抽题数（draw）是 4，但题库只有 3 道题：请减少 draw 或增加题目。']);
  });

  test('keeps the pass mark between 1 and 100, as a whole number', () => {
    expect(messages(rawBank({ passMark: 0 }))).toEqual(['passMark: 及格分数（passMark，百分制）不能小于 1。']);
    expect(messages(rawBank({ passMark: 101 }))).toEqual(['passMark: 及格分数（passMark，百分制）不能大于 100。']);
    expect(messages(rawBank({ passMark: 59.5 }))).toEqual(['passMark: 及格分数（passMark，百分制）必须是整数。']);
    expect(messages(rawBank({ passMark: '60' }))).toEqual(['passMark: 及格分数（passMark，百分制）必须是数字（不加引号）。']);
  });

  test('keeps the attempt limit between 1 and 20', () => {
    expect(messages(rawBank({ attemptLimit: 0 }))).toEqual(['attemptLimit: 可作答次数（attemptLimit）不能小于 1。']);
    expect(messages(rawBank({ attemptLimit: 21 }))).toEqual(['attemptLimit: 可作答次数（attemptLimit）不能大于 20。']);
  });

  test('keeps an optional time limit between 1 and 240 minutes', () => {
    expect(messages(rawBank({ timeLimitMinutes: 0 }))).toEqual(['timeLimitMinutes: 答题时限（timeLimitMinutes，分钟）不能小于 1。']);
    expect(messages(rawBank({ timeLimitMinutes: 241 }))).toEqual(['timeLimitMinutes: 答题时限（timeLimitMinutes，分钟）不能大于 240。']);
  });

  test('names a missing field of the bank in Chinese', () => {
    const { title, ...untitled } = rawBank();
    expect(messages(untitled)).toEqual(['title: 缺少测验标题（title）。']);
    expect(messages({ ...rawBank(), questions: undefined })).toEqual(['questions: 缺少题目（questions）。']);
  });

  test('reports several mistakes in one pass, so a trainer fixes them all at once', () => {
    const bank = rawBank({ passMark: 0, draw: 3 }, [single('q1', { answer: [0, 1] }), single('q1'), trueFalse('t1', true, { tip: 1 })]);
    expect(messages(bank).map((m) => m.split(':')[0])).toEqual(['passMark', 'questions.0.answer', 'questions.2.tip', 'questions.1.id']);
  });
});
