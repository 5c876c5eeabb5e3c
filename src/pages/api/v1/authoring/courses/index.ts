import type { APIRoute } from 'astro';
import { presentWorkspace } from '@/lib/api/present-authoring.ts';
import { authoringRoutes } from '@/lib/api/schemas/authoring.ts';
import { mayAuthor } from '@/lib/authoring/access.ts';
import { createAuthoredCourse } from '@/lib/authoring/drafting.ts';
import { listAuthoring, loadWorkspace } from '@/lib/authoring/workspace.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { ForbiddenError } from '@/lib/errors.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { loadCatalog } from '@/pages/courses/_catalog.ts';

export const GET: APIRoute = ({ locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    if (!mayAuthor(user.role)) throw new ForbiddenError();
    const courses = await listAuthoring(locals.db, user);
    return Response.json({ courses: courses.map(({ slug, title, status, publishedVersion, viewer }) => ({ slug, title, status, publishedVersion, viewer })) });
  });

export const POST: APIRoute = ({ request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const body = await readJson(request, authoringRoutes.create.body);
    const catalog = await loadCatalog();
    const { slug } = await createAuthoredCourse(locals.db, user, body, (s) => catalog.bySlug.has(s));
    return Response.json(presentWorkspace(await loadWorkspace(locals.db, user, slug)), { status: 201 });
  });
