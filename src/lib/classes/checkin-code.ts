import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Rotating check-in codes, TOTP-style (RFC 6238 truncation): the code of a 30-second step is an
 * HMAC-SHA256 of the step number under the session's secret, cut to six digits. The secret never
 * leaves the server; the projector page only ever receives the current code.
 *
 * The exact acceptance rule (decision 009):
 * - the code of the current step is accepted;
 * - the code of the previous step is accepted during the first CODE_GRACE_SECONDS of the current
 *   step (a scan just before the rotation that arrives just after it, or a projector that has not
 *   fetched the new code yet);
 * - the code of an older step, up to CODE_RECOGNISED_STEPS back, is "expired" (said kindly: scan again);
 * - anything else is "wrong".
 * So a code works for at most CODE_STEP_SECONDS + CODE_GRACE_SECONDS after it first appears.
 */
export const CODE_STEP_SECONDS = 30;
export const CODE_GRACE_SECONDS = 10;
export const CODE_DIGITS = 6;
/** Older codes recognised as "expired" rather than "wrong" (10 minutes' worth). */
export const CODE_RECOGNISED_STEPS = 20;

export type CodeVerdict = 'current' | 'grace' | 'expired' | 'wrong';

/** A new session secret: 32 random bytes, base64url. */
export function newTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The 30-second step a moment (epoch ms) falls in. */
export function codeStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / CODE_STEP_SECONDS);
}

/** When a step begins (epoch ms). */
export function stepStartMs(step: number): number {
  return step * CODE_STEP_SECONDS * 1000;
}

/** The six-digit code of a step. */
export function codeForStep(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha256', secret).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const value = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(value % 10 ** CODE_DIGITS).padStart(CODE_DIGITS, '0');
}

/** The code to show now, with the moment it stops being current. */
export function currentCode(secret: string, nowMs: number): { code: string; step: number; rotatesAtMs: number } {
  const step = codeStep(nowMs);
  return { code: codeForStep(secret, step), step, rotatesAtMs: stepStartMs(step + 1) };
}

/** What a person typed or scanned, reduced to its digits ("123 456", full-width "１２３４５６" → "123456"); null if it cannot be a code. */
export function normaliseCode(input: string): string | null {
  const digits = input.normalize('NFKC').replace(/[\s-]/g, '');
  return new RegExp(`^\\d{${CODE_DIGITS}}$`).test(digits) ? digits : null;
}

function same(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Judges a code received at `nowMs` by the rule above. */
export function verifyCode(secret: string, code: string, nowMs: number): CodeVerdict {
  const step = codeStep(nowMs);
  if (same(code, codeForStep(secret, step))) return 'current';
  if (same(code, codeForStep(secret, step - 1))) {
    return nowMs - stepStartMs(step) < CODE_GRACE_SECONDS * 1000 ? 'grace' : 'expired';
  }
  for (let back = 2; back <= CODE_RECOGNISED_STEPS; back++) {
    if (same(code, codeForStep(secret, step - back))) return 'expired';
  }
  return 'wrong';
}

/** "123 456": easier to read off a projector. */
export function spacedCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}
