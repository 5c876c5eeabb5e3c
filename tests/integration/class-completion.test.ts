import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, test } from 'vitest';
import { newId } from '../../src/lib/util/ids.ts';
import { addSession, assignCourse, makeClass, setClassStatus } from '../support/class-records.ts';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import { enrol } from '../support/learning-records.ts';
import { QUIZ_COURSE } from '../support/quiz-key.ts';
import { readWorkbook } from '../support/roster-files.ts';
import { useServer } from '../support/suite.ts';

const KEYS = ['week-1-1', 'week-2-1', 'week-3-1', 'week-4-1', 'week-5-1', 'week-6-1'];
const CADRES = ['full', 'leaveOk', 'leaveOver', 'absent', 'notesShort', 'courseShort'] as const;

describe.each(testDialects())('class completion (结业) and the class certificate on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    const trainer = await makeUser(db, 'trainer', units.townA, { login: 'cc-trainer', scopeUnitId: units.townA });
    await makeUser(db, 'trainer', units.townB, { login: 'cc-b-trainer', scopeUnitId: units.townB });
    const people = Object.fromEntries(
      await Promise.all(CADRES.map(async (key, i) => [key, await makeUser(db, 'cadre', units.villageA, { login: `cc-${key}`, name: `学员${'甲乙丙丁戊己'[i]}` })] as const)),
    ) as Record<(typeof CADRES)[number], { id: string; login: string }>;
    const classId = await makeClass(db, { trainerId: trainer.id, orgUnitId: units.townA, title: '2026年春季读书班', readingHoursTenths: 10 }, Object.values(people).map((p) => p.id));
    await assignCourse(db, classId, QUIZ_COURSE);
    // Seven sessions of 2 学时 held (14 学时), one more still scheduled (it does not count yet).
    const attendance = (i: number): Record<string, 'present' | 'leave'> => {
      const row: Record<string, 'present' | 'leave'> = {};
      for (const [key, person] of Object.entries(people)) {
        if (key === 'leaveOk' && i === 0) row[person.id] = 'leave';
        else if (key === 'leaveOver' && i < 2) row[person.id] = 'leave';
        else if (key === 'absent' && i === 3) continue;
        else row[person.id] = 'present';
      }
      return row;
    };
    for (let i = 0; i < 7; i++) await addSession(db, classId, 20, attendance(i));
    await addSession(db, classId, 20, {}, 'scheduled');
    const stamp = new Date().toISOString();
    for (const [key, person] of Object.entries(people)) {
      const keys = key === 'notesShort' ? KEYS.slice(0, 5) : KEYS;
      await db.insertInto('reading_notes').values(keys.map((reading_key) => ({ id: newId(), class_id: classId, user_id: person.id, reading_key, body: '心得', status: 'approved' as const, submitted_at: stamp, reviewer_id: trainer.id, reviewed_at: stamp, review_comment: '', similarity: null, updated_at: stamp }))).execute();
      if (key !== 'courseShort') await enrol(db, person.id, QUIZ_COURSE, { required: true, completedAt: new Date(), quizPassedAt: new Date() });
      else await enrol(db, person.id, QUIZ_COURSE, { required: true });
    }
    return { classId, people };
  });
  const completionUrl = () => `/api/v1/classes/${suite.seeded.classId}/completion`;
  const row = (members: Array<{ userId: string }>, key: (typeof CADRES)[number]) => members.find((m) => m.userId === suite.seeded.people[key].id) as any;

  test('the table combines attendance, leave (1/7), notes, required courses and quizzes by the class rule', async () => {
    const trainer = await suite.as('cc-trainer');
    const res = await trainer.get(completionUrl());
    expect(res.status).toBe(200);
    expect(res.data.class).toMatchObject({ title: '2026年春季读书班', kind: 'reading' });
    expect(res.data.rule.join('')).toContain('1/7');
    const { members } = res.data;
    expect(members).toHaveLength(6);
    expect(row(members, 'full')).toMatchObject({ completed: true, reasons: [], sessionsHeld: 7, sessionsPresent: 7, heldHours: 14, notesApproved: 6, readingsTotal: 6, earnedHours: 20 });
    expect(row(members, 'leaveOk')).toMatchObject({ completed: true, sessionsOnLeave: 1, leaveHours: 2, earnedHours: 18 });
    expect(row(members, 'leaveOver')).toMatchObject({ completed: false, leaveHours: 4, reasons: ['请假 4 学时，超过集中学习总学时 14 学时的 1/7（最多 2 学时）'] });
    expect(row(members, 'absent')).toMatchObject({ completed: false, absences: 1, reasons: ['缺勤未请假 1 次'] });
    expect(row(members, 'notesShort')).toMatchObject({ completed: false, reasons: ['读书心得通过 5/6 篇，还差 1 篇'] });
    expect(row(members, 'courseShort').reasons).toEqual(['必修课程《测试课程：测验》未完成', '《测试课程：测验》结业测验未通过']);
    expect(row(members, 'courseShort').courses).toEqual([{ courseId: QUIZ_COURSE, title: '测试课程：测验', completed: false, hasQuiz: true, quizPassed: false }]);
  });

  test('the Excel export reads back: Chinese headers, a frozen header row, numbers stored as numbers', async () => {
    const trainer = await suite.as('cc-trainer');
    const res = await fetch(`${suite.server.baseUrl}${completionUrl()}?format=xlsx`, { headers: { Cookie: `jt_session=${trainer.sessionToken}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('结业情况-读书班-2026年春季读书班.xlsx'));
    const sheet = (await readWorkbook(await res.arrayBuffer())).worksheets[0]!;
    expect(sheet.name).toBe('结业情况');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['姓名', '出勤（次）', '请假学时', '请假占比', '心得通过（篇）', '是否结业', '未结业原因']));
    const rows = sheet.getRows(2, sheet.rowCount - 1)!.map((r) => Object.fromEntries(headers.map((h, i) => [h, r.getCell(i + 1).value])));
    const over = rows.find((r) => r['姓名'] === '学员丙')!;
    expect(over['请假学时']).toBe(4);
    expect(over['集中学习总学时']).toBe(14);
    expect(over['请假占比']).toBeCloseTo(0.286, 3);
    expect(over['是否结业']).toBe('未结业');
    expect(String(over['未结业原因'])).toContain('1/7');
    expect(rows.find((r) => r['姓名'] === '学员甲')!['本班所得学时']).toBe(20);
  });

  test('the page shows every member with the result and a print layout; a member sees only their own checklist', async () => {
    const page = await (await suite.as('cc-trainer')).get(`/classes/${suite.seeded.classId}/completion`);
    expect(page.status).toBe(200);
    for (const text of ['学员甲', '学员己', '达到结业要求 2 人', '导出 Excel', '@media print', '班次结束（关闭）后']) expect(page.text).toContain(text);
    const cadre = await suite.as('cc-absent');
    const own = await cadre.get(`/classes/${suite.seeded.classId}/completion`);
    expect(own.status).toBe(200);
    expect(own.text).toContain('缺勤未请假 1 次');
    expect(own.text).toContain('尚未达到结业要求');
    expect(own.text).not.toContain('学员甲');
    const json = await cadre.get(completionUrl());
    expect(json.data.members.map((m: { userId: string }) => m.userId)).toEqual([suite.seeded.people.absent.id]);
    const notesPage = await cadre.get(`/classes/${suite.seeded.classId}/notes`);
    expect(notesPage.text).toContain('读书心得通过 6/6 篇');
  });

  test('class certificates go to completers of a closed class only, once, and verify like course certificates', async () => {
    const trainer = await suite.as('cc-trainer');
    const early = await trainer.post(`${completionUrl()}/certificates`);
    expect(early.status).toBe(409);
    expect(early.data.error.message).toContain('班次尚未结束');
    await setClassStatus(suite.database.db, suite.seeded.classId, 'closed');
    expect((await trainer.post(`${completionUrl()}/certificates`)).data).toEqual({ issued: 2, completers: 2 });
    expect((await trainer.post(`${completionUrl()}/certificates`)).data).toEqual({ issued: 0, completers: 2 });
    const again = await trainer.form(`/classes/${suite.seeded.classId}/completion`, {});
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`/classes/${suite.seeded.classId}/completion?issued=0`);
    const audit = await suite.database.db.selectFrom('audit_log').select('detail').where('action', '=', 'class.certificates.issue').execute();
    expect(audit).toHaveLength(1);

    const members = (await trainer.get(completionUrl())).data.members;
    expect(row(members, 'leaveOver').certificateCode).toBeNull();
    const code = row(members, 'full').certificateCode as string;
    const verify = await suite.client().get(`/verify/${code}`);
    expect(verify.status).toBe(200);
    for (const text of ['有效', '学员甲', '结业班次', '“2026年春季读书班”', '20 学时', '结业日期']) expect(verify.text).toContain(text);

    const holder = await suite.as('cc-full');
    expect((await holder.get('/certificates')).text).toContain('班次结业证书');
    const codeGrouped = code.replace(/(.{4})(.{4})(.{4})/, '$1-$2-$3');
    const sheet = await holder.get(`/certificates/${codeGrouped}`);
    expect(sheet.text).toContain('参加“2026年春季读书班”学习，完成规定的学习任务，经考核合格，计20学时');
    const pdf = await fetch(`${suite.server.baseUrl}/certificates/${codeGrouped}.pdf`, { headers: { Cookie: `jt_session=${holder.sessionToken}` } });
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await pdf.arrayBuffer())), { mergePages: true });
    expect(text.replace(/\s+/g, '')).toContain('“2026年春季读书班”');
    const archive = await holder.get(`/api/v1/cadres/${suite.seeded.people.full.id}/archive`);
    expect(archive.data.certificates).toEqual([expect.objectContaining({ kind: 'class', title: '2026年春季读书班', hours: 20 })]);
  });

  test('trainers of another township and cadres cannot see the table or issue certificates', async () => {
    const other = await suite.as('cc-b-trainer');
    expect((await other.get(completionUrl())).status).toBe(404);
    expect((await other.get(`/classes/${suite.seeded.classId}/completion`)).status).toBe(404);
    expect((await other.post(`${completionUrl()}/certificates`)).status).toBe(404);
    expect((await (await suite.as('cc-full')).post(`${completionUrl()}/certificates`)).status).toBe(404);
  });
});
