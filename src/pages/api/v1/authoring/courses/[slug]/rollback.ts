import type { APIRoute } from 'astro';
import { authoringRoutes } from '@/lib/api/schemas/authoring.ts';
import { rollBack } from '@/lib/authoring/review.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';

export const POST: APIRoute = ({ params, request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { version, reason } = await readJson(request, authoringRoutes.rollback.body);
    return Response.json(await rollBack(locals.db, user, params.slug ?? '', version, reason));
  });
