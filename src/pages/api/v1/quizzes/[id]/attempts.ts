import type { APIRoute } from 'astro';
import { presentOpenAttempt, presentSubmittedAttempt } from '@/lib/api/present-quizzes.ts';
import { quizRoutes } from '@/lib/api/schemas/quizzes.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { getCourse } from '@/lib/catalog/catalog.ts';
import { completeCourseIfDone } from '@/lib/completion/course-completion.ts';
import { completableCourseOf } from '@/lib/completion/from-catalog.ts';
import { NotFoundError } from '@/lib/errors.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { startAttempt, submitAttempt } from '@/lib/quiz/attempts.ts';
import { loadCatalog } from '@/pages/courses/_catalog.ts';
import { loadQuiz } from '@/pages/courses/_quizzes.ts';

export const POST: APIRoute = ({ params, request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const quiz = await loadQuiz(params.id ?? '');
    const course = quiz && getCourse(await loadCatalog(), quiz.courseId);
    if (!quiz || !course) throw new NotFoundError('没有这个测验。');
    const body = await readJson(request, quizRoutes.attempt.body);
    if (body.attemptId === undefined || body.answers === undefined) {
      const { attempt, created } = await startAttempt(locals.db, user.id, quiz);
      return Response.json(presentOpenAttempt(quiz.bank, attempt), { status: created ? 201 : 200 });
    }
    const { attempt, passed } = await submitAttempt(locals.db, user.id, quiz, body.attemptId, body.answers);
    const completion = passed ? await completeCourseIfDone(locals.db, user.id, completableCourseOf(course, true)) : null;
    return Response.json(presentSubmittedAttempt(quiz.bank, attempt, completion?.completed ?? false));
  });
