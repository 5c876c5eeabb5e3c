import type { APIRoute } from 'astro';
import { requireUser } from '@/lib/auth/guards.ts';
import { closeSession } from '@/lib/classes/close-session.ts';
import { handle } from '@/lib/http/endpoint.ts';

export const POST: APIRoute = ({ params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    return Response.json(await closeSession(locals.db, user, params.id!, params.sid!));
  });
