import { describe, expect, test } from 'vitest';
import { decideRange } from '../../../src/lib/media/byte-range.ts';

describe('decideRange', () => {
  test('no header means the whole file', () => {
    expect(decideRange(null, 100)).toEqual({ kind: 'full' });
  });

  test('a closed range is served as asked, its end inclusive', () => {
    expect(decideRange('bytes=0-9', 100)).toEqual({ kind: 'partial', start: 0, end: 9 });
    expect(decideRange('bytes=10-10', 100)).toEqual({ kind: 'partial', start: 10, end: 10 });
  });

  test('an end past the file is cut to the last byte', () => {
    expect(decideRange('bytes=90-500', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
  });

  test('an open-ended range runs to the end', () => {
    expect(decideRange('bytes=42-', 100)).toEqual({ kind: 'partial', start: 42, end: 99 });
  });

  test('a suffix range gives the last n bytes, or the whole file when n is larger', () => {
    expect(decideRange('bytes=-10', 100)).toEqual({ kind: 'partial', start: 90, end: 99 });
    expect(decideRange('bytes=-1000', 100)).toEqual({ kind: 'partial', start: 0, end: 99 });
  });

  test('a start at or past the end is unsatisfiable', () => {
    expect(decideRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=150-200', 100)).toEqual({ kind: 'unsatisfiable' });
  });

  test('a zero-length suffix, or any range of an empty file, is unsatisfiable', () => {
    expect(decideRange('bytes=-0', 100)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=-5', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  test('several ranges are answered with the whole file', () => {
    expect(decideRange('bytes=0-1, 5-6', 100)).toEqual({ kind: 'full' });
  });

  test('a header it does not understand is ignored', () => {
    for (const header of ['items=0-1', 'bytes=abc', 'bytes=5-2', 'bytes=-', 'bytes=1.5-2', 'bytes=0x10-', 'bytes=99999999999999999999-', 'bytes']) {
      expect(decideRange(header, 100), header).toEqual({ kind: 'full' });
    }
  });

  test('spaces and the unit in capitals are tolerated', () => {
    expect(decideRange(' Bytes = 1 - 2 ', 100)).toEqual({ kind: 'partial', start: 1, end: 2 });
  });
});
