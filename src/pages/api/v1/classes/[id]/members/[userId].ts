import type { APIRoute } from 'astro';
import { requireUser } from '@/lib/auth/guards.ts';
import { removeMember } from '@/lib/classes/roster.ts';
import { handle } from '@/lib/http/endpoint.ts';

export const DELETE: APIRoute = ({ params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    await removeMember(locals.db, user, params.id!, params.userId!);
    return Response.json({ ok: true });
  });
