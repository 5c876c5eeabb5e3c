import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, test } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import { QUIZ_COURSE } from '../support/quiz-key.ts';
import { useServer } from '../support/suite.ts';

const codeIn = (html: string) => /\/certificates\/([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(html)?.[1];

async function pdfText(bytes: ArrayBuffer) {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text.replace(/\s+/g, '');
}

describe.each(testDialects())('certificates and their public verification on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    const holder = await makeUser(db, 'cadre', units.villageA, { login: 'holder', name: '张志远' });
    await makeUser(db, 'cadre', units.villageA, { login: 'neighbour' });
    await makeUser(db, 'staff', units.townA, { login: 'town-a-staff', scopeUnitId: units.townA });
    await makeUser(db, 'staff', units.townB, { login: 'town-b-staff', scopeUnitId: units.townB });
    const stamp = new Date().toISOString();
    // Lessons done and quiz passed (each has its own tests); opening the course page completes it.
    await db.insertInto('enrollments').values({ id: 'enr-holder', user_id: holder.id, course_id: QUIZ_COURSE, origin: 'self', required: 1, assigned_by: null, due_on: null, enrolled_at: stamp, lessons_completed_at: stamp, quiz_passed_at: stamp, last_lesson_id: null, last_studied_at: null }).execute();
    return { holder };
  });

  async function holderCertificate() {
    const client = await suite.as('holder');
    await client.get(`/courses/${QUIZ_COURSE}`);
    const list = await client.get('/certificates');
    const code = codeIn(list.text);
    expect(code, 'the certificate is listed').toBeDefined();
    return { client, code: code! };
  }

  test('completing a course issues one certificate, printable and downloadable as a PDF that says what was earned', async () => {
    const { client, code } = await holderCertificate();
    const page = await client.get(`/certificates/${code}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('张志远');
    expect(page.text).toContain('测试课程：测验');
    expect(page.text).toContain('<svg');
    const pdf = await fetch(`${suite.server.baseUrl}/certificates/${code}.pdf`, { headers: { Cookie: `jt_session=${client.sessionToken}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain('attachment');
    const text = await pdfText(await pdf.arrayBuffer());
    for (const expected of ['结业证书', '张志远', '测试课程：测验', '1.5学时', code]) expect(text).toContain(expected);
    // Opening the course page again changes nothing.
    await client.get(`/courses/${QUIZ_COURSE}`);
    expect(codeIn((await client.get('/certificates')).text)).toBe(code);
  });

  test('the public verification page shows only name, what was completed, hours and date', async () => {
    const { code } = await holderCertificate();
    const anonymous = suite.client();
    const page = await anonymous.get(`/verify/${code.toLowerCase().replaceAll('-', '')}`);
    expect(page.status).toBe(200);
    for (const expected of ['有效', '张志远', '测试课程：测验', '1.5 学时']) expect(page.text).toContain(expected);
    for (const hidden of ['甲镇一村', 'holder', '必修']) expect(page.text).not.toContain(hidden);
    const typed = await anonymous.get(`/verify?code=${encodeURIComponent(code.toLowerCase())}`);
    expect(typed.status).toBe(303);
    expect((await anonymous.get('/verify/0000-0000-0000')).status).toBe(404);
    expect((await anonymous.get('/verify/not-a-code')).status).toBe(404);
    // What was typed comes back in the form, escaped: it cannot close the attribute and add markup.
    const typedBack = (await anonymous.get(`/verify?code=${encodeURIComponent('"><b id="injected">x')}`)).text;
    expect(typedBack).toContain('验证码格式不对');
    expect(typedBack).toContain('value="&quot;>');
    expect(typedBack).not.toContain('<b id="injected">');
  });

  test('the full document opens for the holder and staff whose scope covers them, for nobody else', async () => {
    const { code } = await holderCertificate();
    expect((await (await suite.as('town-a-staff')).get(`/certificates/${code}`)).status).toBe(200);
    for (const login of ['neighbour', 'town-b-staff']) {
      const other = await suite.as(login);
      expect((await other.get(`/certificates/${code}`)).status, login).toBe(404);
      expect((await other.get(`/certificates/${code}.pdf`)).status, login).toBe(404);
    }
    expect((await suite.client().get(`/certificates/${code}`)).status).toBe(303);
  });

  test('a yearly statement certifies the hours as they stand, once per total', async () => {
    const { client } = await holderCertificate();
    const year = new Date().getUTCFullYear() + (new Date().getUTCMonth() === 11 && new Date().getUTCDate() === 31 && new Date().getUTCHours() >= 16 ? 1 : 0);
    const issued = await client.form('/certificates', { year: String(year) });
    expect(issued.status).toBe(303);
    const location = issued.headers.get('location')!;
    expect((await client.form('/certificates', { year: String(year) })).headers.get('location')).toBe(location);
    const statement = await client.get(location);
    expect(statement.text).toContain(`${year}年度参加干部教育培训`);
    expect(statement.text).toContain('累计获得1.5学时，其中必修课程1.5学时');
    const pdf = await fetch(`${suite.server.baseUrl}${location}.pdf`, { headers: { Cookie: `jt_session=${client.sessionToken}` } });
    expect(await pdfText(await pdf.arrayBuffer())).toContain('年度学时证明');
    for (const bad of ['1999', String(year + 1), 'abc', '']) {
      const refused = await client.form('/certificates', { year: bad });
      expect(refused.status, bad).toBe(400);
      expect(refused.text).toContain('只能开具');
    }
  });
});
