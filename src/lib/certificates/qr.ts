import QRCode from 'qrcode';

/**
 * QR codes for the verification URL, drawn by the `qrcode` package with error correction level M
 * (15% of the symbol may be damaged: enough for a creased printout, denser than Q or H).
 */

const ERROR_CORRECTION = 'M';
/** Light modules around the symbol; the QR specification asks for 4. */
export const QR_QUIET_ZONE_MODULES = 4;

/** The symbol as a square of modules, without the quiet zone. */
export interface QrMatrix {
  /** Modules per side (21 for version 1, +4 per version). */
  size: number;
  isDark(row: number, col: number): boolean;
}

/** Encodes `text` (the verification URL) into the module matrix the PDF draws as vectors. */
export function createQrMatrix(text: string): QrMatrix {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  return { size: modules.size, isDark: (row, col) => modules.get(row, col) !== 0 };
}

/**
 * The same symbol as a standalone `<svg>` (viewBox in modules, quiet zone included, no fixed size:
 * CSS sizes it). Safe to inline with `set:html`: the library emits only numbers and fixed markup.
 */
export async function renderQrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: ERROR_CORRECTION,
    margin: QR_QUIET_ZONE_MODULES,
    color: { dark: '#000000', light: '#ffffff' },
  });
  return svg.trim();
}
