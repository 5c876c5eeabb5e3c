import { z } from 'zod';
import { QUESTION_TYPES } from '../../quiz/bank-schema.ts';
import { answersSchema } from '../../quiz/scoring.ts';
import { defineRoute } from '../contract.ts';

const CandidateQuestionSchema = z.object({
  number: z.number().int().meta({ description: '题号（从 1 开始）' }),
  questionId: z.string(),
  type: z.enum(QUESTION_TYPES),
  prompt: z.string(),
  options: z.array(z.string()).meta({ description: '按显示顺序排列的选项；作答时提交其序号（从 0 开始）' }),
});

const ReviewedQuestionSchema = CandidateQuestionSchema.extend({
  chosen: z.array(z.number().int()),
  correctChoices: z.array(z.number().int()),
  correct: z.boolean(),
  explanation: z.string(),
});

const AttemptSchema = z
  .object({
    id: z.string(),
    status: z.enum(['open', 'submitted', 'expired']),
    startedAt: z.string(),
    deadlineAt: z.string().nullable().meta({ description: '限时测验的截止时间（服务器时钟）' }),
    submittedAt: z.string().nullable(),
    scorePercent: z.number().int().nullable(),
    correctCount: z.number().int().nullable(),
    questionCount: z.number().int(),
    passMark: z.number().int(),
    passed: z.boolean(),
  })
  .meta({ id: 'QuizAttempt' });

const OpenAttemptSchema = AttemptSchema.extend({ questions: z.array(CandidateQuestionSchema) }).meta({
  id: 'OpenQuizAttempt',
  description: '作答中的试卷：只有题目和选项，不含答案和解析',
});

const SubmittedAttemptSchema = AttemptSchema.extend({ review: z.array(ReviewedQuestionSchema), courseCompleted: z.boolean() }).meta({
  id: 'SubmittedQuizAttempt',
  description: '提交后的结果：得分、每题的正确答案与解析',
});

export const QuizSchema = z
  .object({
    id: z.string().meta({ description: '测验编号，即课程编号' }),
    courseId: z.string(),
    title: z.string(),
    passMark: z.number().int(),
    attemptLimit: z.number().int(),
    questionCount: z.number().int().meta({ description: '每次抽题数' }),
    timeLimitMinutes: z.number().int().nullable(),
    attemptsUsed: z.number().int(),
    passed: z.boolean(),
    lessonsCompleted: z.boolean().meta({ description: '是否已学完全部课时（开始测验的前提）' }),
    openAttempt: OpenAttemptSchema.nullable(),
    attempts: z.array(AttemptSchema),
  })
  .meta({ id: 'Quiz' });

export const QuizParams = z.object({ id: z.string().min(1).max(100) });

export const AttemptBody = z
  .strictObject({
    attemptId: z.string().min(1).max(40).optional().meta({ description: '提交答卷时：要提交的作答编号' }),
    answers: answersSchema.optional().meta({ description: '提交答卷时：每题所选选项的显示序号' }),
  })
  .refine((b) => (b.attemptId === undefined) === (b.answers === undefined), {
    error: '提交答卷需要同时提供 attemptId 和 answers；开始作答请发送空对象 {}。',
  })
  .meta({ id: 'QuizAttemptRequest' });

export const quizRoutes = {
  get: defineRoute({
    method: 'get', path: '/quizzes/{id}', tag: 'quizzes', access: 'signed-in', summary: '课程测验：规则、我的作答记录、作答中的试卷（不含答案）',
    params: QuizParams, response: QuizSchema, errors: [401, 404, 409],
  }),
  attempt: defineRoute({
    method: 'post', path: '/quizzes/{id}/attempts', tag: 'quizzes', access: 'signed-in',
    summary: '空对象 {} 开始作答（已有作答中的试卷则返回它，201/200）；{attemptId, answers} 提交答卷并由服务器评分',
    params: QuizParams, body: AttemptBody, response: z.union([OpenAttemptSchema, SubmittedAttemptSchema]), status: 201, errors: [400, 401, 404, 409, 413, 415],
  }),
};
