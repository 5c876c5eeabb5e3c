import { describe, expect, test } from 'vitest';
import { beijingDateOf, beijingYearOf, isoString, verificationCodeSource } from '../../../db/seeds/bulk-values.ts';
import { positionedId, seededRandom } from '../../../db/seeds/seeded-random.ts';
import { normalizeCode } from '../../../src/lib/certificates/verification-code.ts';
import { beijingIsoDate, beijingYear } from '../../../src/lib/hours/beijing-year.ts';

/** Moments across a few years, and each side of midnight on New Year's Eve in Beijing (16:00 UTC). */
const moments = [
  ...Array.from({ length: 2000 }, (_, i) => Date.UTC(2024, 0, 1) + i * 47_317_123 + (i % 1000)),
  ...[2025, 2026, 2027].flatMap((y) => [Date.UTC(y, 11, 31, 15, 59, 59, 999), Date.UTC(y, 11, 31, 16, 0, 0, 0)]),
];

describe('bulk values for generated rows', () => {
  test('isoString gives what Date#toISOString gives', () => {
    for (const ms of moments) expect(isoString(ms)).toBe(new Date(ms).toISOString());
  });

  test('the Beijing year and date agree with the app helpers, also at the turn of the year', () => {
    for (const ms of moments) {
      expect(beijingYearOf(ms)).toBe(beijingYear(new Date(ms)));
      expect(beijingDateOf(ms)).toBe(beijingIsoDate(new Date(ms)));
    }
  });

  test('verification codes are well-formed and do not repeat', () => {
    const next = verificationCodeSource();
    const codes = Array.from({ length: 20_000 }, next);
    for (const code of codes.slice(0, 500)) expect(normalizeCode(code)).toBe(code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('seededRandom', () => {
  test('the same key gives the same sequence, another key another one', () => {
    const draw = (key: string) => {
      const random = seededRandom(key);
      return [random.next(), random.int(10), random.id(), random.shuffle([1, 2, 3, 4, 5])];
    };
    expect(draw('7:cadre:1')).toEqual(draw('7:cadre:1'));
    expect(draw('7:cadre:1')).not.toEqual(draw('7:cadre:2'));
  });

  test('ids look like newId() and positioned ids sort by position', () => {
    const random = seededRandom('ids');
    expect(random.id()).toMatch(/^[a-z2-7]{16}$/);
    const ids = [0, 1, 31, 32, 1000, 40_000, 2 ** 25 - 1].map((p) => positionedId(p, random));
    for (const id of ids) expect(id).toMatch(/^[a-z2-7]{16}$/);
    expect([...ids].sort()).toEqual(ids);
  });
});
