import { hashGeneratedPassword } from '../auth/password.ts';

/** No 0/o, 1/l/i: the password is read off paper by people who did not choose it. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const GROUPS = 3;
const GROUP_LENGTH = 4;
/** Hashes run on the libuv thread pool; a few at a time leave room for other requests. */
const HASH_CONCURRENCY = 4;

/**
 * A random initial password like `k7tm-q3wz-8hce`: 12 characters from 31 (≈ 59 bits), unbiased
 * (rejection sampling), grouped for reading aloud.
 */
export function generateInitialPassword(): string {
  const chars: string[] = [];
  const limit = 256 - (256 % ALPHABET.length);
  while (chars.length < GROUPS * GROUP_LENGTH) {
    for (const byte of crypto.getRandomValues(new Uint8Array(32))) {
      if (byte < limit && chars.length < GROUPS * GROUP_LENGTH) chars.push(ALPHABET[byte % ALPHABET.length]!);
    }
  }
  return Array.from({ length: GROUPS }, (_, g) => chars.slice(g * GROUP_LENGTH, (g + 1) * GROUP_LENGTH).join('')).join('-');
}

/** A fresh password and its hash for each of `count` new accounts (the clear text is shown once, never stored). */
export async function makeInitialPasswords(count: number): Promise<Array<{ password: string; hash: string }>> {
  const made: Array<{ password: string; hash: string }> = [];
  for (let i = 0; i < count; i += HASH_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(HASH_CONCURRENCY, count - i) }, generateInitialPassword);
    made.push(...(await Promise.all(batch.map(async (password) => ({ password, hash: await hashGeneratedPassword(password) })))));
  }
  return made;
}
