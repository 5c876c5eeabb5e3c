import type { APIRoute } from 'astro';
import { requireUser } from '@/lib/auth/guards.ts';
import { issueClassCertificates } from '@/lib/class-completion/certificates.ts';
import { handle } from '@/lib/http/endpoint.ts';
import { loadClassCatalog } from '@/pages/reading/_class-catalog.ts';

export const POST: APIRoute = ({ params, locals }) =>
  handle(async () => {
    const user = requireUser(locals);
    return Response.json(await issueClassCertificates(locals.db, user, params.id!, await loadClassCatalog()));
  });
