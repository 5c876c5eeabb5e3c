import type { APIRoute } from 'astro';
import { loadArchive, lookupInCatalog } from '@/lib/archive/archive.ts';
import { presentArchive } from '@/lib/api/present-archive.ts';
import { requireUser } from '@/lib/auth/guards.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { loadCatalog } from '@/pages/courses/_catalog.ts';

export const GET: APIRoute = ({ params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    const archive = await loadArchive(locals.db, user, params.id!, lookupInCatalog(await loadCatalog()));
    return Response.json(presentArchive(archive));
  });
