import type { APIRoute } from 'astro';
import { presentClassDetail, presentClassSummary } from '@/lib/api/present-classes.ts';
import { classRoutes } from '@/lib/api/schemas/classes.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { loadClassDetail } from '@/lib/classes/class-detail.ts';
import { createClass, listClasses } from '@/lib/classes/classes.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { classContent } from '@/pages/classes/_content.ts';

export const GET: APIRoute = ({ locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    return Response.json({ classes: (await listClasses(locals.db, user)).map(presentClassSummary) });
  });

export const POST: APIRoute = ({ request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const body = await readJson(request, classRoutes.create.body);
    const content = await classContent();
    const id = await createClass(locals.db, user, body, content);
    return Response.json(presentClassDetail(await loadClassDetail(locals.db, user, id, content)), { status: 201 });
  });
