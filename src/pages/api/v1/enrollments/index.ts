import type { APIRoute } from 'astro';
import { presentEnrollment } from '@/lib/api/present-courses.ts';
import { studyRoutes } from '@/lib/api/schemas/study.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { getCourse } from '@/lib/catalog/catalog.ts';
import { enrollSelf, listEnrollments } from '@/lib/enrollment/enrollment.ts';
import { NotFoundError } from '@/lib/errors.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { studyCourseOf } from '@/lib/study/from-catalog.ts';
import { courseProgress } from '@/lib/study/progress.ts';
import { loadCatalog } from '@/pages/courses/_catalog.ts';

export const GET: APIRoute = ({ locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const catalog = await loadCatalog();
    const enrollments = await listEnrollments(locals.db, user.id);
    const items = await Promise.all(
      enrollments.map(async (e) => {
        const course = getCourse(catalog, e.courseId);
        const progress = course ? await courseProgress(locals.db, user.id, studyCourseOf(course).lessons) : [];
        return presentEnrollment(e, course, progress);
      }),
    );
    return Response.json({ enrollments: items });
  });

export const POST: APIRoute = ({ request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { courseId } = await readJson(request, studyRoutes.enroll.body);
    const course = getCourse(await loadCatalog(), courseId);
    if (!course) throw new NotFoundError('没有这门课程。');
    const { enrollment, created } = await enrollSelf(locals.db, user.id, studyCourseOf(course));
    const progress = await courseProgress(locals.db, user.id, studyCourseOf(course).lessons);
    return Response.json(presentEnrollment(enrollment, course, progress), { status: created ? 201 : 200 });
  });
