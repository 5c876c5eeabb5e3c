import type { APIRoute } from 'astro';
import { documentView } from '@/lib/certificates/documents.ts';
import { renderDocumentPdf } from '@/lib/certificates/pdf.ts';
import { formatCode } from '@/lib/certificates/verification-code.ts';
import { fileResponse } from '@/lib/http/file-response.ts';
import { documentFor, issuingFor } from './_document.ts';

export const GET: APIRoute = async (context) => {
  const row = await documentFor(context);
  if (!row) return new Response('找不到这份证书。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const pdf = await renderDocumentPdf(await documentView(context.locals.db, row, issuingFor(context.url)));
  return fileResponse({ body: pdf, contentType: 'application/pdf', filename: `${row.title}-${formatCode(row.code)}.pdf` });
};
