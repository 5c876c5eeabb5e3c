import type { APIRoute } from 'astro';
import { requireUser } from '@/lib/auth/guards.ts';
import { deleteTargetRule } from '@/lib/hours/target-rules.ts';
import { handle } from '@/lib/http/endpoint.ts';

export const DELETE: APIRoute = ({ params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    await deleteTargetRule(locals.db, user, params.id!);
    return Response.json({ ok: true });
  });
