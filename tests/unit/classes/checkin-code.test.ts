import { describe, expect, test } from 'vitest';
import {
  CODE_GRACE_SECONDS, CODE_RECOGNISED_STEPS, CODE_STEP_SECONDS, codeForStep, codeStep, currentCode, newTokenSecret, normaliseCode, spacedCode, stepStartMs, verifyCode,
} from '../../../src/lib/classes/checkin-code.ts';

const SECRET = 'test-secret-for-the-projector';
const STEP_MS = CODE_STEP_SECONDS * 1000;
/** A moment at the very start of a step. */
const T0 = stepStartMs(59_000_000);

describe('codeForStep', () => {
  test('is six digits, the same for the same secret and step, and differs between steps and secrets', () => {
    const code = codeForStep(SECRET, 42);
    expect(code).toMatch(/^\d{6}$/);
    expect(codeForStep(SECRET, 42)).toBe(code);
    const nextCodes = new Set(Array.from({ length: 50 }, (_, i) => codeForStep(SECRET, 43 + i)));
    expect(nextCodes.size).toBeGreaterThan(45);
    expect(codeForStep('another-secret', 42)).not.toBe(code);
  });

  test('never contains the secret', () => {
    const secret = newTokenSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(currentCode(secret, T0).code).not.toContain(secret.slice(0, 6));
  });
});

describe('rotation', () => {
  test('the code changes every 30 seconds, at the step boundary', () => {
    const first = currentCode(SECRET, T0);
    expect(currentCode(SECRET, T0 + STEP_MS - 1).code).toBe(first.code);
    expect(first.rotatesAtMs).toBe(T0 + STEP_MS);
    expect(currentCode(SECRET, T0 + STEP_MS).code).toBe(codeForStep(SECRET, first.step + 1));
    expect(codeStep(T0 + STEP_MS)).toBe(first.step + 1);
  });
});

describe('verifyCode', () => {
  const code = codeForStep(SECRET, codeStep(T0));

  test('accepts the current code for its whole step', () => {
    expect(verifyCode(SECRET, code, T0)).toBe('current');
    expect(verifyCode(SECRET, code, T0 + STEP_MS - 1)).toBe('current');
  });

  test('accepts the previous code only in the first 10 seconds of the next step', () => {
    expect(verifyCode(SECRET, code, T0 + STEP_MS)).toBe('grace');
    expect(verifyCode(SECRET, code, T0 + STEP_MS + CODE_GRACE_SECONDS * 1000 - 1)).toBe('grace');
    expect(verifyCode(SECRET, code, T0 + STEP_MS + CODE_GRACE_SECONDS * 1000)).toBe('expired');
  });

  test('calls a code from an older step expired (photographed and used after it rotated)', () => {
    expect(verifyCode(SECRET, code, T0 + 2 * STEP_MS)).toBe('expired');
    expect(verifyCode(SECRET, code, T0 + CODE_RECOGNISED_STEPS * STEP_MS)).toBe('expired');
  });

  test('calls a code older than ten minutes, a code from the future and a made-up code wrong', () => {
    expect(verifyCode(SECRET, code, T0 + (CODE_RECOGNISED_STEPS + 1) * STEP_MS)).toBe('wrong');
    expect(verifyCode(SECRET, codeForStep(SECRET, codeStep(T0) + 1), T0)).toBe('wrong');
    const madeUp = code === '000000' ? '000001' : '000000';
    expect(verifyCode(SECRET, madeUp, T0)).toBe('wrong');
    expect(verifyCode('another-secret', code, T0)).toBe('wrong');
  });
});

describe('normaliseCode', () => {
  test('reads spaces, hyphens and full-width digits as typed on a phone', () => {
    expect(normaliseCode('123 456')).toBe('123456');
    expect(normaliseCode('１２３４５６')).toBe('123456');
    expect(normaliseCode('123-456')).toBe('123456');
    expect(spacedCode('123456')).toBe('123 456');
  });

  test('refuses anything that is not six digits', () => {
    for (const bad of ['', '12345', '1234567', 'abcdef', '12345a', '１２３ ４５']) expect(normaliseCode(bad)).toBeNull();
  });
});
