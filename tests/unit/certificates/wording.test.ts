import { describe, expect, test } from 'vitest';
import {
  classCertificateBody,
  courseCertificateBody,
  formatDocumentDate,
  formatDocumentHours,
  yearlyStatementBody,
  yearlyStatementFigures,
} from '../../../src/lib/certificates/wording.ts';
import { classCertificate, courseCertificate, yearlyStatement } from './factories.ts';

describe('formatDocumentDate', () => {
  test('writes an ISO date the way official documents do, without leading zeros', () => {
    expect(formatDocumentDate('2026-03-05')).toBe('2026年3月5日');
  });

  test('refuses anything but YYYY-MM-DD, naming the fix', () => {
    expect(() => formatDocumentDate('2026-03-05T10:00:00Z')).toThrow(/YYYY-MM-DD.*Beijing time/);
  });
});

describe('formatDocumentHours', () => {
  test.each([
    [4.5, '4.5'],
    [4, '4'],
    [0.1 + 0.2, '0.3'],
    [-1, '-1'],
  ])('shows %s hours as %s', (hours, shown) => {
    expect(formatDocumentHours(hours)).toBe(shown);
  });
});

describe('courseCertificateBody', () => {
  test('names the unit, the cadre, the date, the course in title marks and the hours', () => {
    expect(courseCertificateBody(courseCertificate())).toBe(
      '兹证明永和县财政局张镕堃同志于2026年3月4日完成网络课程《习近平新时代中国特色社会主义思想专题学习》的学习，经考核合格，计4.5学时，准予结业。',
    );
  });
});

describe('classCertificateBody', () => {
  test('names the unit, the cadre, the class in quotation marks, the hours and the completion date', () => {
    expect(classCertificateBody(classCertificate())).toBe(
      '兹证明永和县财政局张镕堃同志参加“2026年度干部读书班”学习，完成规定的学习任务，经考核合格，计6学时，于2026年4月15日准予结业。',
    );
  });
});

describe('yearlyStatementBody', () => {
  test('says the target is met when the total reaches it', () => {
    expect(yearlyStatementBody(yearlyStatement({ totalHours: 50, targetHours: 50 }))).toMatch(/学时目标为50学时，已完成。$/);
  });

  test('says how many hours are missing, without floating-point noise', () => {
    expect(yearlyStatementBody(yearlyStatement({ totalHours: 49.7, targetHours: 50 }))).toMatch(/尚差0\.3学时。$/);
  });

  test('leaves the target out when none is set', () => {
    const body = yearlyStatementBody(yearlyStatement({ targetHours: null }));
    expect(body).not.toContain('目标');
    expect(body).toContain('累计获得52.5学时，其中必修课程30学时。');
  });
});

describe('yearlyStatementFigures', () => {
  test('lists total, required and target hours, the target only when set', () => {
    expect(yearlyStatementFigures(yearlyStatement())).toEqual([['累计学时', '52.5'], ['其中必修', '30'], ['年度目标', '50']]);
    expect(yearlyStatementFigures(yearlyStatement({ targetHours: null }))).toHaveLength(2);
  });
});
