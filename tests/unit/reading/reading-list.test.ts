import { describe, expect, test } from 'vitest';
import { minimumFor, noteLength, normaliseNoteBody, shortfallMessage } from '../../../src/lib/reading/note-text.ts';
import { readingListOf } from '../../../src/lib/reading/reading-list.ts';

describe('readingListOf', () => {
  test('keys each reading by its week and its place within the week', () => {
    const readings = [
      { week: 1, title: '《甲》', guidance: '一' },
      { week: 2, title: '《乙》', guidance: '二' },
      { week: 2, title: '《丙》', guidance: '三' },
      { week: 3, title: '《丁》', guidance: '四' },
    ];
    expect(readingListOf({ readings }).map((r) => r.key)).toEqual(['week-1-1', 'week-2-1', 'week-2-2', 'week-3-1']);
  });

  test('is empty for a course without readings', () => {
    expect(readingListOf({})).toEqual([]);
  });
});

describe('note length', () => {
  test('counts characters after trimming, an emoji as one', () => {
    expect(noteLength('  读书心得😀 \n')).toBe(5);
  });

  test('line endings from a form post count as one character', () => {
    expect(normaliseNoteBody('一\r\n二\r三')).toBe('一\n二\n三');
  });

  test('says in Chinese how many characters are still needed', () => {
    expect(shortfallMessage('  十个字十个字十个字  ', 50)).toBe('心得至少需要 50 字（不含首尾空白），现在 9 字，还差 41 字。');
    expect(shortfallMessage('够了', 2)).toBeNull();
  });

  test('never accepts an empty note, whatever the class minimum', () => {
    expect(minimumFor(0)).toBe(1);
    expect(shortfallMessage('   ', 0)).toContain('还差 1 字');
  });
});
