import type { APIRoute } from 'astro';
import { config } from '@/lib/config.ts';
import { findReadyFile } from '@/lib/media/media.repository.ts';
import { isMediaId } from '@/lib/media/media.ts';
import { mediaResponse } from '@/lib/media/serve.ts';

// Signing in is enforced by the middleware (pageAccess: every unlisted path needs a signed-in user);
// the 128-bit random id is what keeps a file to those it was shown to.
const notFound = () => new Response('找不到这个文件。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export const GET: APIRoute = async ({ request, params, locals }) => {
  if (!locals.user) return new Response('请先登录。', { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const id = params.id ?? '';
  const file = isMediaId(id) ? await findReadyFile(locals.db, id) : null;
  return (file && (await mediaResponse(request, config.media.dir, file))) ?? notFound();
};

export const HEAD: APIRoute = (context) => GET(context);
