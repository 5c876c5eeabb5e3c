import { create, type Font } from 'fontkit';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * The Chinese font embedded in certificate PDFs: Noto Sans SC (SIL OFL 1.1) as static TrueType files
 * from the `@expo-google-fonts/noto-sans-sc` package, so a fresh `npm install` is all a machine needs.
 * TrueType (glyf) rather than the CFF-based Noto Sans CJK OTF because fontkit subsets glyf fonts
 * tightly: a certificate embeds ~10 KB of glyphs instead of ~90 KB of CFF subroutines.
 */

const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

export type CertificateFontWeight = keyof typeof FONT_FILES;
export type CertificateFonts = Record<CertificateFontWeight, Font>;

let loading: Promise<CertificateFonts> | null = null;

/**
 * Both weights, read and parsed once per process (about 21 MB kept in memory) and shared by every
 * document: pdfkit takes parsed fontkit fonts, so each render only lays out and subsets its glyphs.
 * Resolved through Node's resolver so it works from `src/` and from the built server.
 */
export function loadCertificateFonts(): Promise<CertificateFonts> {
  loading ??= readFonts().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

async function readFonts(): Promise<CertificateFonts> {
  const require = createRequire(import.meta.url);
  const open = async (weight: CertificateFontWeight): Promise<Font> => {
    let file: string;
    try {
      file = require.resolve(FONT_FILES[weight]);
    } catch (cause) {
      throw new Error(
        `The certificate font ${FONT_FILES[weight]} is missing. Run \`npm install\` (it is a dependency in package.json).`,
        { cause },
      );
    }
    const font = create(await readFile(file));
    if (!('layout' in font)) throw new Error(`${file} is a font collection; certificates need a single TrueType font.`);
    return font;
  };
  const [regular, bold] = await Promise.all([open('regular'), open('bold')]);
  return { regular, bold };
}
