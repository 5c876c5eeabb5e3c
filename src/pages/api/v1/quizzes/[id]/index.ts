import type { APIRoute } from 'astro';
import { presentQuiz } from '@/lib/api/present-quizzes.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { findEnrollment } from '@/lib/enrollment/enrollment.ts';
import { NotFoundError } from '@/lib/errors.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { listAttempts } from '@/lib/quiz/attempts.ts';
import { NotEnrolledError } from '@/lib/study/heartbeat.ts';
import { loadQuiz } from '@/pages/courses/_quizzes.ts';

export const GET: APIRoute = ({ params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const quiz = await loadQuiz(params.id ?? '');
    if (!quiz) throw new NotFoundError('没有这个测验。');
    const enrollment = await findEnrollment(locals.db, user.id, quiz.courseId);
    if (!enrollment) throw new NotEnrolledError();
    const attempts = await listAttempts(locals.db, user.id, quiz.courseId);
    return Response.json(presentQuiz(quiz.courseId, quiz.bank, attempts, { passed: enrollment.quizPassedAt !== null, lessonsCompleted: enrollment.lessonsCompletedAt !== null }));
  });
