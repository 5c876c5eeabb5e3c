import { describe, expect, test } from 'vitest';
import { FIRST_READING, makeClass } from '../support/class-records.ts';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import { useServer } from '../support/suite.ts';

/** Everything a cadre might type to attack a reviewer's browser, in one note over the minimum length. */
const PAYLOAD = [
  '<script>alert("note")</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(document.cookie)',
  '</textarea><script>alert(2)</script>',
  '读后感：这些都应当原样显示为文字，而不是被浏览器执行。',
].join('\n');

describe.each(testDialects())('reading notes: escaping, scope and bad input on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    const trainer = await makeUser(db, 'trainer', units.townA, { login: 'rs-trainer', scopeUnitId: units.townA });
    await makeUser(db, 'trainer', units.townA, { login: 'rs-colleague', scopeUnitId: units.townA });
    await makeUser(db, 'trainer', units.townB, { login: 'rs-b-trainer', scopeUnitId: units.townB });
    await makeUser(db, 'staff', units.townB, { login: 'rs-b-staff', scopeUnitId: units.townB });
    const staffMember = await makeUser(db, 'staff', units.townA, { login: 'rs-a-staff', scopeUnitId: units.townA });
    const writer = await makeUser(db, 'cadre', units.villageA, { login: 'rs-writer', name: '钱写作' });
    const classmate = await makeUser(db, 'cadre', units.villageA, { login: 'rs-classmate' });
    await makeUser(db, 'cadre', units.villageA, { login: 'rs-outsider' });
    const members = [writer.id, classmate.id, staffMember.id];
    const classId = await makeClass(db, { trainerId: trainer.id, orgUnitId: units.townA, noteMinChars: 20 }, members);
    const closedId = await makeClass(db, { trainerId: trainer.id, orgUnitId: units.townA, status: 'closed', title: '已结束的读书班' }, members);
    const lectureId = await makeClass(db, { trainerId: trainer.id, orgUnitId: units.townA, kind: 'lecture', title: '大讲堂' }, members);
    return { classId, closedId, lectureId, writer };
  });
  const db = () => suite.database.db;
  const api = (classId = suite.seeded.classId) => `/api/v1/classes/${classId}/notes`;
  const countRows = async () => ({
    notes: (await db().selectFrom('reading_notes').select('id').execute()).length,
    audit: (await db().selectFrom('audit_log').select('id').execute()).length,
    ledger: (await db().selectFrom('hours_ledger').select('id').execute()).length,
  });

  test('a note full of markup is stored as typed and shown escaped on every page: nothing runs, the text box is not broken out of', async () => {
    const writer = await suite.as('rs-writer');
    const draft = await writer.request('PUT', `${api()}/mine/${FIRST_READING}`, { json: { body: PAYLOAD, baseUpdatedAt: null } });
    expect(draft.status).toBe(200);
    expect(draft.data.body).toBe(PAYLOAD);
    const editor = (await writer.get(`/classes/${suite.seeded.classId}/notes/${FIRST_READING}`)).text;
    expect(editor.match(/<textarea/g)).toHaveLength(1);
    expect(editor.match(/<\/textarea>/g)).toHaveLength(1);
    expect(editor).toContain('&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;');

    const submitted = await writer.post(`${api()}/mine/${FIRST_READING}/submit`, { body: PAYLOAD, baseUpdatedAt: draft.data.updatedAt });
    expect(submitted.status).toBe(200);
    const trainer = await suite.as('rs-trainer');
    const review = (await trainer.get(`/classes/${suite.seeded.classId}/notes/review/${submitted.data.id}`)).text;
    const returned = await trainer.post(`${api()}/${submitted.data.id}/return`, { reason: '请不要粘贴代码：<img src=y onerror=alert(3)>' });
    expect(returned.status).toBe(200);
    const pages = [
      review,
      (await writer.get(`/classes/${suite.seeded.classId}/notes/${FIRST_READING}`)).text,
      (await (await suite.as('rs-a-staff')).get(`/people/${suite.seeded.writer.id}`)).text,
    ];
    for (const html of pages) {
      expect(html).not.toMatch(/<script>alert/);
      expect(html).not.toMatch(/<img src=[xy] onerror/);
      expect(html).not.toContain('href="javascript:');
    }
    expect(review).toContain('&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt;');
    expect(review).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(review).toContain('javascript:alert(document.cookie)');
    expect(pages[1]).toContain('请不要粘贴代码：&lt;img src=y onerror=alert(3)&gt;');
    expect(pages[1]!.match(/<\/textarea>/g)).toHaveLength(1);
    expect(pages[2]).toContain('&lt;img src=y onerror=alert(3)&gt;');
    // Notes keep their line breaks through CSS, not markup.
    expect(review).toMatch(/white-space:\s*pre-wrap/);
  });

  test('only the class’s trainer and staff over its unit review: other trainers, other townships and cadres get 404', async () => {
    const note = await db().selectFrom('reading_notes').select('id').where('class_id', '=', suite.seeded.classId).executeTakeFirstOrThrow();
    for (const login of ['rs-colleague', 'rs-b-trainer', 'rs-b-staff', 'rs-classmate', 'rs-outsider']) {
      const client = await suite.as(login);
      for (const path of [api(), `${api()}/${note.id}`, `/api/v1/classes/${suite.seeded.classId}/completion`]) {
        const res = await client.get(path);
        if (login === 'rs-classmate' && path.endsWith('/completion')) continue; // a member sees their own row
        expect(res.status, `${login} GET ${path}`).toBe(404);
        expect(res.data.error.code).toBe('not_found');
      }
      expect((await client.post(`${api()}/${note.id}/approve`, {})).status, login).toBe(404);
      expect((await client.get(`/classes/${suite.seeded.classId}/notes/review/${note.id}`)).status, login).toBe(404);
      expect((await client.form(`/classes/${suite.seeded.classId}/notes/review/${note.id}`, { decision: 'approve' })).status, login).toBe(404);
    }
    expect((await (await suite.as('rs-a-staff')).get(api())).status).toBe(200);
  });

  test('a cadre not on the roster cannot read or write notes; unknown classes, readings and non-reading classes are 404', async () => {
    const outsider = await suite.as('rs-outsider');
    expect((await outsider.get(`${api()}/mine`)).status).toBe(404);
    expect((await outsider.request('PUT', `${api()}/mine/${FIRST_READING}`, { json: { body: '闯入', baseUpdatedAt: null } })).status).toBe(404);
    expect((await outsider.get(`/classes/${suite.seeded.classId}/notes`)).status).toBe(404);
    expect((await outsider.get(`/classes/${suite.seeded.classId}/notes/${FIRST_READING}`)).status).toBe(404);
    const writer = await suite.as('rs-writer');
    expect((await writer.get(`${api('no-such-class')}/mine`)).status).toBe(404);
    expect((await writer.request('PUT', `${api()}/mine/week-9-9`, { json: { body: '没有这篇', baseUpdatedAt: null } })).status).toBe(404);
    expect((await writer.get(`${api(suite.seeded.lectureId)}/mine`)).data.error.message).toContain('不是读书班');
    expect((await suite.client().get(`${api()}/mine`)).status).toBe(401);
  });

  test('a closed class takes no more notes, and nobody reviews their own note', async () => {
    const writer = await suite.as('rs-writer');
    const closed = await writer.request('PUT', `${api(suite.seeded.closedId)}/mine/${FIRST_READING}`, { json: { body: '结束后才写', baseUpdatedAt: null } });
    expect(closed.status).toBe(409);
    expect(closed.data.error.message).toContain('读书班已经结束');
    const staff = await suite.as('rs-a-staff');
    const own = await staff.post(`${api()}/mine/week-3-1/submit`, { body: '组织委员也是本班学员，自己的心得要由别人来审核。', baseUpdatedAt: null });
    expect(own.status).toBe(200);
    const refused = await staff.post(`${api()}/${own.data.id}/approve`, {});
    expect(refused.status).toBe(403);
    expect(refused.data.error.message).toContain('不能审核自己的心得');
  });

  test('bad input gets a 4xx JSON error in Chinese and changes nothing', async () => {
    const writer = await suite.as('rs-writer');
    const trainer = await suite.as('rs-trainer');
    const note = await db().selectFrom('reading_notes').select('id').where('user_id', '=', suite.seeded.writer.id).executeTakeFirstOrThrow();
    const before = await countRows();
    const cases: Array<[string, Promise<{ status: number; data: any }>, number]> = [
      ['missing body', writer.request('PUT', `${api()}/mine/week-2-1`, { json: { baseUpdatedAt: null } }), 400],
      ['wrong types', writer.request('PUT', `${api()}/mine/week-2-1`, { json: { body: 5, baseUpdatedAt: 7 } }), 400],
      ['unknown field', writer.request('PUT', `${api()}/mine/week-2-1`, { json: { body: 'x', baseUpdatedAt: null, status: 'approved' } }), 400],
      ['not JSON', writer.request('PUT', `${api()}/mine/week-2-1`, { body: 'body=x', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }), 415],
      ['malformed JSON', writer.request('PUT', `${api()}/mine/week-2-1`, { body: '{"body":', headers: { 'Content-Type': 'application/json' } }), 400],
      ['too long', writer.request('PUT', `${api()}/mine/week-2-1`, { json: { body: '长'.repeat(10_001), baseUpdatedAt: null } }), 400],
      ['reason too long', trainer.post(`${api()}/${note.id}/return`, { reason: '长'.repeat(501) }), 400],
      ['comment of a wrong type', trainer.post(`${api()}/${note.id}/approve`, { comment: ['x'] }), 400],
      ['unknown status filter', trainer.get(`${api()}?status=deleted`), 400],
      ['unknown export format', trainer.get(`/api/v1/classes/${suite.seeded.classId}/completion?format=pdf`), 400],
    ];
    for (const [label, request, status] of cases) {
      const res = await request;
      expect(res.status, label).toBe(status);
      expect(res.data.error.message, label).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await countRows()).toEqual(before);
  });
});
