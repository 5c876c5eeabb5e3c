import { describe, expect, test } from 'vitest';
import { describeGap } from '../../../src/lib/hours/target-gap.ts';

const target = { totalTenths: 500, requiredTenths: 200 };

describe('describeGap', () => {
  test('says the target is met only when both the total and the required share are', () => {
    expect(describeGap({ totalTenths: 500, requiredTenths: 200 }, target)).toBe('已完成目标。');
    expect(describeGap({ totalTenths: 600, requiredTenths: 150 }, target)).toBe('必修还差 5 学时。');
  });

  test('names what is missing, in 学时', () => {
    expect(describeGap({ totalTenths: 25, requiredTenths: 0 }, target)).toBe('还差 47.5 学时，必修还差 20 学时。');
    expect(describeGap({ totalTenths: 400, requiredTenths: 250 }, target)).toBe('还差 10 学时。');
  });
});
