import { describe, expect, test } from 'vitest';
import { beijingIsoDate } from '../../src/lib/hours/beijing-year.ts';
import { beijingParts } from '../../src/lib/util/beijing-time.ts';
import { addToRoster, awayFromRotation, insertClass, insertSession, projectorCode } from '../support/classes.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import { rosterOf } from '../support/roster-files.ts';
import { useServer } from '../support/suite.ts';

const REASON = '外出参加防汛值班，经领导同意';

/** The class pages work without JavaScript: plain GETs and form posts, post/redirect/get. */
describe('class pages without JavaScript', () => {
  const suite = useServer('sqlite', async ({ db }) => {
    const units = await makeCounty(db);
    const trainer = await makeUser(db, 'trainer', units.townA, { login: 'cp-trainer', name: '页面教师' });
    await makeUser(db, 'trainer', units.townB, { login: 'cp-other' });
    const cadre = await makeUser(db, 'cadre', units.villageA, { login: 'cp-cadre', name: '页面学员' });
    const absentee = await makeUser(db, 'cadre', units.villageA, { login: 'cp-absent', name: '缺席学员' });
    const classId = await insertClass(db, { orgUnitId: units.townA, trainerId: trainer.id, title: '页面大讲堂' });
    await addToRoster(db, classId, [cadre.id]);
    const sessionId = await insertSession(db, classId, { topic: '页面讲座' });
    return { units, trainer, cadre, absentee, classId, sessionId };
  });
  const s = () => suite.seeded;
  const db = () => suite.database.db;

  test('a trainer opens a class with the form, gets its page, and a bad form comes back with the reason beside the field', async () => {
    const trainer = await suite.as('cp-trainer');
    expect((await trainer.get('/classes')).text).toContain('页面大讲堂');
    const form = { kind: 'lecture', title: '', startsOn: beijingIsoDate(new Date()), endsOn: beijingIsoDate(new Date()), orgUnitId: s().units.townA, trainerId: '' };
    const bad = await trainer.form('/classes/new', form);
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('请填写班次名称');
    const ok = await trainer.form('/classes/new', { ...form, title: '表单开的班' });
    expect(ok.status).toBe(303);
    const location = ok.headers.get('location')!;
    expect(location).toMatch(/^\/classes\/\w+\?done=created$/);
    const page = await trainer.get(location);
    expect(page.text).toContain('表单开的班');
    expect(page.text).toContain('已创建。');
    expect(page.text).toContain(`/classes/${location.split('/')[2]!.split('?')[0]}/completion`);
  });

  test('the roster, a required course and a session are added with the class page’s forms', async () => {
    const trainer = await suite.as('cp-trainer');
    const base = `/classes/${s().classId}`;
    const added = await trainer.form(`${base}?action=members`, { orgUnitId: '', position: '', logins: 'cp-absent, cp-cadre' });
    expect(added.headers.get('location')).toBe(`${base}?done=added-1#roster`);
    const refused = await trainer.form(`${base}?action=members`, { orgUnitId: s().units.townB, position: '', logins: '' });
    expect(refused.status).toBe(404);
    expect(refused.text).toContain('不在您的管理范围内');
    expect((await trainer.form(`${base}?action=course`, { courseId: 'fixture-short', dueOn: '' })).status).toBe(303);
    const day = beijingParts(new Date(Date.now() + 86_400_000).toISOString()).date;
    const session = await trainer.form(`${base}?action=session`, { date: day, startsAt: '23:00', endsAt: '23:30', checkinOpensAt: '', checkinClosesAt: '', topic: '表单安排的讲座', speaker: '', place: '', hours: '0.5' });
    expect(session.status).toBe(303);
    expect(session.headers.get('location')).toMatch(/\/sessions\/\w+\?done=created$/);
    const badSession = await trainer.form(`${base}?action=session`, { date: day, startsAt: '10:00', endsAt: '09:00', topic: '时间颠倒', hours: '1' });
    expect(badSession.status).toBe(400);
    expect(badSession.text).toContain('结束时间须晚于开始时间');
    const page = (await trainer.get(base)).text;
    expect(page).toContain('缺席学员');
    expect(page).toContain('表单安排的讲座');
    expect(page).toContain('测试课程：短课');
    expect(page).toMatch(/请假 0 学时 \/ 共 2\.5 学时/);
  });

  test('the projector page shows the current code, its link and QR; the live page records leave and a manual check-in with reasons', async () => {
    await awayFromRotation();
    const trainer = await suite.as('cp-trainer');
    const live = `/classes/${s().classId}/sessions/${s().sessionId}`;
    const projector = await trainer.get(`${live}/projector`);
    const code = await projectorCode(db(), s().sessionId);
    expect(projector.status).toBe(200);
    expect(projector.text).toContain(`data-checkin-url="${suite.server.baseUrl}/checkin/${s().sessionId}?c=${code}"`);
    expect(projector.text).toContain(`${code.slice(0, 3)} ${code.slice(3)}`);
    expect(projector.text).toMatch(/<svg [^>]*viewBox/);
    expect((await trainer.form(`${live}?action=leave`, { userId: s().absentee.id, reason: '' })).text).toContain('请写明原因');
    expect((await trainer.form(`${live}?action=leave`, { userId: s().absentee.id, reason: REASON })).headers.get('location')).toBe(`${live}?done=leave#attendance`);
    const page = await trainer.get(live);
    expect(page.text).toContain(REASON);
    expect(page.text).toContain('经办：页面教师');
    expect(page.text).toContain('data-live');
  });

  test('a cadre checks in by opening the QR link; a second scan says so kindly; without a session the link goes through login', async () => {
    await awayFromRotation();
    const link = `/checkin/${s().sessionId}?c=${await projectorCode(db(), s().sessionId)}`;
    const anonymous = await suite.client().get(link);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe(`/login?next=${encodeURIComponent(link)}`);
    const cadre = await suite.as('cp-cadre');
    const first = await cadre.get(link);
    expect(first.status).toBe(200);
    expect(first.text).toContain('签到成功');
    expect(first.text).toContain('页面大讲堂：页面讲座');
    const second = await cadre.get(link);
    expect(second.status).toBe(200);
    expect(second.text).toContain('您已签到');
    const old = await (await suite.as('cp-absent')).get(`/checkin/${s().sessionId}?c=${await projectorCode(db(), s().sessionId, 3)}`);
    expect(old.status).toBe(409);
    expect(old.text).toContain('过期');
    expect((await cadre.form('/checkin', { code: '12' })).text).toContain('6 位数字');
  });

  test('the cadre’s home page and class page show the schedule, their attendance and their leave share; absentees get the recorded lecture', async () => {
    const trainer = await suite.as('cp-trainer');
    const live = `/classes/${s().classId}/sessions/${s().sessionId}`;
    await trainer.form(`${live}?action=recording`, { recordingLessonId: 'fixture-recording/recorded-lecture' });
    expect((await trainer.form(`${live}?action=close`, {})).headers.get('location')).toBe(`${live}?done=closed-1#attendance`);
    const home = await (await suite.as('cp-cadre')).get('/');
    expect(home.text).toContain('我的班次与讲座安排');
    expect(home.text).toContain('表单安排的讲座');
    const mine = await (await suite.as('cp-cadre')).get(`/my-classes/${s().classId}`);
    expect(mine.text).toContain('已签到（扫码）');
    expect(mine.text).not.toContain('观看讲座录像');
    const absent = await (await suite.as('cp-absent')).get(`/my-classes/${s().classId}`);
    expect(absent.text).toContain('请假');
    expect(absent.text).toContain('/courses/fixture-recording/recorded-lecture');
    expect(absent.text).toMatch(/请假 2 学时 \/ 共 2\.5 学时（80\.0%）/);
    expect(absent.text).toContain('超过总学时的 1/7，不能结业');
    expect((await (await suite.as('cp-absent')).get('/my-classes')).text).toContain('页面大讲堂');
  });

  test('others get the 404 page for a class they do not run, and cadres the 403 page for class management', async () => {
    const other = await suite.as('cp-other');
    for (const path of [`/classes/${s().classId}`, `/classes/${s().classId}/sessions/${s().sessionId}`, `/classes/${s().classId}/sessions/${s().sessionId}/projector`]) {
      expect((await other.get(path)).status, path).toBe(404);
    }
    expect((await other.form(`/classes/${s().classId}?action=members`, { logins: 'cp-cadre' })).status).toBe(404);
    expect((await (await suite.as('cp-cadre')).get('/classes')).status).toBe(403);
    expect((await (await suite.as('cp-cadre')).get(`/my-classes/${s().classId}x`)).status).toBe(404);
  });

  test('a trainer adds cadres from the department’s roster file; a file naming someone who cannot join adds nobody', async () => {
    const trainer = await suite.as('cp-trainer');
    const upload = async (bytes: Uint8Array | string, name = 'roster.xlsx') => {
      const form = new FormData();
      form.set('file', new Blob([bytes as BlobPart]), name);
      const res = await fetch(`${suite.server.baseUrl}/classes/${s().classId}?action=members-file`, { method: 'POST', body: form, redirect: 'manual', headers: { Cookie: `jt_session=${trainer.sessionToken}`, Origin: suite.server.baseUrl } });
      return { status: res.status, location: res.headers.get('location'), text: await res.text() };
    };
    const newcomer = await makeUser(db(), 'cadre', s().units.villageA, { login: 'cp-file', name: '名单学员' });
    const members = async () => (await db().selectFrom('class_members').select('user_id').where('class_id', '=', s().classId).execute()).map((m) => m.user_id).sort();
    const before = await members();

    const refused = await upload(await rosterOf([['名单学员', 'cp-file', '甲镇一村', ''], ['页面教师', 'cp-trainer', '甲镇', '']]));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('不是学员账号');
    expect(await members()).toEqual(before);
    const notXlsx = await upload('姓名,登录名\n张三,cp-absent', 'roster.xlsx');
    expect(notXlsx.status).toBe(415);
    expect(notXlsx.text).toContain('不是 Excel');

    const added = await upload(await rosterOf([['名单学员', 'cp-file', '甲镇一村', ''], ['页面学员', 'cp-cadre', '甲镇一村', '']]));
    expect(added.status).toBe(303);
    expect(added.location).toContain('done=added-1');
    expect(await members()).toEqual([...before, newcomer.id].sort());
  });
});
