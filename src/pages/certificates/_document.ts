import type { AstroGlobal, APIContext } from 'astro';
import { canViewDocument } from '@/lib/certificates/access.ts';
import { findByCode } from '@/lib/certificates/issue.ts';
import type { Issuing } from '@/lib/certificates/documents.ts';
import { normalizeCode } from '@/lib/certificates/verification-code.ts';
import { config } from '@/lib/config.ts';

/** The document behind a code if the signed-in viewer may open it; otherwise null (the page answers 404 either way). */
export async function documentFor(context: Pick<AstroGlobal | APIContext, 'locals' | 'params'>) {
  const code = normalizeCode(String(context.params.code ?? ''));
  const viewer = context.locals.user;
  if (!code || !viewer) return null;
  const row = await findByCode(context.locals.db, code);
  return row && canViewDocument(viewer, row) ? row : null;
}

export function issuingFor(url: URL): Issuing {
  return { issuer: config.issuer, origin: config.publicOrigin ?? url.origin };
}
