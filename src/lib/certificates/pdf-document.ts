import PDFDocument from 'pdfkit';
import { loadCertificateFonts } from './fonts.ts';
import { createQrMatrix } from './qr.ts';
import type { IssuedDocument } from './types.ts';
import { formatDocumentDate, verificationCodeLine, verificationHint } from './wording.ts';

/** Building blocks shared by both certificate PDFs: the A4 document, colours, QR, signature, bytes. */

/** A4 in PDF points (1/72 inch). */
export const A4_WIDTH_PT = 595.28;
export const A4_HEIGHT_PT = 841.89;

export const COLORS = { red: '#a8161b', ink: '#1a1a1a', muted: '#4a4a4a', line: '#d6d0c4', wash: '#efe9df' } as const;
export const FONT = { regular: 'regular', bold: 'bold' } as const;

export type Pdf = PDFKit.PDFDocument;

/** A new A4 portrait document with both font weights registered and metadata set; nothing drawn yet. */
export async function createPdf(options: { title: string; author: string; margin: number; bufferPages?: boolean }): Promise<Pdf> {
  const fonts = await loadCertificateFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: options.margin,
    bufferPages: options.bufferPages ?? false,
    // No default font, so pdfkit never loads its Helvetica metrics; it also avoids pdfkit 0.20 re-opening a font
    // first set by value on every later `font(name)` (@types/pdfkit 0.17 declares `font?: string`; pdfkit checks for null).
    font: null as unknown as string,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: options.title, Author: options.author, Creator: '讲堂 Jiangtang' },
  });
  // pdfkit 0.20 takes parsed fontkit fonts here (CHANGELOG 0.20.0); @types/pdfkit 0.17 only lists file sources.
  doc.registerFont(FONT.regular, fonts.regular as unknown as Uint8Array);
  doc.registerFont(FONT.bold, fonts.bold as unknown as Uint8Array);
  return doc.font(FONT.regular).fillColor(COLORS.ink);
}

/** Ends the document and collects its bytes (pdfkit subsets the fonts as it writes them). */
export function finishPdf(doc: Pdf): Promise<Uint8Array<ArrayBuffer>> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('error', reject);
    doc.on('end', () => {
      const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      resolve(bytes);
    });
    doc.end();
  });
}

/** The QR code as filled rectangles (one per horizontal run of dark modules): sharp at any zoom or printer. */
export function drawQr(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const matrix = createQrMatrix(text);
  const module = size / matrix.size;
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.isDark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.isDark(row, col)) col++;
      doc.rect(x + start * module, y + row * module, (col - start) * module, module);
    }
  }
  doc.fillColor('#000000').fill();
  doc.fillColor(COLORS.ink);
}

/** Issuer and date, right-aligned at `right` with the date centred under the issuer (公文落款). Returns the bottom. */
export function drawSignature(doc: Pdf, issued: IssuedDocument, right: number, top: number, fontSize: number): number {
  const date = formatDocumentDate(issued.issueDate);
  doc.font(FONT.regular).fontSize(fontSize).fillColor(COLORS.ink);
  const issuerWidth = doc.widthOfString(issued.issuer);
  const dateWidth = doc.widthOfString(date);
  const centre = right - Math.max(issuerWidth, dateWidth) / 2;
  const lineHeight = doc.currentLineHeight(true);
  doc.text(issued.issuer, centre - issuerWidth / 2, top, { lineBreak: false });
  doc.text(date, centre - dateWidth / 2, top + lineHeight * 1.6, { lineBreak: false });
  return top + lineHeight * 2.6;
}

export const VERIFICATION_BLOCK_HEIGHT = 84;

/** QR code on the left, verification code and the "scan or visit" sentence beside it, above a hairline. */
export function drawVerificationBlock(doc: Pdf, issued: IssuedDocument, noun: '证书' | '证明', left: number, width: number, top: number): void {
  doc.moveTo(left, top).lineTo(left + width, top).lineWidth(0.5).strokeColor(COLORS.line).stroke();
  const qrSize = VERIFICATION_BLOCK_HEIGHT - 12;
  drawQr(doc, issued.verificationUrl, left, top + 10, qrSize);
  const textLeft = left + qrSize + 16;
  const textWidth = width - qrSize - 16;
  doc.font(FONT.bold).fontSize(12).fillColor(COLORS.ink);
  doc.text(verificationCodeLine(issued), textLeft, top + 20, { width: textWidth, characterSpacing: 0.5 });
  doc.font(FONT.regular).fontSize(9.5).fillColor(COLORS.muted);
  doc.text(verificationHint(noun), textLeft, doc.y + 6, { width: textWidth, lineGap: 3 });
  doc.text(issued.verificationUrl, textLeft, doc.y + 1, { width: textWidth, lineGap: 3 });
  doc.fillColor(COLORS.ink);
}
