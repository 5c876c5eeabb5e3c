import { describe, expect, test } from 'vitest';
import { beijingYear } from '../../src/lib/hours/beijing-year.ts';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import { courseCredit } from '../support/learning-records.ts';
import { useServer } from '../support/suite.ts';

const thisYear = beijingYear(new Date());
const REASON = '参加市委党校集中培训，凭结业证书补记';

describe.each(testDialects())('staff adjustments and reversals of hours on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    const people = {
      units,
      admin: await makeUser(db, 'admin', units.county, { login: 'hc-admin' }),
      townStaff: await makeUser(db, 'staff', units.townA, { login: 'hc-town-a', name: '甲镇组织委员' }),
      otherStaff: await makeUser(db, 'staff', units.townB, { login: 'hc-town-b' }),
      trainer: await makeUser(db, 'trainer', units.county, { login: 'hc-teacher' }),
      villager: await makeUser(db, 'cadre', units.villageA, { login: 'hc-villager', name: '调整对象' }),
      second: await makeUser(db, 'cadre', units.townA, { login: 'hc-second' }),
      neighbour: await makeUser(db, 'cadre', units.townB, { login: 'hc-neighbour' }),
    };
    await courseCredit(db, people.second.id, 'fixture-short', '测试课程：短课', 5);
    await courseCredit(db, people.second.id, 'old-course', '多年前的课程', 20, new Date(Date.UTC(thisYear - 3, 5, 1)));
    return people;
  });
  const db = () => suite.database.db;
  const ledgerOf = (userId: string) => db().selectFrom('hours_ledger').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();
  const entryOf = async (userId: string, sourceTitle: string) => (await ledgerOf(userId)).find((e) => e.source_title === sourceTitle)!;
  const adjust = (body: Record<string, unknown>) => ({ cadreId: suite.seeded.villager.id, hours: 2.5, reason: REASON, ...body });

  test('township staff add an adjustment for a cadre of their township: one entry with actor and reason, shown in the cadre’s hours and audited', async () => {
    const staff = await suite.as('hc-town-a');
    const res = await staff.post('/api/v1/hours/adjustments', adjust({ countsAsRequired: true }));
    expect(res.status).toBe(201);
    const rows = await ledgerOf(suite.seeded.villager.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: res.data.entryId, kind: 'adjustment', hours_tenths: 25, reason: REASON, actor_id: suite.seeded.townStaff.id, year: thisYear, counts_as_required: 1 });

    const hours = await (await suite.as('hc-villager')).get('/api/v1/hours');
    expect(hours.data.total).toBe(2.5);
    expect(hours.data.fromRequired).toBe(2.5);
    expect(hours.data.entries[0]).toMatchObject({ kind: 'adjustment', hours: 2.5, reason: REASON, actorName: '甲镇组织委员' });
    const audit = await db().selectFrom('audit_log').selectAll().where('target_id', '=', res.data.entryId).execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'hours.adjust', actor_id: suite.seeded.townStaff.id })]);
  });

  test('the same request sent twice (a double click on a weak network) is recorded once', async () => {
    const staff = await suite.as('hc-town-a');
    const body = adjust({ cadreId: suite.seeded.neighbour.id, requestId: 'dup-request-0001' });
    const admin = await suite.as('hc-admin');
    const first = await admin.post('/api/v1/hours/adjustments', body);
    const again = await admin.post('/api/v1/hours/adjustments', body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.data.entryId).toBe(first.data.entryId);
    expect(await ledgerOf(suite.seeded.neighbour.id)).toHaveLength(1);
    expect((await staff.post('/api/v1/hours/adjustments', body)).status).toBe(404);
  });

  test('adjustments without a reason, with zero or malformed hours, outside the scope or by a trainer or cadre are refused with JSON and change nothing', async () => {
    const before = await db().selectFrom('hours_ledger').select('id').execute();
    const staff = await suite.as('hc-town-a');
    const cases: Array<[string, Awaited<ReturnType<typeof suite.as>>, Record<string, unknown>, number]> = [
      ['no reason', staff, adjust({ reason: '' }), 400],
      ['a reason of blanks', staff, adjust({ reason: '          ' }), 400],
      ['a reason too short', staff, adjust({ reason: '补记' }), 400],
      ['zero hours', staff, adjust({ hours: 0 }), 400],
      ['two decimals', staff, adjust({ hours: 1.25 }), 400],
      ['too many hours', staff, adjust({ hours: 200.1 }), 400],
      ['hours as text', staff, adjust({ hours: '2' }), 400],
      ['no hours', staff, { cadreId: suite.seeded.villager.id, reason: REASON }, 400],
      ['a closed year', staff, adjust({ year: thisYear - 2 }), 400],
      ['an unknown field', staff, adjust({ actorId: suite.seeded.admin.id }), 400],
      ['a cadre of another township', staff, adjust({ cadreId: suite.seeded.neighbour.id }), 404],
      ['an unknown person', staff, adjust({ cadreId: 'no-such-person' }), 404],
      ['their own hours', staff, adjust({ cadreId: suite.seeded.townStaff.id }), 403],
      ['a trainer', await suite.as('hc-teacher'), adjust({}), 403],
      ['a cadre', await suite.as('hc-villager'), adjust({}), 403],
      ['a cadre for themself', await suite.as('hc-villager'), adjust({ hours: 100 }), 403],
    ];
    for (const [label, client, body, status] of cases) {
      const res = await client.post('/api/v1/hours/adjustments', body);
      expect(res.status, label).toBe(status);
      expect(res.data.error.code, label).toEqual(expect.any(String));
      expect(res.data.error.message, label).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await db().selectFrom('hours_ledger').select('id').execute()).toHaveLength(before.length);
  });

  test('a reversal adds an opposite entry in the same year, keeps the original, is audited, and cannot be repeated', async () => {
    const original = await entryOf(suite.seeded.second.id, '测试课程：短课');
    const staff = await suite.as('hc-town-a');
    expect((await staff.post(`/api/v1/hours/entries/${original.id}/reversal`, { reason: '' })).status).toBe(400);
    expect((await (await suite.as('hc-teacher')).post(`/api/v1/hours/entries/${original.id}/reversal`, { reason: '重复计入，予以冲销' })).status).toBe(403);
    expect((await (await suite.as('hc-town-b')).post(`/api/v1/hours/entries/${original.id}/reversal`, { reason: '重复计入，予以冲销' })).status).toBe(404);
    expect((await staff.post('/api/v1/hours/entries/no-such-entry/reversal', { reason: '重复计入，予以冲销' })).status).toBe(404);

    const res = await staff.post(`/api/v1/hours/entries/${original.id}/reversal`, { reason: '重复计入，予以冲销' });
    expect(res.status).toBe(201);
    const rows = await ledgerOf(suite.seeded.second.id);
    const reversal = rows.find((r) => r.id === res.data.entryId)!;
    expect(reversal).toMatchObject({ hours_tenths: -5, reverses_id: original.id, year: original.year, actor_id: suite.seeded.townStaff.id, reason: '重复计入，予以冲销', counts_as_required: 1 });
    expect(rows.find((r) => r.id === original.id)).toEqual(original);
    const hours = await (await suite.as('hc-second')).get('/api/v1/hours');
    expect(hours.data.total).toBe(0);
    const audit = await db().selectFrom('audit_log').selectAll().where('target_id', '=', reversal.id).execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'hours.reverse', actor_id: suite.seeded.townStaff.id })]);

    const twice = await staff.post(`/api/v1/hours/entries/${original.id}/reversal`, { reason: '再次冲销试试看' });
    expect(twice.status).toBe(409);
    const ofReversal = await staff.post(`/api/v1/hours/entries/${reversal.id}/reversal`, { reason: '冲销冲销记录' });
    expect(ofReversal.status).toBe(409);
    expect(await ledgerOf(suite.seeded.second.id)).toHaveLength(rows.length);
  });

  test('parallel reversals of one entry write exactly one reversal', async () => {
    const admin = await suite.as('hc-admin');
    const made = await admin.post('/api/v1/hours/adjustments', adjust({ cadreId: suite.seeded.second.id, hours: -1 }));
    const results = await Promise.all(Array.from({ length: 6 }, () => admin.post(`/api/v1/hours/entries/${made.data.entryId}/reversal`, { reason: '并发冲销测试' })));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const reversals = (await ledgerOf(suite.seeded.second.id)).filter((r) => r.reverses_id === made.data.entryId);
    expect(reversals).toHaveLength(1);
  });

  test('entries of a closed year cannot be reversed', async () => {
    const old = await entryOf(suite.seeded.second.id, '多年前的课程');
    const res = await (await suite.as('hc-admin')).post(`/api/v1/hours/entries/${old.id}/reversal`, { reason: '多年前的记录有误' });
    expect(res.status).toBe(400);
    expect(res.data.error.message).toContain('已经结账');
  });

  test('the archive page’s forms work without JavaScript: Chinese errors keep what was typed, a success redirects and lists the entry', async () => {
    const staff = await suite.as('hc-town-a');
    const page = `/people/${suite.seeded.villager.id}`;
    const count = (await ledgerOf(suite.seeded.villager.id)).length;

    const noReason = await staff.form(`${page}?action=adjust`, { hours: '3', reason: '', year: String(thisYear), requestId: 'form-req-00001' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('请写明原因（至少 5 个字）');
    expect(noReason.text).toContain('value="3"');
    const badNumber = await staff.form(`${page}?action=adjust`, { hours: '三', reason: '下乡宣讲补记学时', year: String(thisYear) });
    expect(badNumber.status).toBe(400);
    expect(badNumber.text).toContain('调整学时须为数字');
    expect((await ledgerOf(suite.seeded.villager.id)).length).toBe(count);

    const ok = await staff.form(`${page}?action=adjust`, { hours: '１．５', reason: '下乡宣讲补记学时', year: String(thisYear), requestId: 'form-req-00002' });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`${page}?done=adjusted#ledger`);
    const after = await staff.get(`${page}?done=adjusted`);
    expect(after.text).toContain('学时调整已记入台账');
    expect(after.text).toContain('下乡宣讲补记学时');

    const entry = await entryOf(suite.seeded.villager.id, '学时调整');
    const short = await staff.form(`${page}?action=reverse&entry=${entry.id}`, { reason: '错' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('请写明原因');
    const reversed = await staff.form(`${page}?action=reverse&entry=${entry.id}`, { reason: '与上级调训记录重复' });
    expect(reversed.status).toBe(303);
    expect((await staff.get(`${page}?done=reversed`)).text).toContain('冲销：学时调整');

    const trainerPage = await (await suite.as('hc-teacher')).get(page);
    expect(trainerPage.status).toBe(200);
    expect(trainerPage.text).not.toContain('记入台账</button>');
    expect(trainerPage.text).not.toContain('冲销此条');
    const trainerPost = await (await suite.as('hc-teacher')).form(`${page}?action=adjust`, { hours: '3', reason: '教师不能调整学时', year: String(thisYear) });
    expect(trainerPost.status).toBe(403);
    expect(trainerPost.text).toContain('只有组织部门人员和管理员');
  });
});
