import type { APIRoute } from 'astro';
import { authoringRoutes } from '@/lib/api/schemas/authoring.ts';
import { setCourseFields } from '@/lib/authoring/draft-edits.ts';
import { editDraft } from '@/lib/authoring/drafting.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';

export const PATCH: APIRoute = ({ params, request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const body = await readJson(request, authoringRoutes.saveCourse.body);
    const saved = await editDraft(locals.db, user, params.slug ?? '', { baseUpdatedAt: body.baseUpdatedAt, change: (c) => setCourseFields(c, body.course) });
    return Response.json({ version: saved.version, updatedAt: saved.updatedAt });
  });
