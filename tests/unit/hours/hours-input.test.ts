import { describe, expect, test } from 'vitest';
import { ValidationError } from '../../../src/lib/errors.ts';
import { hoursToTenths, parseHoursText, requireReason } from '../../../src/lib/hours/hours-input.ts';

const bounds = { min: -200, max: 200 };
const problem = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return { message: error.message, field: (error.details as { field: string }).field };
    throw error;
  }
  return null;
};

describe('hoursToTenths', () => {
  test('turns hours with at most one decimal into tenths, negative ones too', () => {
    expect(hoursToTenths(2.5, bounds, 'hours', '学时')).toBe(25);
    expect(hoursToTenths(-0.1, bounds, 'hours', '学时')).toBe(-1);
    expect(hoursToTenths(200, bounds, 'hours', '学时')).toBe(2000);
    expect(hoursToTenths(0.3, bounds, 'hours', '学时')).toBe(3);
  });

  test('refuses a second decimal, a value out of bounds and a non-number, naming the field', () => {
    expect(problem(() => hoursToTenths(1.25, bounds, 'hours', '调整学时'))).toEqual({ message: '调整学时最多保留一位小数，如 1.5。', field: 'hours' });
    expect(problem(() => hoursToTenths(200.1, bounds, 'hours', '调整学时'))?.message).toBe('调整学时须在 -200 到 200 之间。');
    expect(problem(() => hoursToTenths(-1, { min: 0, max: 500 }, 'total', '总学时'))?.field).toBe('total');
    expect(problem(() => hoursToTenths(Number.NaN, bounds, 'hours', '调整学时'))?.message).toBe('调整学时须为数字。');
    expect(problem(() => hoursToTenths(Number.POSITIVE_INFINITY, bounds, 'hours', '调整学时'))?.message).toBe('调整学时须为数字。');
  });
});

describe('parseHoursText', () => {
  test('reads plain, signed and full-width decimals as typed on a Chinese keyboard', () => {
    expect(parseHoursText(' 1.5 ')).toBe(1.5);
    expect(parseHoursText('-2')).toBe(-2);
    expect(parseHoursText('+3')).toBe(3);
    expect(parseHoursText('１．５')).toBe(1.5);
    expect(parseHoursText('－２')).toBe(-2);
  });

  test('gives NaN for empty or anything but a plain decimal', () => {
    for (const text of ['', ' ', '三', '1e3', '0x10', '1.', '.5', '1,5', 'Infinity']) expect(parseHoursText(text), text).toBeNaN();
  });
});

describe('requireReason', () => {
  test('counts Chinese characters, not bytes, and trims blanks', () => {
    expect(requireReason('  上级调训补记  ')).toBe('上级调训补记');
    expect(requireReason('重复计入了')).toBe('重复计入了');
  });

  test('refuses fewer than five characters or more than two hundred', () => {
    expect(problem(() => requireReason('补记学时'))).toEqual({ message: '请写明原因（至少 5 个字），以备核查。', field: 'reason' });
    expect(problem(() => requireReason('          '))?.field).toBe('reason');
    expect(problem(() => requireReason('字'.repeat(201)))?.message).toBe('原因不超过 200 个字。');
  });
});
