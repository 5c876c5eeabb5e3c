import type { APIRoute } from 'astro';
import { authoringRoutes } from '@/lib/api/schemas/authoring.ts';
import { mediaTransfer } from '@/lib/authoring/media-transfer.ts';
import { exportCourse } from '@/lib/authoring/transfer.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { config } from '@/lib/config.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { fileResponse } from '@/lib/http/file-response.ts';
import { readQuery } from '@/lib/http/read-json.ts';

export const GET: APIRoute = ({ params, url, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { version } = readQuery(url, authoringRoutes.export.query);
    const zip = await exportCourse(locals.db, user, params.slug ?? '', mediaTransfer(locals.db, config.media), version);
    return fileResponse({ body: new Uint8Array(zip.bytes), contentType: 'application/zip', filename: zip.filename });
  });
