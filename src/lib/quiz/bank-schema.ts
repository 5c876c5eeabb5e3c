import { z } from 'zod';
import { int, missing, strict, text } from '../catalog/yaml-fields.ts';

/**
 * Schema of `content/courses/<slug>/quiz.yaml`, the question bank of a course. Messages speak to the
 * trainer who wrote the file; answer indices count options from 0, as YAML lists are read.
 */

export const QUESTION_TYPES = ['single', 'multiple', 'truefalse'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = { single: '单选题', multiple: '多选题', truefalse: '判断题' };

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;
/** Most questions one paper may hold; also bounds the answer payload. */
export const MAX_DRAW = 100;
export const MAX_QUESTIONS = 500;

const questionId = text('题号（id）', 40).regex(/^[A-Za-z0-9_-]+$/, { error: '题号（id）只能用英文字母、数字、“-”和“_”，如 q01。' });

const options = z
  .array(text('选项', 200), {
    error: (iss) => (missing(iss.input) ? '缺少选项（options）。' : '选项（options）应写成列表，如 [选项甲, 选项乙, 选项丙]。'),
  })
  .min(MIN_OPTIONS, { error: `选项（options）至少要有 ${MIN_OPTIONS} 个。` })
  .max(MAX_OPTIONS, { error: `选项（options）最多 ${MAX_OPTIONS} 个。` })
  .superRefine((list, ctx) => {
    list.forEach((option, i) => {
      const first = list.indexOf(option);
      if (first < i) ctx.addIssue({ code: 'custom', path: [i], message: `第 ${i + 1} 个选项“${option}”和第 ${first + 1} 个选项重复了。` });
    });
  });

const answerIndices = (label: string, example: string) =>
  z.array(int('答案（answer）里的序号', 0, MAX_OPTIONS - 1), {
    error: (iss) => (missing(iss.input) ? '缺少答案（answer）。' : `${label}的答案（answer）应写成选项序号的列表，如 ${example}（序号从 0 数起）。`),
  });

/** Single and multiple choice share their fields; the number of right answers tells them apart. */
const choiceQuestion = <T extends 'single' | 'multiple'>(type: T, example: string) => {
  const label = QUESTION_TYPE_LABELS[type];
  return strict(
    {
      id: questionId,
      type: z.literal(type),
      prompt: text('题干（prompt）', 500),
      options,
      answer: answerIndices(label, example),
      explanation: text('答案解析（explanation）', 1000),
    },
    `${label}（${type}）`,
  ).superRefine((q, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', path: ['answer'], message: `题目 ${q.id}：${message}` });
    if (type === 'single' && q.answer.length !== 1) {
      issue('单选题的答案（answer）只能有一个序号，如 [1]；有几个正确选项的，请把 type 改为 multiple（多选题）。');
    }
    if (type === 'multiple' && new Set(q.answer).size < 2) {
      issue('多选题的答案（answer）至少要有两个序号，如 [0, 2]；只有一个正确选项的，请把 type 改为 single（单选题）。');
    }
    q.answer.forEach((n, i) => {
      if (q.answer.indexOf(n) < i) issue(`答案（answer）里的序号 ${n} 写了两次。`);
      if (n >= q.options.length) {
        issue(`答案（answer）里的序号 ${n} 超出了选项范围：共 ${q.options.length} 个选项，序号从 0 数起，应在 0 到 ${q.options.length - 1} 之间。`);
      }
    });
  });
};

const trueFalseQuestion = strict(
  {
    id: questionId,
    type: z.literal('truefalse'),
    prompt: text('题干（prompt）', 500),
    options: z.undefined({ error: '判断题（truefalse）不写选项（options）：选项固定为“正确”“错误”，请删去 options。' }).optional(),
    answer: z.boolean({ error: (iss) => (missing(iss.input) ? '缺少答案（answer）。' : '判断题的答案（answer）只能填 true（正确）或 false（错误），不加引号。') }),
    explanation: text('答案解析（explanation）', 1000),
  },
  '判断题（truefalse）',
);

const question = z.discriminatedUnion('type', [choiceQuestion('single', '[1]'), choiceQuestion('multiple', '[0, 2]'), trueFalseQuestion], {
  error: (iss) => {
    if (typeof iss.input !== 'object' || iss.input === null) return '每道题应当是“字段: 值”的列表，以“- id:”开头。';
    const given = (iss.input as { type?: unknown }).type;
    return given === undefined
      ? '缺少题型（type）：single（单选题）、multiple（多选题）或 truefalse（判断题）。'
      : `题型（type）只能是 single（单选题）、multiple（多选题）或 truefalse（判断题），不能是“${String(given)}”。`;
  },
});

/** `content/courses/<slug>/quiz.yaml`. */
export const quizBankSchema = strict(
  {
    title: text('测验标题（title）', 80),
    passMark: int('及格分数（passMark，百分制）', 1, 100),
    attemptLimit: int('可作答次数（attemptLimit）', 1, 20),
    draw: int('每次抽题数（draw）', 1, MAX_DRAW),
    timeLimitMinutes: int('答题时限（timeLimitMinutes，分钟）', 1, 240).optional(),
    questions: z
      .array(question, { error: (iss) => (missing(iss.input) ? '缺少题目（questions）。' : '题目（questions）应写成列表，每题以“- id:”开头。') })
      .min(1, { error: '题目（questions）至少要有一道题。' })
      .max(MAX_QUESTIONS, { error: `一个题库最多 ${MAX_QUESTIONS} 道题。` }),
  },
  'quiz.yaml ',
).superRefine((bank, ctx) => {
  const ids = bank.questions.map((q) => q.id);
  ids.forEach((id, i) => {
    const first = ids.indexOf(id);
    if (first < i) {
      ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `题号（id）“${id}”重复了（第 ${first + 1} 题和第 ${i + 1} 题）：每道题的 id 必须不同。` });
    }
  });
  if (bank.draw > bank.questions.length) {
    ctx.addIssue({
      code: 'custom',
      path: ['draw'],
      message: `每次抽题数（draw）是 ${bank.draw}，但题库只有 ${bank.questions.length} 道题：请减少 draw 或增加题目。`,
    });
  }
});

export type QuizBank = z.output<typeof quizBankSchema>;
export type BankQuestion = QuizBank['questions'][number];
