import { describe, expect, test } from 'vitest';
import { hashSessionToken } from '../../src/lib/auth/token.ts';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser, TEST_PASSWORD } from '../support/factories.ts';
import { useServer } from '../support/suite.ts';

describe.each(testDialects())('accounts and sessions on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    return {
      units,
      cadre: await makeUser(db, 'cadre', units.villageA, { login: 'li.cadre', name: '李学员' }),
      other: await makeUser(db, 'cadre', units.townA, { login: 'wang.cadre' }),
      throttled: await makeUser(db, 'cadre', units.townA, { login: 'zhao.cadre' }),
      changer: await makeUser(db, 'cadre', units.townA, { login: 'qian.cadre' }),
    };
  });

  test('logging in sets an HttpOnly SameSite cookie and /me describes the person', async () => {
    const client = suite.client();
    const res = await client.post('/api/v1/auth/login', { login: 'LI.cadre', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('jt_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = await client.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.data).toMatchObject({ login: 'li.cadre', name: '李学员', role: 'cadre', orgUnit: { id: suite.seeded.units.villageA, name: '甲镇一村' } });
    expect(Object.keys(me.data).sort()).toEqual(['id', 'login', 'name', 'orgUnit', 'position', 'role']);
  });

  test('the database keeps only the hash of the session token', async () => {
    const client = suite.client();
    await client.login('wang.cadre', TEST_PASSWORD);
    const token = client.sessionToken!;
    const rows = await suite.database.db.selectFrom('sessions').select('id').where('user_id', '=', suite.seeded.other.id).execute();
    expect(rows.map((r) => r.id)).toContain(hashSessionToken(token));
    expect(rows.map((r) => r.id)).not.toContain(token);
  });

  test('an unknown login and a wrong password get exactly the same answer', async () => {
    const unknown = await suite.client().post('/api/v1/auth/login', { login: 'nobody-here', password: 'whatever-1' });
    const wrong = await suite.client().post('/api/v1/auth/login', { login: 'wang.cadre', password: 'whatever-1' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.data).toEqual(wrong.data);
    expect(wrong.data.error.code).toBe('invalid_credentials');
  });

  test('repeated failures for one login are throttled with 429 and a retry time, even with the right password', async () => {
    const client = suite.client();
    for (let i = 0; i < 5; i++) expect((await client.post('/api/v1/auth/login', { login: 'zhao.cadre', password: 'wrong-pass' })).status).toBe(401);
    const blocked = await client.post('/api/v1/auth/login', { login: 'zhao.cadre', password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.data.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  test('logging out ends the session on the server', async () => {
    const client = suite.client();
    await client.login('wang.cadre', TEST_PASSWORD);
    const token = client.sessionToken!;
    expect((await client.post('/api/v1/auth/logout')).status).toBe(200);
    expect((await client.get('/api/v1/me')).status).toBe(401);
    const row = await suite.database.db.selectFrom('sessions').select('id').where('id', '=', hashSessionToken(token)).executeTakeFirst();
    expect(row).toBeUndefined();
  });

  test('"log out on all devices" ends the sessions on every device', async () => {
    const phone = suite.client();
    const desktop = suite.client();
    await phone.login('wang.cadre', TEST_PASSWORD);
    await desktop.login('wang.cadre', TEST_PASSWORD);
    expect((await desktop.post('/api/v1/auth/logout-all')).status).toBe(200);
    expect((await phone.get('/api/v1/me')).status).toBe(401);
    expect((await desktop.get('/api/v1/me')).status).toBe(401);
  });

  test('changing the password keeps this device, ends the others, and retires the old password', async () => {
    const here = suite.client();
    const elsewhere = suite.client();
    await here.login('qian.cadre', TEST_PASSWORD);
    await elsewhere.login('qian.cadre', TEST_PASSWORD);
    const wrongCurrent = await here.post('/api/v1/me/password', { currentPassword: 'nope-nope', newPassword: 'a-new-password' });
    expect(wrongCurrent.status).toBe(400);
    const weak = await here.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: '123' });
    expect(weak.status).toBe(400);
    expect((await here.post('/api/v1/me/password', { currentPassword: TEST_PASSWORD, newPassword: 'a-new-password' })).status).toBe(200);
    expect((await here.get('/api/v1/me')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/me')).status).toBe(401);
    expect((await suite.client().post('/api/v1/auth/login', { login: 'qian.cadre', password: TEST_PASSWORD })).status).toBe(401);
    expect((await suite.client().post('/api/v1/auth/login', { login: 'qian.cadre', password: 'a-new-password' })).status).toBe(200);
  });

  test('the login page works as a plain HTML form without JavaScript', async () => {
    const client = suite.client();
    const page = await client.get('/login');
    expect(page.text).toContain('<form method="post"');
    const wrong = await client.form('/login', { login: 'wang.cadre', password: 'bad-password' });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('账号或密码不正确');
    const ok = await client.form('/login?next=/account', { login: 'wang.cadre', password: TEST_PASSWORD });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/account');
    expect((await client.get('/account')).status).toBe(200);
  });

  test('a form post from another site is refused and logs nobody in', async () => {
    const res = await suite.client().request('POST', '/login', {
      body: new URLSearchParams({ login: 'wang.cadre', password: TEST_PASSWORD }).toString(),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('jt_session='))).toBe(false);
  });

  test('pages send a visitor without a session to the login page, keeping where they were going', async () => {
    const res = await suite.client().get('/people?q=1');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/login?next=%2Fpeople%3Fq%3D1');
  });

  // Last: it throttles the whole test client address.
  test('many failures from one address are throttled across different logins', async () => {
    const client = suite.client();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) statuses.push((await client.post('/api/v1/auth/login', { login: `ghost${i}`, password: 'wrong-pass' })).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const blocked = await client.post('/api/v1/auth/login', { login: 'li.cadre', password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
  });
});
