import type { APIRoute } from 'astro';
import { classRoutes } from '@/lib/api/schemas/classes.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { assignCourse } from '@/lib/classes/assigned-courses.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { classContent } from '@/pages/classes/_content.ts';

export const POST: APIRoute = ({ params, request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const body = await readJson(request, classRoutes.assignCourse.body);
    const counts = await assignCourse(locals.db, user, params.id!, body, await classContent());
    return Response.json({ courseId: body.courseId, ...counts });
  });
