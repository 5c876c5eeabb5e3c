import type { APIRoute } from 'astro';
import { requireUser } from '@/lib/auth/guards.ts';
import { projectorState } from '@/lib/classes/projector.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { checkinOrigin } from '@/pages/classes/_content.ts';

export const GET: APIRoute = ({ params, locals, url }) =>
  handle(async () => {
    const user = requireUser(locals);
    return Response.json(await projectorState(locals.db, user, params.id!, params.sid!, checkinOrigin(url)));
  });
