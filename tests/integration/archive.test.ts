import { describe, expect, test } from 'vitest';
import { beijingYear } from '../../src/lib/hours/beijing-year.ts';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import { certificate, completeLesson, courseCredit, enrol, submittedAttempt } from '../support/learning-records.ts';
import { useServer } from '../support/suite.ts';

const SECRET = 'ANSWER-KEY-7f3a';
const thisYear = beijingYear(new Date());
const lastYear = new Date(Date.UTC(thisYear - 1, 5, 1));

describe.each(testDialects())('the learning archive on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    const people = {
      units,
      admin: await makeUser(db, 'admin', units.county, { login: 'ar-admin' }),
      townStaff: await makeUser(db, 'staff', units.townA, { login: 'ar-town-a' }),
      otherStaff: await makeUser(db, 'staff', units.townB, { login: 'ar-town-b' }),
      trainer: await makeUser(db, 'trainer', units.townB, { login: 'ar-teacher', scopeUnitId: units.townA }),
      villager: await makeUser(db, 'cadre', units.villageA, { login: 'ar-villager', name: '甲村档案人' }),
      neighbour: await makeUser(db, 'cadre', units.townB, { login: 'ar-neighbour', name: '乙乡档案人' }),
    };
    const v = people.villager.id;
    await enrol(db, v, 'fixture-short', { required: true, quizPassedAt: new Date(), completedAt: new Date() });
    await enrol(db, v, 'retired-course');
    await completeLesson(db, v, 'fixture-short/first-minute');
    await submittedAttempt(db, v, 'fixture-short', 40, SECRET);
    await submittedAttempt(db, v, 'fixture-short', 90, SECRET);
    await certificate(db, v, { code: 'ABCD2345EFGH', title: '测试课程：短课', hoursTenths: 5 });
    await courseCredit(db, v, 'fixture-short', '测试课程：短课', 5);
    await courseCredit(db, v, 'old-course', '往年课程', 30, lastYear);
    await db.insertInto('hours_targets').values({ id: 'tgt-default', year: thisYear, applies_to: 'default', match_value: '', total_tenths: 500, required_tenths: 200, updated_by: null, updated_at: new Date().toISOString() }).execute();
    return people;
  });
  const archivePath = (id: string) => `/api/v1/cadres/${id}/archive`;

  test('a cadre sees their own courses with progress, quiz results, every year of hours with its target, and certificates', async () => {
    const cadre = await suite.as('ar-villager');
    const res = await cadre.get(archivePath(suite.seeded.villager.id));
    expect(res.status).toBe(200);
    const archive = res.data;
    expect(archive.person).toMatchObject({ name: '甲村档案人', orgUnitName: '甲镇一村', role: 'cadre' });
    expect(archive.enrollments[0]).toMatchObject({ courseId: 'fixture-short', courseTitle: '测试课程：短课', required: true, lessonsDone: 1, lessonsTotal: 2 });
    expect(archive.enrollments[0].completedAt).toEqual(expect.any(String));
    expect(archive.enrollments[1]).toMatchObject({ courseId: 'retired-course', lessonsTotal: null });
    expect(archive.quizAttempts.map((a: { scorePercent: number; passed: boolean }) => [a.scorePercent, a.passed]).sort()).toEqual([[40, false], [90, true]]);
    expect(archive.years.map((y: { year: number }) => y.year)).toEqual([thisYear, thisYear - 1]);
    expect(archive.years[0]).toMatchObject({ total: 0.5, fromRequired: 0.5, target: { total: 50, required: 20, appliesTo: 'default' } });
    expect(archive.years[1]).toMatchObject({ total: 3, target: null });
    expect(archive.years[1].entries[0]).toMatchObject({ sourceTitle: '往年课程', hours: 3, kind: 'course' });
    expect(archive.certificates).toEqual([expect.objectContaining({ kind: 'course', code: 'ABCD2345EFGH', hours: 0.5 })]);
  });

  test('the archive never carries a quiz paper or answers, nor login, phone or unit path', async () => {
    const cadre = await suite.as('ar-villager');
    const res = await cadre.get(archivePath(suite.seeded.villager.id));
    expect(res.text).not.toContain(SECRET);
    for (const field of ['"paper"', '"answers"', '"login"', '"phone"', '"orgUnitPath"']) expect(res.text).not.toContain(field);
  });

  test('staff, a trainer and an admin whose scope covers the cadre see the same archive', async () => {
    for (const login of ['ar-town-a', 'ar-teacher', 'ar-admin']) {
      const res = await (await suite.as(login)).get(archivePath(suite.seeded.villager.id));
      expect(res.status, login).toBe(200);
      expect(res.data.person.name).toBe('甲村档案人');
    }
  });

  test('outside the scope the answer is 404, exactly as for an id that does not exist', async () => {
    const otherTown = await suite.as('ar-town-b');
    const outside = await otherTown.get(archivePath(suite.seeded.villager.id));
    const missing = await otherTown.get(archivePath('no-such-person'));
    expect(outside.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(outside.data).toEqual(missing.data);

    const cadre = await suite.as('ar-villager');
    expect((await cadre.get(archivePath(suite.seeded.neighbour.id))).status).toBe(404);
    expect((await cadre.get(archivePath(suite.seeded.townStaff.id))).status).toBe(404);
    expect((await cadre.get(archivePath('x'.repeat(64)))).status).toBe(404);
    expect((await suite.client().get(archivePath(suite.seeded.villager.id))).status).toBe(401);
  });

  test('the people list links to the archive page, which shows the ledger and courses; other townships get the 404 page', async () => {
    const staff = await suite.as('ar-town-a');
    const list = await staff.get('/people');
    expect(list.text).toContain(`href="/people/${suite.seeded.villager.id}"`);
    const page = await staff.get(`/people/${suite.seeded.villager.id}`);
    expect(page.status).toBe(200);
    for (const text of ['学习档案：甲村档案人', '测试课程：短课', '1/2 课', '往年课程', 'ABCD2345EFGH', '90 分']) expect(page.text).toContain(text);
    expect(page.text).not.toContain(SECRET);

    const otherTown = await suite.as('ar-town-b');
    const refused = await otherTown.get(`/people/${suite.seeded.villager.id}`);
    expect(refused.status).toBe(404);
    expect(refused.text).not.toContain('甲村档案人');
    expect((await (await suite.as('ar-villager')).get(`/people/${suite.seeded.villager.id}`)).status).toBe(403);
  });

  test('a cadre opens their own archive page from the navigation', async () => {
    const cadre = await suite.as('ar-villager');
    const home = await cadre.get('/');
    expect(home.text).toContain('href="/archive"');
    const page = await cadre.get('/archive');
    expect(page.status).toBe(200);
    for (const text of ['我的学习档案', '测试课程：短课', `${thisYear - 1} 年`, '课程已下架']) expect(page.text).toContain(text);
    expect(page.text).not.toContain('冲销此条');
    expect(page.text).not.toContain('学时调整</h2>');
  });
});
