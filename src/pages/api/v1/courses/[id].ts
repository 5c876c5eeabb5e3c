import type { APIRoute } from 'astro';
import { presentCourseDetail } from '@/lib/api/present-courses.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { getCourse } from '@/lib/catalog/catalog.ts';
import { findEnrollment } from '@/lib/enrollment/enrollment.ts';
import { NotFoundError } from '@/lib/errors.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { studyCourseOf } from '@/lib/study/from-catalog.ts';
import { courseProgress } from '@/lib/study/progress.ts';
import { loadCatalog } from '@/pages/courses/_catalog.ts';

export const GET: APIRoute = ({ params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const course = getCourse(await loadCatalog(), params.id ?? '');
    if (!course) throw new NotFoundError('没有这门课程。');
    const enrollment = await findEnrollment(locals.db, user.id, course.slug);
    const progress = enrollment ? await courseProgress(locals.db, user.id, studyCourseOf(course).lessons) : [];
    return Response.json(presentCourseDetail(course, enrollment, progress));
  });
