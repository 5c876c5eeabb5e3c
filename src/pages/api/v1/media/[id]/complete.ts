import type { APIRoute } from 'astro';
import { requireUser } from '@/lib/auth/guards.ts';
import { config } from '@/lib/config.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { completeUpload } from '@/lib/media/uploads.ts';

export const POST: APIRoute = ({ params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    return Response.json(await completeUpload(locals.db, config.media, user, params.id!));
  });
