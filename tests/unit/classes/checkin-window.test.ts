import { describe, expect, test } from 'vitest';
import { defaultWindow, windowState } from '../../../src/lib/classes/checkin-window.ts';

const START = '2026-05-10T06:30:00.000Z'; // 14:30 Beijing time

describe('defaultWindow', () => {
  test('opens 30 minutes before the start and closes 30 minutes after it', () => {
    expect(defaultWindow(START)).toEqual({ opensAt: '2026-05-10T06:00:00.000Z', closesAt: '2026-05-10T07:00:00.000Z' });
  });
});

describe('windowState', () => {
  const window = defaultWindow(START);
  const at = (iso: string) => Date.parse(iso);

  test('is open from the opening instant itself…', () => {
    expect(windowState(window, at('2026-05-10T05:59:59.999Z'))).toBe('before');
    expect(windowState(window, at('2026-05-10T06:00:00.000Z'))).toBe('open');
  });

  test('…up to, but not including, the closing instant', () => {
    expect(windowState(window, at('2026-05-10T06:59:59.999Z'))).toBe('open');
    expect(windowState(window, at('2026-05-10T07:00:00.000Z'))).toBe('after');
  });
});
