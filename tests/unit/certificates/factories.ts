import type { ClassCertificateData, CourseCertificateData, StatementEntry, YearlyStatementData } from '../../../src/lib/certificates/types.ts';
import { verificationUrl } from '../../../src/lib/certificates/verification-code.ts';

export const ORIGIN = 'https://jiangtang.example.cn';
export const CODE = '7K3MQX9D2HFA';

const issued = {
  issuer: '中共永和县委组织部',
  issueDate: '2026-03-05',
  verificationCode: CODE,
  verificationUrl: verificationUrl(ORIGIN, CODE),
};

/** A course certificate for a cadre whose name has a character outside GB2312 (镕); override any field. */
export function courseCertificate(data: Partial<CourseCertificateData> = {}): CourseCertificateData {
  return {
    ...issued,
    cadreName: '张镕堃',
    unitName: '永和县财政局',
    courseTitle: '习近平新时代中国特色社会主义思想专题学习',
    hours: 4.5,
    completionDate: '2026-03-04',
    ...data,
  };
}

/** A class certificate: a reading class with six approved notes; override any field. */
export function classCertificate(data: Partial<ClassCertificateData> = {}): ClassCertificateData {
  return { ...issued, cadreName: '张镕堃', unitName: '永和县财政局', classTitle: '2026年度干部读书班', hours: 6, completionDate: '2026-04-15', ...data };
}

const TITLES = ['县域经济高质量发展路径', '党纪学习教育：《中国共产党纪律处分条例》逐章解读', '基层治理现代化（含案例分析与课后测验）'];
const KINDS = ['网络课程', '干部大讲堂', '读书班心得', '组织部门调整'];

/** `count` ledger entries with varied titles, kinds and hours (every tenth a -1 reversal). */
export function statementEntries(count: number): StatementEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    date: `2026-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    sourceTitle: `${TITLES[i % TITLES.length]} 第${i + 1}讲`,
    kindLabel: KINDS[i % KINDS.length]!,
    hours: i % 10 === 9 ? -1 : 1.5,
  }));
}

/** A yearly statement with a few entries; override any field. */
export function yearlyStatement(data: Partial<YearlyStatementData> = {}): YearlyStatementData {
  return {
    ...issued,
    cadreName: '张镕堃',
    unitName: '永和县财政局',
    year: 2026,
    totalHours: 52.5,
    requiredHours: 30,
    targetHours: 50,
    entries: statementEntries(5),
    ...data,
  };
}
