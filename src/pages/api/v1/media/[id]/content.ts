import type { APIRoute } from 'astro';
import { MEDIA_CHUNK_MAX_BYTES, mediaRoutes } from '@/lib/api/schemas/media.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { config } from '@/lib/config.ts';
import { DomainError } from '@/lib/errors.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readBodyBytes } from '@/lib/http/read-body.ts';
import { readQuery } from '@/lib/http/read-json.ts';
import { receiveChunk } from '@/lib/media/uploads.ts';

export const PUT: APIRoute = ({ request, url, params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { offset } = readQuery(url, mediaRoutes.chunk.query);
    const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/octet-stream') throw new DomainError('unsupported_media_type', '上传的内容须为文件的原始字节（Content-Type: application/octet-stream）。');
    const bytes = await readBodyBytes(request, MEDIA_CHUNK_MAX_BYTES, `每块不能超过 ${MEDIA_CHUNK_MAX_BYTES} 字节，请分成更小的块上传。`);
    return Response.json(await receiveChunk(locals.db, config.media, user, params.id!, offset, bytes));
  });
