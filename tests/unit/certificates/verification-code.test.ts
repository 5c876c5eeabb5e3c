import { describe, expect, test } from 'vitest';
import {
  formatCode,
  newVerificationCode,
  normalizeCode,
  VERIFICATION_CODE_LENGTH,
  verificationUrl,
} from '../../../src/lib/certificates/verification-code.ts';

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]+$/;

describe('newVerificationCode', () => {
  test('is 12 upper-case Crockford characters, without I, L, O or U', () => {
    const code = newVerificationCode();
    expect(code).toHaveLength(VERIFICATION_CODE_LENGTH);
    expect(code).toMatch(CROCKFORD);
  });

  test('never repeats over 20,000 draws and uses the whole alphabet in every position', () => {
    const codes = Array.from({ length: 20_000 }, newVerificationCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (let position = 0; position < VERIFICATION_CODE_LENGTH; position++) {
      expect(new Set(codes.map((code) => code[position])).size).toBe(32);
    }
  });

  test('comes back unchanged through format and normalize', () => {
    const code = newVerificationCode();
    expect(normalizeCode(formatCode(code))).toBe(code);
  });
});

describe('formatCode', () => {
  test('groups a code in fours with dashes', () => {
    expect(formatCode('7K3MQX9D2HFA')).toBe('7K3M-QX9D-2HFA');
  });

  test('normalises what it is given first', () => {
    expect(formatCode('7k3m qx9d 2hfa')).toBe('7K3M-QX9D-2HFA');
  });

  test('leaves malformed input as it is', () => {
    expect(formatCode('not a code')).toBe('not a code');
  });
});

describe('normalizeCode', () => {
  test.each([
    ['the stored form', '7K3MQX9D2HFA'],
    ['the printed form', '7K3M-QX9D-2HFA'],
    ['lower case', '7k3m-qx9d-2hfa'],
    ['spaces instead of dashes', ' 7K3M QX9D 2HFA '],
    ['a typographic dash', '7K3M–QX9D—2HFA'],
    ['full-width characters from a Chinese input method', '７Ｋ３Ｍ－ＱＸ９Ｄ－２ＨＦＡ'],
  ])('accepts %s', (_, input) => {
    expect(normalizeCode(input)).toBe('7K3MQX9D2HFA');
  });

  test('reads O as 0 and I or L as 1, as Crockford prescribes', () => {
    expect(normalizeCode('O1IL-oil0-0000')).toBe('011101100000');
  });

  test.each([
    ['too short', '7K3M-QX9D-2HF'],
    ['too long', '7K3M-QX9D-2HFAB'],
    ['a U (not in the alphabet)', '7K3M-QX9D-2HFU'],
    ['punctuation', '7K3M.QX9D.2HFA'],
    ['Chinese characters', '验证码7K3MQX9D2HFA'],
    ['nothing', ''],
  ])('returns null for %s', (_, input) => {
    expect(normalizeCode(input)).toBeNull();
  });
});

describe('verificationUrl', () => {
  test('puts the printed form of the code under /verify on the origin', () => {
    expect(verificationUrl('https://jt.example.cn', '7K3MQX9D2HFA')).toBe('https://jt.example.cn/verify/7K3M-QX9D-2HFA');
  });

  test('ignores a trailing slash on the origin', () => {
    expect(verificationUrl('https://jt.example.cn/', '7K3MQX9D2HFA')).toBe('https://jt.example.cn/verify/7K3M-QX9D-2HFA');
  });
});
