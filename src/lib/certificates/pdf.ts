import type { DocumentView } from './documents.ts';
import { drawLedgerTable } from './pdf-ledger-table.ts';
import {
  A4_HEIGHT_PT,
  A4_WIDTH_PT,
  COLORS,
  createPdf,
  drawSignature,
  drawVerificationBlock,
  finishPdf,
  FONT,
  VERIFICATION_BLOCK_HEIGHT,
  type Pdf,
} from './pdf-document.ts';
import type { ClassCertificateData, CourseCertificateData, IssuedDocument, YearlyStatementData } from './types.ts';
import { formatCode } from './verification-code.ts';
import {
  classCertificateBody,
  COURSE_CERTIFICATE_CLOSING,
  COURSE_CERTIFICATE_TITLE,
  courseCertificateBody,
  YEARLY_STATEMENT_CLOSING,
  YEARLY_STATEMENT_TITLE,
  yearlyStatementBody,
  yearlyStatementFigures,
} from './wording.ts';

/** The certificate PDFs (A4 portrait, Noto Sans SC embedded as a subset, QR code as vectors). */

/** Left and right edge of the certificate's text; the page margin stays small so the bottom block fits. */
const CERTIFICATE_INSET_PT = 90;
const CERTIFICATE_MARGIN_PT = 40;
const STATEMENT_MARGIN_PT = 56;
const FOOTER_HEIGHT_PT = 28;

/** 课程结业证书: one page inside a red double frame. */
export function renderCourseCertificatePdf(data: CourseCertificateData): Promise<Uint8Array<ArrayBuffer>> {
  return renderCompletionCertificatePdf(data, '课程结业证书', courseCertificateBody(data));
}

/** 班次结业证书: the same page, with the class's sentence. */
export function renderClassCertificatePdf(data: ClassCertificateData): Promise<Uint8Array<ArrayBuffer>> {
  return renderCompletionCertificatePdf(data, '班次结业证书', classCertificateBody(data));
}

/** The PDF of any issued document. */
export function renderDocumentPdf(view: DocumentView): Promise<Uint8Array<ArrayBuffer>> {
  return view.kind === 'yearly' ? renderYearlyStatementPdf(view.data) : renderCompletionCertificatePdf(view.data, view.label, view.body);
}

async function renderCompletionCertificatePdf(data: IssuedDocument & { cadreName: string }, kindTitle: string, body: string): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await createPdf({ title: `${kindTitle} - ${data.cadreName}`, author: data.issuer, margin: CERTIFICATE_MARGIN_PT });
  const left = CERTIFICATE_INSET_PT;
  const width = A4_WIDTH_PT - 2 * CERTIFICATE_INSET_PT;

  doc.rect(28, 28, A4_WIDTH_PT - 56, A4_HEIGHT_PT - 56).lineWidth(2.5).strokeColor(COLORS.red).stroke();
  doc.rect(35, 35, A4_WIDTH_PT - 70, A4_HEIGHT_PT - 70).lineWidth(0.6).strokeColor(COLORS.red).stroke();

  doc.font(FONT.bold).fontSize(40).fillColor(COLORS.red);
  doc.text(COURSE_CERTIFICATE_TITLE, left, 150, { width, align: 'center', characterSpacing: 18 });
  doc.moveTo(A4_WIDTH_PT / 2 - 60, 222).lineTo(A4_WIDTH_PT / 2 + 60, 222).lineWidth(1).strokeColor(COLORS.red).stroke();

  doc.font(FONT.regular).fontSize(16).fillColor(COLORS.ink);
  doc.text(body, left, 280, { width, indent: 32, lineGap: 12 });
  doc.text(COURSE_CERTIFICATE_CLOSING, left, doc.y + 18, { width, indent: 32 });

  const verificationTop = A4_HEIGHT_PT - 60 - VERIFICATION_BLOCK_HEIGHT - 20;
  const signatureTop = Math.min(Math.max(doc.y + 60, 540), verificationTop - 90);
  drawSignature(doc, data, left + width, signatureTop, 16);
  drawVerificationBlock(doc, data, '证书', left, width, verificationTop);
  return finishPdf(doc);
}

/** 年度学时证明: summary, then the ledger table over as many pages as it needs, then signature and QR. */
export async function renderYearlyStatementPdf(data: YearlyStatementData): Promise<Uint8Array<ArrayBuffer>> {
  const doc = await createPdf({
    title: `${data.year}年度学时证明 - ${data.cadreName}`,
    author: data.issuer,
    margin: STATEMENT_MARGIN_PT,
    bufferPages: true,
  });
  const left = STATEMENT_MARGIN_PT;
  const width = A4_WIDTH_PT - 2 * STATEMENT_MARGIN_PT;
  const bottom = A4_HEIGHT_PT - STATEMENT_MARGIN_PT - FOOTER_HEIGHT_PT;

  doc.rect(0, 0, A4_WIDTH_PT, 8).fill(COLORS.red);
  doc.font(FONT.bold).fontSize(26).fillColor(COLORS.red);
  doc.text(YEARLY_STATEMENT_TITLE, left, 64, { width, align: 'center', characterSpacing: 8 });
  doc.font(FONT.regular).fontSize(12).fillColor(COLORS.muted);
  doc.text(`（${data.year}年度）`, left, doc.y + 4, { width, align: 'center' });

  doc.font(FONT.regular).fontSize(12).fillColor(COLORS.ink);
  doc.text(yearlyStatementBody(data), left, doc.y + 22, { width, indent: 24, lineGap: 6 });
  const figuresBottom = drawFigures(doc, yearlyStatementFigures(data), left, width, doc.y + 16);

  doc.font(FONT.bold).fontSize(12).fillColor(COLORS.ink).text('学时明细', left, figuresBottom + 20);
  const continuationTop = STATEMENT_MARGIN_PT + 24;
  const tableBox = { left, width, bottom, continuationTop };
  const closingHeight = 16 + 24 + 70 + VERIFICATION_BLOCK_HEIGHT + 20;
  let y = drawLedgerTable(doc, data.entries, tableBox, doc.y + 8, closingHeight, () => drawContinuationHeading(doc, data, left, width));
  // Only when there are no rows to carry over (the empty-table note) can the closing still miss the page.
  if (y + closingHeight > bottom) {
    doc.addPage();
    drawContinuationHeading(doc, data, left, width);
    y = continuationTop;
  }
  doc.font(FONT.regular).fontSize(12).fillColor(COLORS.ink);
  doc.text(YEARLY_STATEMENT_CLOSING, left, y + 16, { width, indent: 24 });
  const signatureBottom = drawSignature(doc, data, left + width, doc.y + 24, 13);
  drawVerificationBlock(doc, data, '证明', left, width, Math.max(signatureBottom + 20, bottom - VERIFICATION_BLOCK_HEIGHT));
  drawPageFooters(doc, data, left, width);
  return finishPdf(doc);
}

function drawFigures(doc: Pdf, figures: Array<[string, string]>, left: number, width: number, top: number): number {
  const cellWidth = width / figures.length;
  const height = 58;
  doc.rect(left, top, width, height).lineWidth(0.6).strokeColor(COLORS.line).stroke();
  figures.forEach(([label, value], i) => {
    const x = left + i * cellWidth;
    if (i > 0) doc.moveTo(x, top + 8).lineTo(x, top + height - 8).strokeColor(COLORS.line).stroke();
    doc.font(FONT.regular).fontSize(9.5).fillColor(COLORS.muted).text(label, x, top + 9, { width: cellWidth, align: 'center' });
    doc.font(FONT.bold).fontSize(18).fillColor(COLORS.ink).text(`${value} 学时`, x, top + 25, { width: cellWidth, align: 'center' });
  });
  return top + height;
}

function drawContinuationHeading(doc: Pdf, data: YearlyStatementData, left: number, width: number): void {
  doc.rect(0, 0, A4_WIDTH_PT, 8).fill(COLORS.red);
  doc.font(FONT.regular).fontSize(9.5).fillColor(COLORS.muted);
  doc.text(`${data.cadreName} · ${data.year}年度学时证明（续）`, left, STATEMENT_MARGIN_PT, { width });
  doc.fillColor(COLORS.ink);
}

/** "验证码 … · 第 n 页，共 N 页" at the foot of every page, written once the page count is known. */
function drawPageFooters(doc: Pdf, data: YearlyStatementData, left: number, width: number): void {
  const { start, count } = doc.bufferedPageRange();
  const top = A4_HEIGHT_PT - STATEMENT_MARGIN_PT - 12;
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    doc.font(FONT.regular).fontSize(8.5).fillColor(COLORS.muted);
    // `height` keeps pdfkit from treating text below the bottom margin as overflow (which adds a page).
    doc.text(`验证码 ${formatCode(data.verificationCode)}`, left, top, { width, height: 20, lineBreak: false });
    doc.text(`第 ${i - start + 1} 页，共 ${count} 页`, left, top, { width, height: 20, align: 'right', lineBreak: false });
  }
}
