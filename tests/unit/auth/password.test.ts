import { describe, expect, test } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from '../../../src/lib/auth/password.ts';

describe('hashPassword', () => {
  test('produces an Argon2id PHC string with the OWASP parameters', async () => {
    expect(await hashPassword('yonghe-demo-2026')).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  test('salts every hash, so the same password hashes differently', async () => {
    expect(await hashPassword('same-password')).not.toBe(await hashPassword('same-password'));
  });
});

describe('verifyPassword', () => {
  test('accepts the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse');
    expect(await verifyPassword(hash, 'correct horse')).toBe(true);
    expect(await verifyPassword(hash, 'correct horsE')).toBe(false);
  });

  test('returns false for a malformed hash instead of throwing', async () => {
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });
});

describe('passwordProblem', () => {
  test('refuses short and all-digit passwords with a Chinese reason', () => {
    expect(passwordProblem('short')).toContain('至少');
    expect(passwordProblem('12345678')).toContain('数字');
  });

  test('accepts a reasonable password', () => {
    expect(passwordProblem('yonghe-demo-2026')).toBeNull();
  });
});
