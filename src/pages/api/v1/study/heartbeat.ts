import type { APIRoute } from 'astro';
import { studyRoutes } from '@/lib/api/schemas/study.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { splitLessonId } from '@/lib/catalog/ids.ts';
import { getLesson } from '@/lib/catalog/catalog.ts';
import { NotFoundError } from '@/lib/errors.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { studyCourseOf } from '@/lib/study/from-catalog.ts';
import { recordHeartbeat } from '@/lib/study/heartbeat.ts';
import { completeCourseIfDone } from '@/lib/completion/course-completion.ts';
import { loadCatalog } from '@/pages/courses/_catalog.ts';
import { completableCourse } from '@/pages/courses/_quizzes.ts';

export const POST: APIRoute = ({ request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { lessonId, ...beat } = await readJson(request, studyRoutes.heartbeat.body);
    const place = lessonPlace(await loadCatalog(), lessonId);
    const course = studyCourseOf(place.course);
    const lesson = course.lessons.find((l) => l.id === place.lesson.id)!;
    const { courseLessonsJustCompleted, ...result } = await recordHeartbeat(locals.db, user.id, course, lesson, beat);
    const completion = courseLessonsJustCompleted ? await completeCourseIfDone(locals.db, user.id, await completableCourse(place.course)) : null;
    return Response.json({ ...result, courseCompleted: completion?.completed ?? false });
  });

function lessonPlace(catalog: Awaited<ReturnType<typeof loadCatalog>>, lessonId: string) {
  const { courseSlug, lessonSlug } = splitLessonId(lessonId);
  const place = getLesson(catalog, courseSlug, lessonSlug);
  if (!place) throw new NotFoundError('没有这个课节。');
  return place;
}
