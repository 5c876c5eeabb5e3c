import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, test } from 'vitest';
import { renderClassCertificatePdf, renderCourseCertificatePdf, renderYearlyStatementPdf } from '../../../src/lib/certificates/pdf.ts';
import { classCertificate, courseCertificate, ORIGIN, statementEntries, yearlyStatement } from './factories.ts';

const MAX_PDF_BYTES = 150 * 1024;

/** Pages, per-page text with all whitespace removed (pdf.js splits lines where the layout wrapped), and page sizes. */
async function readPdf(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(bytes.slice());
  const { text } = await extractText(pdf, { mergePages: false });
  const sizes = await Promise.all(Array.from({ length: pdf.numPages }, async (_, i) => (await pdf.getPage(i + 1)).view));
  return { pages: pdf.numPages, text: text.map((page) => page.replace(/\s+/g, '')), sizes };
}

function expectA4(sizes: number[][]) {
  for (const [x0, y0, x1, y1] of sizes) {
    expect([x0, y0]).toEqual([0, 0]);
    expect(x1).toBeCloseTo(595.28, 1);
    expect(y1).toBeCloseTo(841.89, 1);
  }
}

describe('renderClassCertificatePdf', () => {
  test('is the same one-page A4 certificate with the class sentence and the verification block', async () => {
    const { pages, text, sizes } = await readPdf(await renderClassCertificatePdf(classCertificate()));
    expect(pages).toBe(1);
    expectA4(sizes);
    for (const fact of ['结业证书', '张镕堃', '“2026年度干部读书班”', '计6学时', '2026年4月15日准予结业', '验证码：7K3M-QX9D-2HFA']) expect(text[0]).toContain(fact);
  });
});

describe('renderCourseCertificatePdf', () => {
  test('is a one-page A4 PDF with the Chinese text extractable (fonts embedded with a Unicode map)', async () => {
    const bytes = await renderCourseCertificatePdf(courseCertificate());
    const { pages, text, sizes } = await readPdf(bytes);
    expect(pages).toBe(1);
    expectA4(sizes);
    expect(text[0]).toContain('结业证书');
    for (const fact of ['张镕堃', '永和县财政局', '《习近平新时代中国特色社会主义思想专题学习》', '计4.5学时', '2026年3月4日']) {
      expect(text[0]).toContain(fact);
    }
  });

  test('prints the issuer it is given, the issue date, the grouped code and the verification URL', async () => {
    const bytes = await renderCourseCertificatePdf(courseCertificate({ issuer: '中共永和县委党校', issueDate: '2026-12-31' }));
    const [page] = (await readPdf(bytes)).text;
    expect(page).toContain('中共永和县委党校2026年12月31日');
    expect(page).toContain('验证码：7K3M-QX9D-2HFA');
    expect(page).toContain(`${ORIGIN}/verify/7K3M-QX9D-2HFA`);
  });

  test('embeds only the glyphs it uses, so the file stays small', async () => {
    const bytes = await renderCourseCertificatePdf(courseCertificate());
    expect(bytes.byteLength).toBeLessThan(MAX_PDF_BYTES);
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).toBe('%PDF-');
  });

  test('renders documents for different people side by side without mixing them up (the parsed fonts are shared)', async () => {
    const names = ['李明', '王芳', '欧阳靖雯'];
    const pdfs = await Promise.all(names.map((cadreName) => renderCourseCertificatePdf(courseCertificate({ cadreName }))));
    const texts = await Promise.all(pdfs.map(async (bytes) => (await readPdf(bytes)).text[0]!));
    texts.forEach((text, i) => {
      expect(text).toContain(`${names[i]}同志`);
      for (const other of names.filter((_, j) => j !== i)) expect(text).not.toContain(other);
    });
  });

  test('keeps a very long course title on one page', async () => {
    const courseTitle = '学习贯彻党的二十届三中全会精神，进一步全面深化改革、推进中国式现代化专题培训班（第二期）县处级领导干部专题研讨';
    const { pages, text } = await readPdf(await renderCourseCertificatePdf(courseCertificate({ courseTitle })));
    expect(pages).toBe(1);
    expect(text[0]).toContain(courseTitle);
  });
});

describe('renderYearlyStatementPdf', () => {
  test('shows the year, the totals against the target and every ledger entry', async () => {
    const { pages, text, sizes } = await readPdf(await renderYearlyStatementPdf(yearlyStatement()));
    expect(pages).toBe(1);
    expectA4(sizes);
    for (const fact of ['年度学时证明', '（2026年度）', '张镕堃', '永和县财政局', '累计获得52.5学时', '必修课程30学时', '目标为50学时，已完成']) {
      expect(text[0]).toContain(fact);
    }
    expect(text[0]).toContain('2026-01-01县域经济高质量发展路径第1讲网络课程1.5');
    expect(text[0]).toContain('中共永和县委组织部2026年3月5日');
    expect(text[0]).toContain('7K3M-QX9D-2HFA');
  });

  test('says so when the year has no entries', async () => {
    const { text } = await readPdf(await renderYearlyStatementPdf(yearlyStatement({ entries: [], totalHours: 0, requiredHours: 0 })));
    expect(text[0]).toContain('本年度暂无学时记录。');
  });

  test('spreads 200 entries over several A4 pages, repeating the headings and numbering the pages, under 150 KB', async () => {
    const bytes = await renderYearlyStatementPdf(yearlyStatement({ entries: statementEntries(200) }));
    const { pages, text, sizes } = await readPdf(bytes);
    expect(pages).toBeGreaterThan(1);
    expectA4(sizes);
    expect(bytes.byteLength).toBeLessThan(MAX_PDF_BYTES);
    text.forEach((page, i) => {
      expect(page).toContain('序号日期学习内容类别学时');
      expect(page).toContain(`第${i + 1}页，共${pages}页`);
    });
    expect(text.join('')).toContain('县域经济高质量发展路径第199讲');
    const last = text[pages - 1]!;
    expect(last).toContain('第200讲');
    expect(last).toContain('中共永和县委组织部');
    expect(last).toContain(`${ORIGIN}/verify/7K3M-QX9D-2HFA`);
  });

  test('never splits an entry across pages: each number appears exactly once', async () => {
    const { text } = await readPdf(await renderYearlyStatementPdf(yearlyStatement({ entries: statementEntries(120) })));
    const titles = text.join('').match(/第\d+讲/g) ?? [];
    expect(titles).toEqual(Array.from({ length: 120 }, (_, i) => `第${i + 1}讲`));
  });

  // Counts around the page ends, where the signature and QR block would otherwise fall onto a page of their own.
  test.each([10, 14, 29, 30, 36])('with %i entries, keeps the last entry with the signature and QR block on the last page', async (count) => {
    const { pages, text } = await readPdf(await renderYearlyStatementPdf(yearlyStatement({ entries: statementEntries(count) })));
    const last = text[pages - 1]!;
    expect(last).toContain(`第${count}讲`);
    expect(last).toContain('特此证明。');
    expect(last).toContain(`${ORIGIN}/verify/7K3M-QX9D-2HFA`);
  });
});
