import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A new random text id (80 bits, base32), made in TypeScript so every dialect stores the same. */
export function newId(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}
