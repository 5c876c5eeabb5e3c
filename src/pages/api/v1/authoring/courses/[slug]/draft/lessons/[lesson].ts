import type { APIRoute } from 'astro';
import { authoringRoutes } from '@/lib/api/schemas/authoring.ts';
import { AUTHORING_JSON_MAX_BYTES } from '@/lib/authoring/content.ts';
import { updateLesson } from '@/lib/authoring/draft-edits.ts';
import { editDraft } from '@/lib/authoring/drafting.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';

export const PUT: APIRoute = ({ params, request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const { baseUpdatedAt, ...lesson } = await readJson(request, authoringRoutes.saveLesson.body, AUTHORING_JSON_MAX_BYTES);
    const saved = await editDraft(locals.db, user, params.slug ?? '', { baseUpdatedAt, change: (c) => updateLesson(c, params.lesson ?? '', lesson) });
    return Response.json({ version: saved.version, updatedAt: saved.updatedAt });
  });
