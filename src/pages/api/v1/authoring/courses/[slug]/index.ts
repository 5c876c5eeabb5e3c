import type { APIRoute } from 'astro';
import { presentWorkspace } from '@/lib/api/present-authoring.ts';
import { loadWorkspace } from '@/lib/authoring/workspace.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';

export const GET: APIRoute = ({ params, locals }) =>
  handle(async () => Response.json(presentWorkspace(await loadWorkspace(locals.db, requireUser(locals), params.slug ?? ''))));
