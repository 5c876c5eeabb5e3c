import type { APIRoute } from 'astro';
import { authoringRoutes } from '@/lib/api/schemas/authoring.ts';
import { AUTHORING_JSON_MAX_BYTES } from '@/lib/authoring/content.ts';
import { setQuiz } from '@/lib/authoring/draft-edits.ts';
import { editDraft } from '@/lib/authoring/drafting.ts';
import { checkQuizText } from '@/lib/authoring/validate.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { readJson } from '@/lib/http/read-json.ts';

/** Saves the bank even with problems (a draft may be half done) and reports them; submission refuses them. */
export const PUT: APIRoute = ({ params, request, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const body = await readJson(request, authoringRoutes.saveQuiz.body, AUTHORING_JSON_MAX_BYTES);
    const saved = await editDraft(locals.db, user, params.slug ?? '', { baseUpdatedAt: body.baseUpdatedAt, change: (c) => setQuiz(c, body.yaml) });
    const problems = saved.content.quiz === null ? [] : checkQuizText(saved.content.quiz).problems;
    return Response.json({ version: saved.version, updatedAt: saved.updatedAt, problems });
  });
