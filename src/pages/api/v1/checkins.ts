import type { APIRoute } from 'astro';
import { classRoutes } from '@/lib/api/schemas/classes.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { checkIn, checkInByTypedCode } from '@/lib/classes/checkin.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';

export const POST: APIRoute = ({ request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { sessionId, code } = await readJson(request, classRoutes.checkin.body);
    return Response.json(sessionId ? await checkIn(locals.db, user, sessionId, code) : await checkInByTypedCode(locals.db, user, code));
  });
