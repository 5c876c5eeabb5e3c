import { formatHours, toTenths } from '../hours/units.ts';
import { formatCode } from './verification-code.ts';
import type { ClassCertificateData, CourseCertificateData, IssuedDocument, YearlyStatementData } from './types.ts';

/**
 * The sentences of both documents, shared by the PDF and the HTML renderers so the two never say
 * different things. Chinese official style: no spaces around numbers, dates as 2025年6月1日.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** '2025-06-01' → '2025年6月1日'. Throws on anything else: the caller formats dates (Beijing time). */
export function formatDocumentDate(isoDate: string): string {
  const match = ISO_DATE.exec(isoDate);
  if (!match) {
    throw new Error(`Certificate date "${isoDate}" is not YYYY-MM-DD. Format it in Beijing time before rendering (see beijing-year.ts).`);
  }
  return `${Number(match[1])}年${Number(match[2])}月${Number(match[3])}日`;
}

/** 4.5 → '4.5', 4 → '4' (the platform's usual hours display, one decimal at most). */
export function formatDocumentHours(hours: number): string {
  return formatHours(toTenths(hours));
}

export const COURSE_CERTIFICATE_TITLE = '结业证书';
export const YEARLY_STATEMENT_TITLE = '年度学时证明';
export const STATEMENT_TABLE_HEADINGS = ['序号', '日期', '学习内容', '类别', '学时'] as const;
export const NO_ENTRIES_TEXT = '本年度暂无学时记录。';

/** The body paragraph of the course certificate. */
export function courseCertificateBody(data: CourseCertificateData): string {
  return (
    `兹证明${data.unitName}${data.cadreName}同志于${formatDocumentDate(data.completionDate)}` +
    `完成网络课程《${data.courseTitle}》的学习，经考核合格，计${formatDocumentHours(data.hours)}学时，准予结业。`
  );
}

/** The body paragraph of the class certificate. */
export function classCertificateBody(data: ClassCertificateData): string {
  return (
    `兹证明${data.unitName}${data.cadreName}同志参加“${data.classTitle}”学习，完成规定的学习任务，` +
    `经考核合格，计${formatDocumentHours(data.hours)}学时，于${formatDocumentDate(data.completionDate)}准予结业。`
  );
}

export const COURSE_CERTIFICATE_CLOSING = '特发此证。';

/** The yearly statement's summary paragraph, including how the year stands against its target. */
export function yearlyStatementBody(data: YearlyStatementData): string {
  const totals =
    `兹证明${data.unitName}${data.cadreName}同志${data.year}年度参加干部教育培训，` +
    `累计获得${formatDocumentHours(data.totalHours)}学时，其中必修课程${formatDocumentHours(data.requiredHours)}学时。`;
  if (data.targetHours === null) return totals;
  const shortTenths = toTenths(data.targetHours) - toTenths(data.totalHours);
  const standing = shortTenths <= 0 ? '已完成' : `尚差${formatHours(shortTenths)}学时`;
  return `${totals}${data.year}年度学时目标为${formatDocumentHours(data.targetHours)}学时，${standing}。`;
}

export const YEARLY_STATEMENT_CLOSING = '特此证明。';

/** The figures shown above the statement's table, as label/value pairs. */
export function yearlyStatementFigures(data: YearlyStatementData): Array<[label: string, value: string]> {
  const figures: Array<[string, string]> = [
    ['累计学时', formatDocumentHours(data.totalHours)],
    ['其中必修', formatDocumentHours(data.requiredHours)],
  ];
  if (data.targetHours !== null) figures.push(['年度目标', formatDocumentHours(data.targetHours)]);
  return figures;
}

/** '验证码：7K3M-QX9D-2HFA'. */
export function verificationCodeLine(doc: IssuedDocument): string {
  return `验证码：${formatCode(doc.verificationCode)}`;
}

/** The sentence beside the QR code, followed by the URL on a line of its own; `noun` is 证书 or 证明. */
export function verificationHint(noun: '证书' | '证明'): string {
  return `本${noun}可扫描二维码，或访问以下网址核验真伪：`;
}
