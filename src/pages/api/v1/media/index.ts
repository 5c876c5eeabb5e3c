import type { APIRoute } from 'astro';
import { mediaRoutes } from '@/lib/api/schemas/media.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { config } from '@/lib/config.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson, readQuery } from '@/lib/http/read-json.ts';
import { listCourseMedia } from '@/lib/media/media.ts';
import { startUpload } from '@/lib/media/uploads.ts';

export const GET: APIRoute = ({ url, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { course } = readQuery(url, mediaRoutes.list.query);
    return Response.json({ items: await listCourseMedia(locals.db, user, course) });
  });

export const POST: APIRoute = ({ request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const body = await readJson(request, mediaRoutes.start.body);
    return Response.json(await startUpload(locals.db, config.media, user, body), { status: 201 });
  });
