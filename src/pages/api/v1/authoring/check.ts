import type { APIRoute } from 'astro';
import { authoringRoutes } from '@/lib/api/schemas/authoring.ts';
import { AUTHORING_JSON_MAX_BYTES } from '@/lib/authoring/content.ts';
import { mayAuthor } from '@/lib/authoring/access.ts';
import { compileLessonMdxCached } from '@/lib/authoring/mdx/compile.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { ForbiddenError } from '@/lib/errors.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';

export const POST: APIRoute = ({ request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    if (!mayAuthor(user.role)) throw new ForbiddenError();
    const { body } = await readJson(request, authoringRoutes.check.body, AUTHORING_JSON_MAX_BYTES);
    const compiled = compileLessonMdxCached(body);
    return Response.json({ problems: compiled.ok ? [] : compiled.problems });
  });
