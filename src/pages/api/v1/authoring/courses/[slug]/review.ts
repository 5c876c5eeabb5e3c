import type { APIRoute } from 'astro';
import { authoringRoutes } from '@/lib/api/schemas/authoring.ts';
import { publishVersion, returnVersion } from '@/lib/authoring/review.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';

export const POST: APIRoute = ({ params, request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { decision, comment } = await readJson(request, authoringRoutes.review.body);
    const slug = params.slug ?? '';
    const result = decision === 'publish' ? await publishVersion(locals.db, user, slug, comment) : await returnVersion(locals.db, user, slug, comment ?? '');
    return Response.json(result);
  });
