import type { APIRoute } from 'astro';
import { presentSession } from '@/lib/api/present-classes.ts';
import { classRoutes } from '@/lib/api/schemas/classes.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { requireClassViewer } from '@/lib/classes/access.ts';
import { createSession, listSessions } from '@/lib/classes/sessions.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';
import { classContent } from '@/pages/classes/_content.ts';

export const GET: APIRoute = ({ params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    await requireClassViewer(locals.db, user, params.id!);
    return Response.json({ sessions: (await listSessions(locals.db, params.id!, await classContent())).map(presentSession) });
  });

export const POST: APIRoute = ({ params, request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const body = await readJson(request, classRoutes.createSession.body);
    const content = await classContent();
    const id = await createSession(locals.db, user, params.id!, body, content);
    const session = (await listSessions(locals.db, params.id!, content)).find((s) => s.id === id)!;
    return Response.json(presentSession(session), { status: 201 });
  });
