import type { APIRoute } from 'astro';
import { courseCertificateData, yearlyStatementData } from '@/lib/certificates/documents.ts';
import { renderCourseCertificatePdf, renderYearlyStatementPdf } from '@/lib/certificates/pdf.ts';
import { formatCode } from '@/lib/certificates/verification-code.ts';
import { documentFor, issuingFor } from './_document.ts';

export const GET: APIRoute = async (context) => {
  const row = await documentFor(context);
  if (!row) return new Response('找不到这份证书。', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const issuing = issuingFor(context.url);
  const pdf = row.kind === 'course'
    ? await renderCourseCertificatePdf(courseCertificateData(row, issuing))
    : await renderYearlyStatementPdf(await yearlyStatementData(context.locals.db, row, issuing));
  const filename = `${row.title}-${formatCode(row.code)}.pdf`;
  return new Response(pdf, {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="certificate-${formatCode(row.code)}.pdf"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      'Cache-Control': 'private, no-store',
    },
  });
};
