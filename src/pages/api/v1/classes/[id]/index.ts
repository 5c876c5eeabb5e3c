import type { APIRoute } from 'astro';
import { presentClassDetail } from '@/lib/api/present-classes.ts';
import { classRoutes } from '@/lib/api/schemas/classes.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { loadClassDetail } from '@/lib/classes/class-detail.ts';
import { updateClass } from '@/lib/classes/classes.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { classContent } from '@/pages/classes/_content.ts';

export const GET: APIRoute = ({ params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    return Response.json(presentClassDetail(await loadClassDetail(locals.db, user, params.id!, await classContent())));
  });

export const PATCH: APIRoute = ({ params, request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const body = await readJson(request, classRoutes.update.body);
    const content = await classContent();
    await updateClass(locals.db, user, params.id!, body, content);
    return Response.json(presentClassDetail(await loadClassDetail(locals.db, user, params.id!, content)));
  });
