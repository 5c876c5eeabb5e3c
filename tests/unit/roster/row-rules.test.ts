import { describe, expect, test } from 'vitest';
import { nameProblem, positionProblem, readLoginCell } from '../../../src/lib/roster/row-rules.ts';

describe('readLoginCell', () => {
  test('reads a mobile number as both login and phone, ignoring spaces, hyphens and +86', () => {
    for (const text of ['13912345678', '139 1234 5678', '139-1234-5678', '+86 13912345678', '8613912345678']) {
      expect(readLoginCell(text), text).toEqual({ ok: true, login: '13912345678', phone: '13912345678' });
    }
  });

  test('lowercases an ordinary login and gives it no phone', () => {
    expect(readLoginCell('Wang.JJ')).toEqual({ ok: true, login: 'wang.jj', phone: null });
  });

  test('refuses digits that are not a mobile number instead of making them a login', () => {
    for (const text of ['1391234567', '139123456789', '23912345678', '0357-1234567']) {
      const cell = readLoginCell(text);
      expect(cell.ok, text).toBe(false);
      if (!cell.ok) expect(cell.message).toContain('手机号');
    }
  });

  test('refuses Chinese characters, spaces and empty cells with a Chinese reason', () => {
    expect(readLoginCell('王五')).toMatchObject({ ok: false, message: expect.stringContaining('登录名“王五”格式不正确') });
    expect(readLoginCell('wang jj')).toMatchObject({ ok: false });
    expect(readLoginCell('')).toEqual({ ok: false, message: '请填写登录名或手机号。' });
  });
});

describe('nameProblem and positionProblem', () => {
  test('require a name of at most 40 characters, counted as characters not bytes', () => {
    expect(nameProblem('')).toBe('请填写姓名。');
    expect(nameProblem('王'.repeat(40))).toBeNull();
    expect(nameProblem('王'.repeat(41))).toBe('姓名过长：最多 40 字，现有 41 字。');
  });

  test('allow an empty position and refuse one over 60 characters', () => {
    expect(positionProblem('')).toBeNull();
    expect(positionProblem('书'.repeat(61))).toBe('职务过长：最多 60 字，现有 61 字。');
  });
});
