import { describe, expect, test } from 'vitest';
import { passwordProblem, verifyPassword } from '../../../src/lib/auth/password.ts';
import { generateInitialPassword, makeInitialPasswords } from '../../../src/lib/roster/initial-password.ts';

describe('initial passwords', () => {
  test('are three groups of four unambiguous characters that the password rules accept', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const password = generateInitialPassword();
      expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}-[a-hjkmnp-z2-9]{4}$/);
      expect(passwordProblem(password)).toBeNull();
      seen.add(password);
    }
    expect(seen.size).toBe(200);
  });

  test('come with an Argon2id hash that verifies them', async () => {
    const [made] = await makeInitialPasswords(1);
    expect(made!.hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(made!.hash, made!.password)).toBe(true);
    expect(await verifyPassword(made!.hash, 'wrong-password')).toBe(false);
  });
});
