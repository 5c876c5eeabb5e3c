import type { APIRoute } from 'astro';
import { presentWorkspace } from '@/lib/api/present-authoring.ts';
import { authoringRoutes, ImportUploadBody } from '@/lib/api/schemas/authoring.ts';
import { mayAuthor } from '@/lib/authoring/access.ts';
import { mediaTransfer } from '@/lib/authoring/media-transfer.ts';
import { importCourse } from '@/lib/authoring/transfer.ts';
import { loadWorkspace } from '@/lib/authoring/workspace.ts';
import { COURSE_ZIP_MAX_BYTES, COURSE_ZIP_TOO_LARGE } from '@/lib/authoring/zip/upload-limit.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { config } from '@/lib/config.ts';
import { DomainError, ForbiddenError } from '@/lib/errors.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readBodyBytes } from '@/lib/http/read-body.ts';
import { readJson, readQuery } from '@/lib/http/read-json.ts';
import { takeCoursePackage } from '@/lib/media/uploads.ts';
import { loadCatalog } from '@/pages/courses/_catalog.ts';

/**
 * A course zip comes either as the body itself (up to 1 MB) or, for a larger one, as a course package
 * uploaded in chunks through /api/v1/media (`purpose: course-package`) and named here by its id.
 */
export const POST: APIRoute = ({ request, url, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    if (!mayAuthor(user.role)) throw new ForbiddenError('只有教师和组织部工作人员可以导入课程。');
    const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    let slug = readQuery(url, authoringRoutes.import.query).slug;
    let bytes: Uint8Array;
    let discard = async () => {};
    if (type === 'application/json') {
      const body = await readJson(request, ImportUploadBody);
      const pkg = await takeCoursePackage(locals.db, config.media, user, body.uploadId);
      ({ bytes, discard } = pkg);
      slug = body.slug ?? slug;
    } else if (type === 'application/zip' || type === 'application/octet-stream') {
      bytes = await readBodyBytes(request, COURSE_ZIP_MAX_BYTES, COURSE_ZIP_TOO_LARGE);
    } else {
      throw new DomainError('unsupported_media_type', '请求内容应为课程包 .zip 本身（Content-Type: application/zip），或 JSON {"uploadId": "…"}。');
    }
    const catalog = await loadCatalog();
    const imported = await importCourse(locals.db, user, bytes, { slug, slugTaken: (s) => catalog.bySlug.has(s), media: mediaTransfer(locals.db, config.media) });
    await discard();
    return Response.json(presentWorkspace(await loadWorkspace(locals.db, user, imported.slug)), { status: 201 });
  });
