import { describe, expect, test } from 'vitest';
import { FIRST_READING, makeClass } from '../support/class-records.ts';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import type { TestClient } from '../support/http-client.ts';
import { NOTE_A, NOTE_A_LIGHTLY_EDITED, NOTE_B } from '../support/note-samples.ts';
import { useServer } from '../support/suite.ts';

const RETURN_REASON = '请联系本村实际，谈谈准备怎样落实。';

describe.each(testDialects())('reading notes: drafts, submission and review on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    const trainer = await makeUser(db, 'trainer', units.townA, { login: 'rn-trainer', name: '党校刘老师', scopeUnitId: units.townA });
    await makeUser(db, 'staff', units.townA, { login: 'rn-staff', name: '甲镇组织委员', scopeUnitId: units.townA });
    const readers = [
      await makeUser(db, 'cadre', units.villageA, { login: 'rn-li', name: '李读书' }),
      await makeUser(db, 'cadre', units.villageA, { login: 'rn-wang', name: '王学习' }),
      await makeUser(db, 'cadre', units.townA, { login: 'rn-zhao', name: '赵笔记' }),
      await makeUser(db, 'cadre', units.townA, { login: 'rn-sun', name: '孙草稿' }),
    ];
    const classId = await makeClass(db, { trainerId: trainer.id, orgUnitId: units.townA, noteMinChars: 50, readingHoursTenths: 10 }, readers.map((r) => r.id));
    return { classId, trainer, readers };
  });
  const db = () => suite.database.db;
  const base = () => `/api/v1/classes/${suite.seeded.classId}/notes`;
  const put = (client: TestClient, key: string, body: string, baseUpdatedAt: string | null) => client.request('PUT', `${base()}/mine/${key}`, { json: { body, baseUpdatedAt } });
  const submit = (client: TestClient, key: string, body: string, baseUpdatedAt: string | null) => client.post(`${base()}/mine/${key}/submit`, { body, baseUpdatedAt });
  const noteOf = (userId: string, key: string) => db().selectFrom('reading_notes').selectAll().where('user_id', '=', userId).where('reading_key', '=', key).executeTakeFirstOrThrow();

  test('a cadre saves a draft and reads it back; a save based on an older version is refused with the newer one', async () => {
    const cadre = await suite.as('rn-sun');
    const mine = await cadre.get(`${base()}/mine`);
    expect(mine.status).toBe(200);
    expect(mine.data.readings.map((r: { key: string }) => r.key)).toEqual(['week-1-1', 'week-2-1', 'week-3-1', 'week-4-1', 'week-5-1', 'week-6-1']);
    expect(mine.data.readings[0].note).toBeNull();
    expect(mine.data.class).toMatchObject({ minChars: 50, readingHours: 1, status: 'open' });

    const first = await put(cadre, FIRST_READING, '初稿：先写提纲。', null);
    expect(first.status).toBe(200);
    expect(first.data).toMatchObject({ status: 'draft', body: '初稿：先写提纲。', chars: 8 });
    const second = await put(cadre, FIRST_READING, '第二稿：\r\n分两段写。', first.data.updatedAt);
    expect(second.status).toBe(200);
    expect(second.data.body).toBe('第二稿：\n分两段写。');
    expect(second.data.updatedAt > first.data.updatedAt).toBe(true);

    // Another device still holds the first version: its save must not overwrite the second.
    const stale = await put(cadre, FIRST_READING, '旧设备上的稿子', first.data.updatedAt);
    expect(stale.status).toBe(409);
    expect(stale.data.error.details.current).toMatchObject({ body: '第二稿：\n分两段写。', updatedAt: second.data.updatedAt });
    expect((await noteOf(suite.seeded.readers[3]!.id, FIRST_READING)).body).toBe('第二稿：\n分两段写。');

    const restored = await cadre.get(`${base()}/mine`);
    expect(restored.data.readings[0].note).toMatchObject({ status: 'draft', body: '第二稿：\n分两段写。' });
    const page = await cadre.get(`/classes/${suite.seeded.classId}/notes/${FIRST_READING}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<textarea[^>]*name="body"[^>]*>第二稿：\n分两段写。<\/textarea>/);
    expect(page.text).toContain(`value="${second.data.updatedAt}"`);
  });

  test('submission needs the class minimum counted after trimming, and says how many characters are missing', async () => {
    const cadre = await suite.as('rn-sun');
    const short = await submit(cadre, 'week-2-1', `   ${'读'.repeat(30)}   \n\n`, null);
    expect(short.status).toBe(400);
    expect(short.data.error.message).toBe('心得至少需要 50 字（不含首尾空白），现在 30 字，还差 20 字。');
    const none = await db().selectFrom('reading_notes').select('id').where('user_id', '=', suite.seeded.readers[3]!.id).where('reading_key', '=', 'week-2-1').execute();
    expect(none).toEqual([]);

    const form = await cadre.form(`/classes/${suite.seeded.classId}/notes/week-2-1`, { body: '太短了', baseUpdatedAt: '', intent: 'submit' });
    expect(form.status).toBe(400);
    expect(form.text).toContain('还差 47 字');
    expect(form.text).toContain('>太短了</textarea>');

    const saved = await cadre.form(`/classes/${suite.seeded.classId}/notes/week-2-1`, { body: '先存一个草稿', baseUpdatedAt: '', intent: 'save' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/classes/${suite.seeded.classId}/notes/week-2-1?done=saved`);
  });

  test('review: a return needs a reason; the cadre revises and resubmits; approval credits the hours once however many approve at the same moment', async () => {
    const [li] = suite.seeded.readers;
    const cadre = await suite.as('rn-li');
    const trainer = await suite.as('rn-trainer');
    const staff = await suite.as('rn-staff');
    const submitted = await submit(cadre, FIRST_READING, NOTE_A, null);
    expect(submitted.status).toBe(200);
    expect(submitted.data.status).toBe('submitted');
    const noteId = submitted.data.id;
    expect((await put(cadre, FIRST_READING, '想再改一下', submitted.data.updatedAt)).status).toBe(409);

    const pending = await trainer.get(`${base()}?status=submitted`);
    expect(pending.data.notes.map((n: { id: string }) => n.id)).toContain(noteId);
    for (const reason of ['', '   ', '改']) {
      const refused = await trainer.post(`${base()}/${noteId}/return`, { reason });
      expect(refused.status, JSON.stringify(reason)).toBe(400);
      expect(refused.data.error.message).toContain('退回必须写明原因');
    }
    const returned = await trainer.post(`${base()}/${noteId}/return`, { reason: RETURN_REASON });
    expect(returned.status).toBe(200);
    expect(returned.data.note).toMatchObject({ status: 'returned', reviewComment: RETURN_REASON, reviewerName: '党校刘老师' });
    expect((await trainer.post(`${base()}/${noteId}/approve`, {})).status).toBe(409);

    const seen = await cadre.get(`/classes/${suite.seeded.classId}/notes/${FIRST_READING}`);
    expect(seen.text).toContain('已退回，待修改');
    expect(seen.text).toContain(RETURN_REASON);
    const revision = `${NOTE_A}\n村里准备先办好红枣加工厂的用电问题，我负责跑供电所。`;
    const revised = await put(cadre, FIRST_READING, revision, returned.data.note.updatedAt);
    expect(revised.data.status).toBe('returned');
    const resubmitted = await submit(cadre, FIRST_READING, revision, revised.data.updatedAt);
    expect(resubmitted.data.status).toBe('submitted');

    const attempts = await Promise.all([trainer, staff, trainer, staff, trainer].map((c, i) => c.post(`${base()}/${noteId}/approve`, { comment: `联系实际，写得好（${i}）` })));
    const statuses = attempts.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409, 409, 409]);
    const winner = attempts.find((a) => a.status === 200)!;
    expect(winner.data).toMatchObject({ creditedHours: 1, note: { status: 'approved' } });
    const ledger = await db().selectFrom('hours_ledger').selectAll().where('user_id', '=', li!.id).execute();
    expect(ledger).toHaveLength(1);
    expect(ledger[0]).toMatchObject({ kind: 'reading', source: `reading:${noteId}`, hours_tenths: 10 });
    expect(ledger[0]!.source_title).toContain('《习近平新时代中国特色社会主义思想学习纲要（2023年版）》');

    const hours = await cadre.get('/api/v1/hours');
    expect(hours.data.entries).toEqual([expect.objectContaining({ kind: 'reading', hours: 1 })]);

    // Approved is final: no more edits, submissions or decisions.
    expect((await put(cadre, FIRST_READING, '再改', winner.data.note.updatedAt)).status).toBe(409);
    expect((await submit(cadre, FIRST_READING, revision, winner.data.note.updatedAt)).status).toBe(409);
    expect((await trainer.post(`${base()}/${noteId}/return`, { reason: RETURN_REASON })).status).toBe(409);
    const page = await cadre.get(`/classes/${suite.seeded.classId}/notes/${FIRST_READING}`);
    expect(page.text).toContain('已通过');
    expect(page.text).not.toContain('<textarea');

    const audit = await db().selectFrom('audit_log').select(['action', 'actor_id', 'detail']).where('target_id', '=', noteId).orderBy('created_at').execute();
    expect(audit.map((a) => a.action)).toEqual(['reading_note.submit', 'reading_note.return', 'reading_note.submit', 'reading_note.approve']);
    expect(JSON.parse(audit[1]!.detail)).toMatchObject({ reason: RETURN_REASON });
    expect(audit[1]!.actor_id).toBe(suite.seeded.trainer.id);

    const archive = await cadre.get(`/api/v1/cadres/${li!.id}/archive`);
    const inArchive = archive.data.readingNotes.find((n: { noteId: string }) => n.noteId === noteId);
    expect(inArchive).toMatchObject({ status: 'approved', classTitle: '测试读书班' });
    expect(inArchive.history.map((e: { action: string }) => e.action)).toEqual(['submit', 'return', 'submit', 'approve']);
    expect(inArchive.history[1]).toMatchObject({ actorName: '党校刘老师', text: RETURN_REASON });
    const archivePage = await staff.get(`/people/${li!.id}`);
    expect(archivePage.text).toContain('读书心得');
    expect(archivePage.text).toContain(RETURN_REASON);
  });

  test('a near-identical copy of a classmate’s note is flagged to the reviewer, an independent note is not, and the author never sees it', async () => {
    const li = suite.seeded.readers[0]!;
    const original = await noteOf(li.id, FIRST_READING);
    const wang = await suite.as('rn-wang');
    const independent = await submit(wang, 'week-6-1', NOTE_B, null);
    expect(independent.status).toBe(200);
    expect(independent.data).not.toHaveProperty('similarity');
    const zhao = await suite.as('rn-zhao');
    const copied = await submit(zhao, FIRST_READING, NOTE_A_LIGHTLY_EDITED, null);
    expect(copied.status).toBe(200);

    const trainer = await suite.as('rn-trainer');
    const list = (await trainer.get(`${base()}?status=submitted`)).data.notes;
    const flagged = list.find((n: { id: string }) => n.id === copied.data.id);
    expect(flagged.similarity).toMatchObject({ noteId: original.id, authorName: '李读书', flagged: true });
    expect(flagged.similarity.score).toBeGreaterThanOrEqual(0.8);
    const clean = list.find((n: { id: string }) => n.id === independent.data.id);
    expect(clean.similarity.flagged).toBe(false);
    expect(clean.similarity.score).toBeLessThan(0.2);

    const page = await trainer.get(`/classes/${suite.seeded.classId}/notes/review`);
    expect(page.text).toContain('高度相似：与李读书的心得');
    const detail = await trainer.get(`/classes/${suite.seeded.classId}/notes/review/${copied.data.id}`);
    expect(detail.text).toContain(`/notes/review/${original.id}`);
    const own = await zhao.get(`${base()}/mine`);
    expect(JSON.stringify(own.data)).not.toContain('李读书');
  });

  test('the trainer reviews without JavaScript: the forms approve with a comment or return with a reason', async () => {
    const wangNote = await noteOf(suite.seeded.readers[1]!.id, 'week-6-1');
    const trainer = await suite.as('rn-trainer');
    const path = `/classes/${suite.seeded.classId}/notes/review/${wangNote.id}`;
    const missing = await trainer.form(path, { decision: 'return', reason: '' });
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('退回必须写明原因');
    const approved = await trainer.form(path, { decision: 'approve', comment: '结合分管工作，很实在。' });
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe(`${path}?done=approved`);
    const after = await trainer.get(`${path}?done=approved`);
    expect(after.text).toContain('结合分管工作，很实在。');
    expect((await noteOf(suite.seeded.readers[1]!.id, 'week-6-1')).status).toBe('approved');
  });
});
