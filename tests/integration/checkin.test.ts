import { describe, expect, test } from 'vitest';
import { MAX_WRONG_CODES } from '../../src/lib/classes/checkin-throttle.ts';
import { addToRoster, awayFromRotation, insertClass, insertSession, projectorCode } from '../support/classes.ts';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import { useServer } from '../support/suite.ts';

const REASON_LEAVE = '参加县里防汛值班，经分管领导同意';
const REASON_MANUAL = '手机没电无法扫码，本人在场核实';

describe.each(testDialects())('lecture check-in, manual entries and closing on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    const trainer = await makeUser(db, 'trainer', units.townA, { login: 'ci-trainer', name: '讲堂教师' });
    await makeUser(db, 'trainer', units.townB, { login: 'ci-other-trainer' });
    await makeUser(db, 'staff', units.townA, { login: 'ci-staff' });
    const cadres = await Promise.all(['ci-c1', 'ci-c2', 'ci-c3', 'ci-c4', 'ci-c5', 'ci-c6'].map((login, i) => makeUser(db, 'cadre', units.villageA, { login, name: `学员${i + 1}` })));
    const outsider = await makeUser(db, 'cadre', units.villageA, { login: 'ci-outsider' });
    const classId = await insertClass(db, { orgUnitId: units.townA, trainerId: trainer.id, title: '甲镇大讲堂' });
    await addToRoster(db, classId, cadres.map((c) => c.id));
    const open = await insertSession(db, classId, { startsInMinutes: 0, hoursTenths: 20, topic: '乡村振兴与文旅融合' });
    const future = await insertSession(db, classId, { startsInMinutes: 180, topic: '医疗卫生服务下沉' });
    const past = await insertSession(db, classId, { startsInMinutes: -180, topic: '办好山区县的教育' });
    return { units, trainer, cadres, outsider, classId, sessions: { open, future, past } };
  });
  const db = () => suite.database.db;
  const s = () => suite.seeded;
  const scan = async (login: string, sessionId: string, code: string) => (await suite.as(login)).post('/api/v1/checkins', { sessionId, code });
  const attendanceOf = (sessionId: string, userId: string) => db().selectFrom('attendance').selectAll().where('session_id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();
  const sessionPath = (sessionId: string) => `/api/v1/classes/${s().classId}/sessions/${sessionId}`;

  test('a cadre on the roster checks in with the code on the projector now', async () => {
    await awayFromRotation();
    const res = await scan('ci-c1', s().sessions.open, await projectorCode(db(), s().sessions.open));
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ status: 'checked_in', sessionId: s().sessions.open, classTitle: '甲镇大讲堂', topic: '乡村振兴与文旅融合', method: 'qr' });
    expect(await attendanceOf(s().sessions.open, s().cadres[0]!.id)).toMatchObject({ status: 'present', method: 'qr', actor_id: null });
  });

  test('a second scan is answered kindly: already checked in, with the time of the first', async () => {
    const first = await attendanceOf(s().sessions.open, s().cadres[0]!.id);
    const res = await scan('ci-c1', s().sessions.open, await projectorCode(db(), s().sessions.open, 5));
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ status: 'already_checked_in', checkedInAt: first!.recorded_at });
  });

  test('a code photographed a minute ago (rotated twice since) is refused as expired', async () => {
    const res = await scan('ci-c2', s().sessions.open, await projectorCode(db(), s().sessions.open, 2));
    expect(res.status).toBe(409);
    expect(res.data.error).toMatchObject({ code: 'checkin_refused', details: { reason: 'expired' } });
    expect(res.data.error.message).toContain('过期');
    expect(await attendanceOf(s().sessions.open, s().cadres[1]!.id)).toBeUndefined();
  });

  test('a made-up code is refused as wrong', async () => {
    const current = await projectorCode(db(), s().sessions.open);
    const res = await scan('ci-c2', s().sessions.open, current === '123456' ? '654321' : '123456');
    expect(res.status).toBe(409);
    expect(res.data.error.details.reason).toBe('wrong');
  });

  test('outside the check-in window the current code is refused, before and after', async () => {
    const before = await scan('ci-c2', s().sessions.future, await projectorCode(db(), s().sessions.future));
    expect(before.status).toBe(409);
    expect(before.data.error.details.reason).toBe('not_open');
    expect(before.data.error.message).toMatch(/签到还没有开始。本场签到时间为 \d\d:\d\d–\d\d:\d\d/);
    const after = await scan('ci-c2', s().sessions.past, await projectorCode(db(), s().sessions.past));
    expect(after.status).toBe(409);
    expect(after.data.error.details.reason).toBe('ended');
  });

  test('someone not on the roster is refused, whatever the code', async () => {
    await awayFromRotation();
    const res = await scan('ci-outsider', s().sessions.open, await projectorCode(db(), s().sessions.open));
    expect(res.status).toBe(409);
    expect(res.data.error.details.reason).toBe('not_member');
    expect(res.data.error.message).toContain('不在“甲镇大讲堂”的学员名单中');
  });

  test('a code typed at /checkin finds its session among those open now', async () => {
    await awayFromRotation();
    const res = await (await suite.as('ci-c2')).post('/api/v1/checkins', { code: (await projectorCode(db(), s().sessions.open)).replace(/^(...)/, '$1 ') });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ status: 'checked_in', sessionId: s().sessions.open });
  });

  test('bad check-in requests are 4xx JSON: no code, an unknown session, not signed in', async () => {
    const c3 = await suite.as('ci-c3');
    expect((await c3.post('/api/v1/checkins', {})).status).toBe(400);
    expect((await c3.post('/api/v1/checkins', { code: 'abc' })).status).toBe(400);
    expect((await c3.post('/api/v1/checkins', { sessionId: 'no-such-session', code: '123456' })).status).toBe(404);
    expect((await suite.client().post('/api/v1/checkins', { sessionId: s().sessions.open, code: '123456' })).status).toBe(401);
  });

  test('leave and manual check-in need a reason; both are recorded with the actor and audited', async () => {
    const trainer = await suite.as('ci-trainer');
    const [, , c3, c4] = s().cadres;
    const post = (body: Record<string, unknown>) => trainer.post(`${sessionPath(s().sessions.open)}/attendance`, body);
    for (const reason of ['', '   ', '请假']) {
      const res = await post({ userId: c3!.id, status: 'leave', reason });
      expect(res.status).toBe(400);
      expect(res.data.error.message).toContain('原因');
    }
    expect((await post({ userId: c3!.id, status: 'leave' })).status).toBe(400);
    expect((await post({ userId: s().outsider.id, status: 'leave', reason: REASON_LEAVE })).status).toBe(404);
    expect((await post({ userId: s().cadres[0]!.id, status: 'leave', reason: REASON_LEAVE })).status).toBe(409);
    expect(await attendanceOf(s().sessions.open, c3!.id)).toBeUndefined();

    const leave = await post({ userId: c3!.id, status: 'leave', reason: REASON_LEAVE });
    expect(leave.status).toBe(201);
    expect(leave.data.rows.find((r: { userId: string }) => r.userId === c3!.id)).toMatchObject({ status: 'leave', method: 'manual', reason: REASON_LEAVE, actorName: '讲堂教师' });
    const manual = await post({ userId: c4!.id, status: 'present', reason: REASON_MANUAL });
    expect(manual.status).toBe(201);
    expect(manual.data).toMatchObject({ presentCount: 3, rosterCount: 6 });
    expect(await attendanceOf(s().sessions.open, c4!.id)).toMatchObject({ status: 'present', method: 'manual', reason: REASON_MANUAL, actor_id: s().trainer.id });

    const audit = await db().selectFrom('audit_log').selectAll().where('target_id', '=', s().sessions.open).orderBy('created_at').execute();
    expect(audit.map((a) => [a.action, a.actor_id, JSON.parse(a.detail).reason])).toEqual([
      ['attendance.leave', s().trainer.id, REASON_LEAVE],
      ['attendance.manual_checkin', s().trainer.id, REASON_MANUAL],
    ]);
  });

  test('wrong codes are limited per person', async () => {
    const c6 = await suite.as('ci-c6');
    const current = await projectorCode(db(), s().sessions.open);
    const wrong = current === '000000' ? '000001' : '000000';
    for (let i = 0; i < MAX_WRONG_CODES; i++) expect((await c6.post('/api/v1/checkins', { sessionId: s().sessions.open, code: wrong })).status).toBe(409);
    const blocked = await c6.post('/api/v1/checkins', { sessionId: s().sessions.open, code: current });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect((await suite.as('ci-c6')).sessionToken).toBeTruthy();
  });

  test('the projector gets the current code and its QR; others get 404', async () => {
    await awayFromRotation();
    const trainer = await suite.as('ci-trainer');
    const res = await trainer.get(`${sessionPath(s().sessions.open)}/checkin-code`);
    expect(res.status).toBe(200);
    const code = await projectorCode(db(), s().sessions.open);
    expect(res.data).toMatchObject({ state: 'open', code, url: `${suite.server.baseUrl}/checkin/${s().sessions.open}?c=${code}`, presentCount: 3, rosterCount: 6 });
    expect(res.data.svg).toMatch(/^<svg /);
    expect(res.data.refreshInMs).toBeLessThanOrEqual(5000);
    const secret = (await db().selectFrom('class_sessions').select('token_secret').where('id', '=', s().sessions.open).executeTakeFirstOrThrow()).token_secret;
    expect(res.text).not.toContain(secret);
    expect((await trainer.get(`${sessionPath(s().sessions.future)}/checkin-code`)).data).toMatchObject({ state: 'before', code: null, svg: null });
    for (const login of ['ci-other-trainer', 'ci-c1']) {
      const other = await suite.as(login);
      expect((await other.get(`${sessionPath(s().sessions.open)}/checkin-code`)).status).toBe(404);
      expect((await other.get(`${sessionPath(s().sessions.open)}/attendance`)).status).toBe(404);
      expect((await other.post(`${sessionPath(s().sessions.open)}/close`)).status).toBe(404);
    }
  });

  test('closing credits the hours to each present cadre exactly once, also when close requests arrive in parallel', async () => {
    const trainer = await suite.as('ci-trainer');
    const staff = await suite.as('ci-staff');
    const closes = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? staff : trainer).post(`${sessionPath(s().sessions.open)}/close`)));
    expect(closes.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(closes.filter((r) => !r.data.alreadyClosed)).toHaveLength(1);
    expect(closes.find((r) => !r.data.alreadyClosed)!.data).toMatchObject({ credited: 3, presentCount: 3 });
    const ledger = await db().selectFrom('hours_ledger').selectAll().where('source', '=', `lecture:${s().sessions.open}`).execute();
    expect(ledger.map((e) => e.user_id).sort()).toEqual([s().cadres[0]!.id, s().cadres[1]!.id, s().cadres[3]!.id].sort());
    for (const e of ledger) expect(e).toMatchObject({ kind: 'lecture', hours_tenths: 20, source_title: '甲镇大讲堂：乡村振兴与文旅融合' });
    const audit = await db().selectFrom('audit_log').select(['action', 'actor_id']).where('target_id', '=', s().sessions.open).where('action', '=', 'class_session.close').execute();
    expect(audit).toHaveLength(1);

    const hours = await (await suite.as('ci-c4')).get('/api/v1/hours');
    expect(hours.data.entries).toEqual([expect.objectContaining({ kind: 'lecture', hours: 2, sourceTitle: '甲镇大讲堂：乡村振兴与文旅融合' })]);
    expect((await (await suite.as('ci-c3')).get('/api/v1/hours')).data.entries).toEqual([]);
  });

  test('after closing, scans and manual entries are refused and the hours stay as credited', async () => {
    const late = await scan('ci-c5', s().sessions.open, await projectorCode(db(), s().sessions.open));
    expect(late.status).toBe(409);
    expect(late.data.error.details.reason).toBe('closed');
    const trainer = await suite.as('ci-trainer');
    expect((await trainer.post(`${sessionPath(s().sessions.open)}/attendance`, { userId: s().cadres[4]!.id, status: 'present', reason: REASON_MANUAL })).status).toBe(409);
    expect((await trainer.patch(sessionPath(s().sessions.open), { hours: 4 })).status).toBe(409);
    expect((await trainer.patch(sessionPath(s().sessions.open), { recordingLessonId: 'fixture-recording/recorded-lecture' })).status).toBe(200);
    const again = await trainer.post(`${sessionPath(s().sessions.open)}/close`);
    expect(again.data).toMatchObject({ alreadyClosed: true, credited: 0 });
    expect(await db().selectFrom('hours_ledger').select('id').where('source', '=', `lecture:${s().sessions.open}`).execute()).toHaveLength(3);
  });

  test('the live list and the archive show present, leave and absent, the method, the reason and who recorded it', async () => {
    const trainer = await suite.as('ci-trainer');
    const live = (await trainer.get(`${sessionPath(s().sessions.open)}/attendance`)).data;
    const statusOf = (i: number) => live.rows.find((r: { userId: string }) => r.userId === s().cadres[i]!.id).status;
    expect([0, 1, 2, 3, 4, 5].map(statusOf)).toEqual(['present', 'present', 'leave', 'present', 'absent', 'absent']);

    const archive = (await (await suite.as('ci-staff')).get(`/api/v1/cadres/${s().cadres[3]!.id}/archive`)).data;
    const record = archive.classes[0];
    expect(record).toMatchObject({ title: '甲镇大讲堂', onRoster: true });
    expect(record.sessions.find((x: { id: string }) => x.id === s().sessions.open)).toMatchObject({ status: 'present', method: 'manual', reason: REASON_MANUAL, actorName: '讲堂教师' });
    const leaveRecord = (await (await suite.as('ci-c3')).get(`/api/v1/cadres/${s().cadres[2]!.id}/archive`)).data.classes[0];
    expect(leaveRecord.sessions.find((x: { id: string }) => x.id === s().sessions.open)).toMatchObject({ status: 'leave', reason: REASON_LEAVE, actorName: '讲堂教师' });
    // Leave of 2 学时 out of 6 scheduled is more than 1/7.
    expect(leaveRecord.leaveShare).toEqual({ leaveHours: 2, totalHours: 6, allowedHours: 0.8, percent: 33.3, withinLimit: false });

    const page = await (await suite.as('ci-staff')).get(`/people/${s().cadres[3]!.id}`);
    expect(page.text).toContain('班次与考勤');
    expect(page.text).toContain(REASON_MANUAL);
    expect(page.text).toContain('经办：讲堂教师');
  });
});
