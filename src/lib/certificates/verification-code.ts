/**
 * Verification codes printed on certificates: 12 characters of Crockford base32 (60 random bits),
 * stored bare ('7K3MQX9D2HFA') and printed in groups of four ('7K3M-QX9D-2HFA'). The alphabet has
 * no I, L, O or U, so a code read aloud or typed from paper survives the usual confusions.
 */

const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VERIFICATION_CODE_LENGTH = 12;
const GROUP_LENGTH = 4;

/** Read-alikes Crockford decodes to digits (O→0, I/L→1). */
const LOOKALIKES: Record<string, string> = { O: '0', I: '1', L: '1' };
/** Separators people type or paste between groups: spaces, ASCII and typographic dashes, underscores. */
const SEPARATORS = /[\s\-_\u2010-\u2015\u2212]/g;

/** A new random code (60 bits from the platform CSPRNG), bare and upper case. */
export function newVerificationCode(): string {
  // 256 is a multiple of 32, so `byte & 31` is uniform: each character carries exactly 5 random bits.
  const bytes = crypto.getRandomValues(new Uint8Array(VERIFICATION_CODE_LENGTH));
  return Array.from(bytes, (byte) => CROCKFORD_ALPHABET[byte & 31]).join('');
}

/** '7K3MQX9D2HFA' → '7K3M-QX9D-2HFA' (any well-formed input is normalised first; malformed is returned as given). */
export function formatCode(code: string): string {
  const bare = normalizeCode(code);
  if (bare === null) return code;
  return bare.match(new RegExp(`.{1,${GROUP_LENGTH}}`, 'g'))!.join('-');
}

/**
 * The stored form of what someone typed or scanned, or null if it cannot be a code: accepts lower
 * case, full-width characters (Chinese input methods), missing or extra dashes and spaces, and O/I/L
 * for 0/1. U and any other character make it malformed.
 */
export function normalizeCode(input: string): string | null {
  const bare = input
    .normalize('NFKC')
    .replace(SEPARATORS, '')
    .toUpperCase()
    .replace(/[OIL]/g, (c) => LOOKALIKES[c]!);
  if (bare.length !== VERIFICATION_CODE_LENGTH) return null;
  for (const c of bare) if (!CROCKFORD_ALPHABET.includes(c)) return null;
  return bare;
}

/** The public page that checks a code: `<origin>/verify/7K3M-QX9D-2HFA` (the route should `normalizeCode` its parameter). */
export function verificationUrl(origin: string, code: string): string {
  return new URL(`/verify/${formatCode(code)}`, origin).href;
}
