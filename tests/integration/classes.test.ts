import { describe, expect, test } from 'vitest';
import { beijingIsoDate } from '../../src/lib/hours/beijing-year.ts';
import { setPosition } from '../support/classes.ts';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import { enrol } from '../support/learning-records.ts';
import { useServer } from '../support/suite.ts';

const today = beijingIsoDate(new Date());
const inDays = (n: number) => beijingIsoDate(new Date(Date.now() + n * 86_400_000));
const SECRETARY = '村党支部书记';

describe.each(testDialects())('classes, rosters and assigned courses over HTTP on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    const people = {
      units,
      countyStaff: await makeUser(db, 'staff', units.county, { login: 'cl-county-staff' }),
      townStaff: await makeUser(db, 'staff', units.townA, { login: 'cl-town-staff' }),
      trainer: await makeUser(db, 'trainer', units.townA, { login: 'cl-trainer', name: '甲镇教师' }),
      otherTrainer: await makeUser(db, 'trainer', units.townB, { login: 'cl-other-trainer' }),
      countyTrainer: await makeUser(db, 'trainer', units.county, { login: 'cl-county-trainer' }),
      townCadre: await makeUser(db, 'cadre', units.townA, { login: 'cl-a1', name: '镇上书记' }),
      villageSecretary: await makeUser(db, 'cadre', units.villageA, { login: 'cl-a2', name: '村书记' }),
      villageHead: await makeUser(db, 'cadre', units.villageA, { login: 'cl-a3', name: '村主任' }),
      retired: await makeUser(db, 'cadre', units.villageA, { login: 'cl-a4' }),
      neighbour: await makeUser(db, 'cadre', units.townB, { login: 'cl-b1' }),
    };
    await setPosition(db, people.townCadre.id, SECRETARY);
    await setPosition(db, people.villageSecretary.id, SECRETARY);
    await setPosition(db, people.villageHead.id, '村委会主任');
    await db.updateTable('users').set({ active: 0 }).where('id', '=', people.retired.id).execute();
    await enrol(db, people.villageHead.id, 'fixture-short');
    return people;
  });
  const db = () => suite.database.db;
  const lecture = (extra: Record<string, unknown> = {}) => ({ kind: 'lecture', title: '甲镇干部大讲堂', startsOn: today, endsOn: inDays(60), place: '甲镇会议室', orgUnitId: suite.seeded.units.townA, ...extra });
  const countClasses = async () => (await db().selectFrom('classes').select('id').execute()).length;
  let classId = '';

  test('a trainer opens a class for their township and becomes its responsible trainer; lists show it to those in charge only', async () => {
    const trainer = await suite.as('cl-trainer');
    const res = await trainer.post('/api/v1/classes', lecture());
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({ kind: 'lecture', title: '甲镇干部大讲堂', viewer: 'manager', trainer: { id: suite.seeded.trainer.id, name: '甲镇教师' }, memberCount: 0, totalHours: 0, roster: [] });
    classId = res.data.id;
    const audit = await db().selectFrom('audit_log').selectAll().where('target_id', '=', classId).execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'class.create', actor_id: suite.seeded.trainer.id })]);

    const listed = async (login: string) => (await (await suite.as(login)).get('/api/v1/classes')).data.classes.map((c: { id: string }) => c.id);
    expect(await listed('cl-trainer')).toEqual([classId]);
    expect(await listed('cl-town-staff')).toEqual([classId]);
    expect(await listed('cl-county-staff')).toEqual([classId]);
    expect(await listed('cl-other-trainer')).toEqual([]);
    expect(await listed('cl-county-trainer')).toEqual([]);
    expect(await listed('cl-a1')).toEqual([]);
  });

  test('a trainer of another township, and a county trainer who is not responsible, get 404 for everything about the class', async () => {
    for (const login of ['cl-other-trainer', 'cl-county-trainer', 'cl-b1']) {
      const other = await suite.as(login);
      const base = `/api/v1/classes/${classId}`;
      const answers = [
        await other.get(base),
        await other.patch(base, { title: '改名' }),
        await other.post(`${base}/members`, { userIds: [suite.seeded.townCadre.id] }),
        await other.request('DELETE', `${base}/members/${suite.seeded.townCadre.id}`),
        await other.post(`${base}/courses`, { courseId: 'fixture-short', dueOn: null }),
        await other.get(`${base}/sessions`),
        await other.post(`${base}/sessions`, { startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 3600_000).toISOString(), topic: '题目', hours: 2 }),
      ];
      for (const res of answers) {
        expect(res.status, `${login}: ${res.text}`).toBe(404);
        expect(res.data.error.code).toBe('not_found');
      }
    }
    expect((await db().selectFrom('classes').select('title').where('id', '=', classId).executeTakeFirstOrThrow()).title).toBe('甲镇干部大讲堂');
  });

  test('staff whose scope covers the class manage it too; only they hand it to another trainer', async () => {
    const staff = await suite.as('cl-town-staff');
    const res = await staff.patch(`/api/v1/classes/${classId}`, { place: '甲镇党群服务中心' });
    expect(res.status).toBe(200);
    expect(res.data.place).toBe('甲镇党群服务中心');
    const handover = await (await suite.as('cl-trainer')).patch(`/api/v1/classes/${classId}`, { trainerId: suite.seeded.countyTrainer.id });
    expect(handover.status).toBe(400);
    expect(handover.data.error.message).toContain('请联系组织部门');
  });

  test('classes that break the rules or the scope are refused with a JSON error and change nothing', async () => {
    const before = await countClasses();
    const trainer = await suite.as('cl-trainer');
    const county = await suite.as('cl-county-staff');
    const cases: Array<[string, Awaited<ReturnType<typeof suite.as>>, Record<string, unknown>, number]> = [
      ['a unit outside the trainer’s scope', trainer, lecture({ orgUnitId: suite.seeded.units.townB }), 404],
      ['an unknown unit', trainer, lecture({ orgUnitId: 'no-such-unit' }), 404],
      ['staff naming no trainer', county, lecture(), 400],
      ['a responsible trainer whose scope does not cover the unit', county, lecture({ trainerId: suite.seeded.otherTrainer.id }), 400],
      ['a cadre as responsible trainer', county, lecture({ trainerId: suite.seeded.townCadre.id }), 404],
      ['a trainer putting another trainer in charge', trainer, lecture({ trainerId: suite.seeded.countyTrainer.id }), 400],
      ['an end before the start', trainer, lecture({ endsOn: inDays(-1) }), 400],
      ['a day that does not exist', trainer, lecture({ startsOn: '2026-02-30' }), 400],
      ['no title', trainer, lecture({ title: '   ' }), 400],
      ['an unknown kind', trainer, lecture({ kind: 'party' }), 400],
      ['an unknown field', trainer, lecture({ status: 'closed' }), 400],
      ['a reading class without its course', trainer, lecture({ kind: 'reading', readingHours: 1 }), 400],
      ['a reading class on a course that is not a reading class', trainer, lecture({ kind: 'reading', readingCourseId: 'fixture-short', readingHours: 1 }), 400],
      ['a reading class without hours per note', trainer, lecture({ kind: 'reading', readingCourseId: 'reading-class-2026' }), 400],
      ['a note length out of range', trainer, lecture({ kind: 'reading', readingCourseId: 'reading-class-2026', readingHours: 1, noteMinChars: 10 }), 400],
    ];
    for (const [label, client, body, status] of cases) {
      const res = await client.post('/api/v1/classes', body);
      expect(res.status, `${label}: ${res.text}`).toBe(status);
      expect(res.data.error.message, label).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((await (await suite.as('cl-a1')).post('/api/v1/classes', lecture())).status).toBe(403);
    expect(await countClasses()).toBe(before);
  });

  test('county staff open a reading class on the content’s reading course with a trainer in charge', async () => {
    const county = await suite.as('cl-county-staff');
    const res = await county.post('/api/v1/classes', lecture({ kind: 'reading', title: '读书班', readingCourseId: 'reading-class-2026', readingHours: 1.5, trainerId: suite.seeded.trainer.id }));
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({ kind: 'reading', readingCourseId: 'reading-class-2026', noteMinChars: 300, readingHours: 1.5, trainer: { id: suite.seeded.trainer.id } });
  });

  test('the roster grows from a unit, a position and single cadres: active cadres of the class’s subtree only', async () => {
    const trainer = await suite.as('cl-trainer');
    const byUnit = await trainer.post(`/api/v1/classes/${classId}/members`, { orgUnitIds: [suite.seeded.units.villageA] });
    expect(byUnit.data).toEqual({ added: 2, total: 2 });
    const byPosition = await trainer.post(`/api/v1/classes/${classId}/members`, { positions: [SECRETARY] });
    expect(byPosition.data).toEqual({ added: 1, total: 3 });
    const again = await trainer.post(`/api/v1/classes/${classId}/members`, { logins: ['cl-a1'], userIds: [suite.seeded.villageHead.id] });
    expect(again.data).toEqual({ added: 0, total: 3 });
    const rows = await db().selectFrom('class_members').select(['user_id', 'source']).where('class_id', '=', classId).execute();
    expect(new Map(rows.map((r) => [r.user_id, r.source]))).toEqual(
      new Map([[suite.seeded.villageSecretary.id, 'unit'], [suite.seeded.villageHead.id, 'unit'], [suite.seeded.townCadre.id, 'position']]),
    );
  });

  test('roster additions outside the scope, outside the class’s unit or of non-cadres are refused whole', async () => {
    const trainer = await suite.as('cl-trainer');
    const county = await suite.as('cl-county-staff');
    const villageClass = (await county.post('/api/v1/classes', lecture({ title: '村级培训', orgUnitId: suite.seeded.units.villageA, trainerId: suite.seeded.trainer.id }))).data.id;
    const members = async () => (await db().selectFrom('class_members').select('user_id').execute()).length;
    const before = await members();
    const cases: Array<[string, Awaited<ReturnType<typeof suite.as>>, string, Record<string, unknown>, number]> = [
      ['a unit of another township', trainer, classId, { orgUnitIds: [suite.seeded.units.townB] }, 404],
      ['a cadre of another township', trainer, classId, { userIds: [suite.seeded.neighbour.id] }, 404],
      ['an unknown login', trainer, classId, { logins: ['nobody-here'] }, 404],
      ['a unit above the class’s unit', county, villageClass, { orgUnitIds: [suite.seeded.units.townA] }, 400],
      ['a cadre outside the class’s unit', county, villageClass, { userIds: [suite.seeded.townCadre.id, suite.seeded.villageHead.id] }, 400],
      ['a staff account', trainer, classId, { userIds: [suite.seeded.townStaff.id] }, 400],
      ['a deactivated cadre', trainer, classId, { userIds: [suite.seeded.retired.id] }, 400],
      ['a position nobody holds there', trainer, classId, { positions: ['县长'] }, 400],
      ['nothing at all', trainer, classId, {}, 400],
      ['ids of the wrong type', trainer, classId, { userIds: 'cl-a1' }, 400],
    ];
    for (const [label, client, id, body, status] of cases) {
      const res = await client.post(`/api/v1/classes/${id}/members`, body);
      expect(res.status, `${label}: ${res.text}`).toBe(status);
      expect(res.data.error.code, label).toEqual(expect.any(String));
    }
    expect(await members()).toBe(before);
  });

  test('a course assigned to the roster becomes a required enrolment with the deadline for every member, and for members added later', async () => {
    const trainer = await suite.as('cl-trainer');
    const res = await trainer.post(`/api/v1/classes/${classId}/courses`, { courseId: 'fixture-short', dueOn: inDays(30) });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ courseId: 'fixture-short', created: 2, updated: 1 });
    const enrolments = () => db().selectFrom('enrollments').select(['user_id', 'origin', 'required', 'due_on']).where('course_id', '=', 'fixture-short').execute();
    expect(await enrolments()).toHaveLength(3);
    for (const e of await enrolments()) expect(e).toMatchObject({ origin: 'assigned', required: 1, due_on: inDays(30) });

    const staff = await suite.as('cl-town-staff');
    const later = await makeUser(db(), 'cadre', suite.seeded.units.townA, { login: 'cl-late' });
    expect((await staff.post(`/api/v1/classes/${classId}/members`, { logins: ['cl-late'] })).data).toEqual({ added: 1, total: 4 });
    expect(await db().selectFrom('enrollments').select(['origin', 'required', 'due_on']).where('user_id', '=', later.id).execute()).toEqual([{ origin: 'assigned', required: 1, due_on: inDays(30) }]);

    const mine = await (await suite.as('cl-late')).get('/api/v1/enrollments');
    expect(mine.data.enrollments[0]).toMatchObject({ courseId: 'fixture-short', required: true, dueOn: inDays(30) });
  });

  test('when two classes assign the same course the earliest deadline applies', async () => {
    const county = await suite.as('cl-county-staff');
    const second = (await county.post('/api/v1/classes', lecture({ title: '第二期', trainerId: suite.seeded.trainer.id }))).data.id;
    await county.post(`/api/v1/classes/${second}/members`, { logins: ['cl-a2'] });
    expect((await county.post(`/api/v1/classes/${second}/courses`, { courseId: 'fixture-short', dueOn: inDays(10) })).data).toMatchObject({ created: 0, updated: 1 });
    const due = async (userId: string) => (await db().selectFrom('enrollments').select('due_on').where('user_id', '=', userId).where('course_id', '=', 'fixture-short').executeTakeFirstOrThrow()).due_on;
    expect(await due(suite.seeded.villageSecretary.id)).toBe(inDays(10));
    expect(await due(suite.seeded.villageHead.id)).toBe(inDays(30));
  });

  test('assignments of unknown courses or bad deadlines are refused', async () => {
    const trainer = await suite.as('cl-trainer');
    expect((await trainer.post(`/api/v1/classes/${classId}/courses`, { courseId: 'no-such-course', dueOn: null })).status).toBe(404);
    expect((await trainer.post(`/api/v1/classes/${classId}/courses`, { courseId: 'fixture-short', dueOn: '2026-13-01' })).status).toBe(400);
    expect((await trainer.post(`/api/v1/classes/${classId}/courses`, { courseId: 'fixture-short' })).status).toBe(400);
  });

  test('a member is taken off the roster (once), and the class detail shows each member’s attendance and leave share', async () => {
    const trainer = await suite.as('cl-trainer');
    const late = await db().selectFrom('users').select('id').where('login', '=', 'cl-late').executeTakeFirstOrThrow();
    expect((await trainer.request('DELETE', `/api/v1/classes/${classId}/members/${late.id}`)).status).toBe(200);
    expect((await trainer.request('DELETE', `/api/v1/classes/${classId}/members/${late.id}`)).status).toBe(404);
    const detail = (await trainer.get(`/api/v1/classes/${classId}`)).data;
    expect(detail.roster).toHaveLength(3);
    expect(detail.roster[0]).toMatchObject({ present: 0, leave: 0, absent: 0, leaveShare: { leaveHours: 0, totalHours: 0, withinLimit: true } });
    expect(detail.courses).toEqual([{ courseId: 'fixture-short', title: '测试课程：短课', dueOn: inDays(30) }]);
    const member = (await (await suite.as('cl-a2')).get(`/api/v1/classes/${classId}`)).data;
    expect(member.viewer).toBe('member');
    expect(member.roster.map((r: { userId: string }) => r.userId)).toEqual([suite.seeded.villageSecretary.id]);
  });

  test('sessions get the default check-in window, stay within the class’s dates, and refuse bad times, hours and recordings', async () => {
    const trainer = await suite.as('cl-trainer');
    const start = Date.now() + 86_400_000;
    const at = (ms: number) => new Date(ms).toISOString();
    const ok = await trainer.post(`/api/v1/classes/${classId}/sessions`, { startsAt: at(start), endsAt: at(start + 2 * 3600_000), topic: '基层治理', speaker: '王教授', hours: 2 });
    expect(ok.status).toBe(201);
    expect(ok.data).toMatchObject({ topic: '基层治理', hours: 2, place: '甲镇党群服务中心', status: 'scheduled', recording: null });
    expect(ok.data.checkinOpensAt).toBe(at(start - 30 * 60_000));
    expect(ok.data.checkinClosesAt).toBe(at(start + 30 * 60_000));
    expect(ok.data).not.toHaveProperty('tokenSecret');
    expect(JSON.stringify(ok.data)).not.toContain((await db().selectFrom('class_sessions').select('token_secret').executeTakeFirstOrThrow()).token_secret);

    const session = (extra: Record<string, unknown>) => ({ startsAt: at(start), endsAt: at(start + 3600_000), topic: '题目', hours: 2, ...extra });
    const cases: Array<[string, Record<string, unknown>]> = [
      ['an end before the start', session({ endsAt: at(start - 60_000) })],
      ['a day after the class ends', session({ startsAt: at(start + 90 * 86_400_000), endsAt: at(start + 90 * 86_400_000 + 3600_000) })],
      ['no hours', session({ hours: 0 })],
      ['two decimals of hours', session({ hours: 1.25 })],
      ['a window that closes before it opens', session({ checkinOpensAt: at(start), checkinClosesAt: at(start - 60_000) })],
      ['a time without a zone', session({ startsAt: '2026-05-10T14:30:00' })],
      ['a lesson without video as recording', session({ recordingLessonId: 'fixture-short/first-minute' })],
      ['an unknown lesson as recording', session({ recordingLessonId: 'nope/nothing' })],
      ['no topic', session({ topic: ' ' })],
    ];
    for (const [label, body] of cases) {
      const res = await trainer.post(`/api/v1/classes/${classId}/sessions`, body);
      expect(res.status, `${label}: ${res.text}`).toBe(400);
    }
    const moved = await trainer.patch(`/api/v1/classes/${classId}/sessions/${ok.data.id}`, { startsAt: at(start + 3600_000), endsAt: at(start + 3 * 3600_000), recordingLessonId: 'fixture-recording/recorded-lecture' });
    expect(moved.status).toBe(200);
    expect(moved.data.checkinOpensAt).toBe(at(start + 30 * 60_000));
    expect(moved.data.recording).toEqual({ lessonId: 'fixture-recording/recorded-lecture', title: '测试课程：讲座录像 · 讲座录像：测试讲座' });
    expect((await trainer.get(`/api/v1/classes/${classId}/sessions`)).data.sessions).toHaveLength(1);
    expect((await (await suite.as('cl-a2')).get(`/api/v1/classes/${classId}/sessions`)).status).toBe(200);
    expect((await (await suite.as('cl-b1')).get(`/api/v1/classes/${classId}/sessions`)).status).toBe(404);
  });
});
