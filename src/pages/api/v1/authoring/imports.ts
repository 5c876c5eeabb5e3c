import type { APIRoute } from 'astro';
import { presentWorkspace } from '@/lib/api/present-authoring.ts';
import { authoringRoutes } from '@/lib/api/schemas/authoring.ts';
import { mayAuthor } from '@/lib/authoring/access.ts';
import { mediaTransfer } from '@/lib/authoring/media-transfer.ts';
import { importCourse } from '@/lib/authoring/transfer.ts';
import { loadWorkspace } from '@/lib/authoring/workspace.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { config } from '@/lib/config.ts';
import { ForbiddenError } from '@/lib/errors.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readBodyBytes } from '@/lib/http/read-body.ts';
import { readQuery } from '@/lib/http/read-json.ts';
import { loadCatalog } from '@/pages/courses/_catalog.ts';
import { COURSE_ZIP_MAX_BYTES, COURSE_ZIP_TOO_LARGE } from '@/lib/authoring/zip/upload-limit.ts';

export const POST: APIRoute = ({ request, url, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    if (!mayAuthor(user.role)) throw new ForbiddenError('只有教师和组织部工作人员可以导入课程。');
    const { slug } = readQuery(url, authoringRoutes.import.query);
    const bytes = await readBodyBytes(request, COURSE_ZIP_MAX_BYTES, COURSE_ZIP_TOO_LARGE);
    const catalog = await loadCatalog();
    const imported = await importCourse(locals.db, user, bytes, { slug, slugTaken: (s) => catalog.bySlug.has(s), media: mediaTransfer(locals.db, config.media) });
    return Response.json(presentWorkspace(await loadWorkspace(locals.db, user, imported.slug)), { status: 201 });
  });
