import { describe, expect, test } from 'vitest';
import { cellText, compactText, normaliseName, normaliseText } from '../../../src/lib/roster/cell-text.ts';

describe('cellText', () => {
  test('gives a phone number typed into a number cell as its digits', () => {
    expect(cellText(13912345678)).toBe('13912345678');
    expect(cellText(1.5)).toBe('1.5');
  });

  test('joins rich text and reads hyperlinks, formula results and errors', () => {
    expect(cellText({ richText: [{ text: '王' }, { text: '建军', font: { bold: true } }] })).toBe('王建军');
    expect(cellText({ text: 'wang', hyperlink: 'mailto:wang@example.cn' })).toBe('wang');
    expect(cellText({ formula: 'A1', result: 13912345678 })).toBe('13912345678');
    expect(cellText({ sharedFormula: 'A1', result: '芝河镇' })).toBe('芝河镇');
    expect(cellText({ formula: 'A1' })).toBe('');
    expect(cellText({ error: '#N/A' })).toBe('#N/A');
  });

  test('gives empty text for empty cells and a date as yyyy-mm-dd', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined)).toBe('');
    expect(cellText(new Date('2026-03-01T00:00:00Z'))).toBe('2026-03-01');
  });
});

describe('normalising text', () => {
  test('turns full-width letters, digits and slashes half-width and trims every kind of space', () => {
    expect(normaliseText('\u3000１３９１２３４５６７８ ')).toBe('13912345678');
    expect(normaliseText('芝河镇／桑峨村')).toBe('芝河镇/桑峨村');
    expect(compactText(' 登录名 或手机号 ')).toBe('登录名或手机号');
  });

  test('removes the alignment spaces inside a Chinese name but keeps those of a Latin name', () => {
    expect(normaliseName('王　五')).toBe('王五');
    expect(normaliseName('欧阳 晓 明')).toBe('欧阳晓明');
    expect(normaliseName('Ayixiamu Tuerxun')).toBe('Ayixiamu Tuerxun');
  });
});
