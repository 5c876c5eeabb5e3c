import { describe, expect, test } from 'vitest';
import { generateSessionToken, hashSessionToken } from '../../../src/lib/auth/token.ts';

describe('generateSessionToken', () => {
  test('makes 32 base32 characters from 20 random bytes', () => {
    expect(generateSessionToken()).toMatch(/^[a-z2-7]{32}$/);
  });

  test('never repeats across many tokens', () => {
    const tokens = new Set(Array.from({ length: 2000 }, generateSessionToken));
    expect(tokens.size).toBe(2000);
  });
});

describe('hashSessionToken', () => {
  test('stores the SHA-256 hex of the token, not the token', () => {
    // SHA-256("abc") is a published test vector.
    expect(hashSessionToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('gives different ids for different tokens', () => {
    expect(hashSessionToken(generateSessionToken())).not.toBe(hashSessionToken(generateSessionToken()));
  });
});
