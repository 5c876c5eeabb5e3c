import { describe, expect, test } from 'vitest';
import { acceptReportedRanges, coveredSeconds, mergeRanges } from '../../../src/lib/study/watched-ranges.ts';

describe('mergeRanges', () => {
  test('joins overlapping and touching ranges and sorts them', () => {
    expect(mergeRanges([[30, 40], [0, 10], [9, 20], [21, 25]])).toEqual([[0, 25], [30, 40]]);
  });

  test('drops empty and reversed ranges', () => {
    expect(mergeRanges([[5, 5], [10, 3]])).toEqual([]);
  });
});

describe('coveredSeconds', () => {
  test('counts rewatched seconds once', () => {
    expect(coveredSeconds([[0, 60], [30, 90]])).toBe(90);
  });
});

describe('acceptReportedRanges', () => {
  test('accepts what could really have been watched in the credited time at up to 2× speed', () => {
    expect(acceptReportedRanges([[0, 300]], 20, 600)).toEqual([[0, 40]]);
  });

  test('clips ranges to the media’s real length', () => {
    expect(acceptReportedRanges([[590, 700]], 30, 600)).toEqual([[590, 600]]);
  });

  test('accepts nothing when no time was credited', () => {
    expect(acceptReportedRanges([[0, 10]], 0, 600)).toEqual([]);
  });
});
