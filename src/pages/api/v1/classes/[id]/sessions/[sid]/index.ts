import type { APIRoute } from 'astro';
import { presentSession } from '@/lib/api/present-classes.ts';
import { classRoutes } from '@/lib/api/schemas/classes.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { listSessions, updateSession } from '@/lib/classes/sessions.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { classContent } from '@/pages/classes/_content.ts';

export const PATCH: APIRoute = ({ params, request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const body = await readJson(request, classRoutes.updateSession.body);
    const content = await classContent();
    await updateSession(locals.db, user, params.id!, params.sid!, body, content);
    const session = (await listSessions(locals.db, params.id!, content)).find((s) => s.id === params.sid)!;
    return Response.json(presentSession(session));
  });
