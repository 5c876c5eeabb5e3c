import { hash, verify } from '@node-rs/argon2';

/** OWASP's Argon2id minimum: 19 MiB, 2 passes, 1 lane. */
const ARGON2_OPTIONS = { algorithm: 2 /* Algorithm.Argon2id, an ambient const enum that verbatimModuleSyntax cannot import */, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Argon2id hash in PHC string form. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/**
 * Cheaper Argon2id (4 MiB, 1 pass) for passwords the server generates at random with at least
 * 58 bits of entropy (roster imports): guessing such a secret is infeasible at any hash cost, and
 * the full cost would take minutes for thousands of new accounts. Never use it for chosen passwords.
 */
const GENERATED_PASSWORD_OPTIONS = { ...ARGON2_OPTIONS, memoryCost: 4096, timeCost: 1 } as const;

/** Argon2id hash (PHC string, so `verifyPassword` reads its parameters) of a server-generated random password. */
export function hashGeneratedPassword(password: string): Promise<string> {
  return hash(password, GENERATED_PASSWORD_OPTIONS);
}

/** True when the password matches the PHC hash; false for a malformed hash too. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** A hash that matches no password, verified for unknown logins so both paths cost the same. */
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword('timing-equaliser-' + crypto.randomUUID());
  return dummyHash;
}

/** Chinese reason why a new password is not acceptable, or null when it is. */
export function passwordProblem(password: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符。`;
  if (password.length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符。`;
  if (/^\d+$/.test(password)) return '密码不能全是数字，请加入字母或符号。';
  return null;
}
