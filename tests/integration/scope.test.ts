import { describe, expect, test } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser, TEST_PASSWORD } from '../support/factories.ts';
import { useServer } from '../support/suite.ts';

describe.each(testDialects())('roles and org-unit scope on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    return {
      units,
      admin: await makeUser(db, 'admin', units.county, { login: 'boss' }),
      townStaff: await makeUser(db, 'staff', units.townA, { login: 'town-a-staff' }),
      trainer: await makeUser(db, 'trainer', units.townB, { login: 'teacher', scopeUnitId: units.county }),
      villager: await makeUser(db, 'cadre', units.villageA, { login: 'villager', name: '甲村干部' }),
      neighbour: await makeUser(db, 'cadre', units.townB, { login: 'neighbour', name: '乙乡干部' }),
      leaver: await makeUser(db, 'cadre', units.townA, { login: 'leaver' }),
    };
  });
  const as = (login: string) => suite.as(login);

  test('township staff see the people of their township and its villages, and no one else', async () => {
    const staff = await as('town-a-staff');
    const res = await staff.get('/api/v1/users?pageSize=200');
    expect(res.status).toBe(200);
    const logins = res.data.people.map((p: { login: string }) => p.login);
    expect(logins).toContain('villager');
    expect(logins).not.toContain('neighbour');
    expect(logins).not.toContain('boss');
    expect(res.data.total).toBe(logins.length);
  });

  test('township staff cannot reach another township by id, by unit filter or through the people page', async () => {
    const staff = await as('town-a-staff');
    expect((await staff.get(`/api/v1/users/${suite.seeded.neighbour.id}`)).status).toBe(404);
    expect((await staff.get(`/api/v1/users?orgUnit=${suite.seeded.units.townB}`)).status).toBe(404);
    expect((await staff.get(`/api/v1/users?orgUnit=${suite.seeded.units.county}`)).status).toBe(404);
    const page = await staff.get(`/people?orgUnit=${suite.seeded.units.townB}`);
    expect(page.text).not.toContain('乙乡干部');
    expect((await staff.get('/people')).text).toContain('甲村干部');
  });

  test('a trainer whose scope is the county sees every township', async () => {
    const trainer = await as('teacher');
    const logins = (await trainer.get('/api/v1/users?pageSize=200')).data.people.map((p: { login: string }) => p.login);
    expect(logins).toEqual(expect.arrayContaining(['villager', 'neighbour']));
  });

  test('a cadre sees their own record only and no lists', async () => {
    const cadre = await as('villager');
    expect((await cadre.get('/api/v1/users')).status).toBe(403);
    expect((await cadre.get('/api/v1/org-units')).status).toBe(403);
    expect((await cadre.get(`/api/v1/users/${suite.seeded.villager.id}`)).status).toBe(200);
    expect((await cadre.get(`/api/v1/users/${suite.seeded.neighbour.id}`)).status).toBe(404);
    expect((await cadre.get('/people')).status).toBe(403);
    expect((await cadre.get('/admin/users')).status).toBe(403);
  });

  test('only an admin manages accounts and units', async () => {
    const staff = await as('town-a-staff');
    const body = { login: 'new.one', name: '新人', password: 'long-enough-1', role: 'cadre', orgUnitId: suite.seeded.units.townA };
    expect((await staff.post('/api/v1/users', body)).status).toBe(403);
    expect((await staff.patch(`/api/v1/users/${suite.seeded.villager.id}`, { role: 'admin' })).status).toBe(403);
    expect((await staff.post('/api/v1/org-units', { name: 'x', kind: 'village', parentId: suite.seeded.units.townA })).status).toBe(403);
    expect((await staff.get('/admin/org')).status).toBe(403);

    const admin = await as('boss');
    const created = await admin.post('/api/v1/users', body);
    expect(created.status).toBe(201);
    expect((await admin.post('/api/v1/users', body)).status).toBe(409);
    expect((await suite.client().post('/api/v1/auth/login', { login: 'new.one', password: 'long-enough-1' })).status).toBe(200);
  });

  test('moving a unit carries its people into the new parent’s scope', async () => {
    const admin = await as('boss');
    const village = await admin.post('/api/v1/org-units', { name: '乙乡新村', kind: 'village', parentId: suite.seeded.units.townA });
    expect(village.status).toBe(201);
    const person = await admin.post('/api/v1/users', { login: 'mover', name: '迁移者', password: 'long-enough-1', role: 'cadre', orgUnitId: village.data.id });
    expect(person.status).toBe(201);
    const staff = await as('town-a-staff');
    expect((await staff.get(`/api/v1/users/${person.data.id}`)).status).toBe(200);

    expect((await admin.patch(`/api/v1/org-units/${village.data.id}`, { parentId: suite.seeded.units.townB })).status).toBe(200);
    expect((await staff.get(`/api/v1/users/${person.data.id}`)).status).toBe(404);
    const cycle = await admin.patch(`/api/v1/org-units/${suite.seeded.units.townA}`, { parentId: suite.seeded.units.villageA });
    expect(cycle.status).toBe(409);
  });

  test('deactivating a person ends their sessions at once and they cannot log in again', async () => {
    const leaver = await as('leaver');
    expect((await leaver.get('/api/v1/me')).status).toBe(200);
    const admin = await as('boss');
    expect((await admin.patch(`/api/v1/users/${suite.seeded.leaver.id}`, { active: false })).status).toBe(200);
    expect((await leaver.get('/api/v1/me')).status).toBe(401);
    const again = await suite.client().post('/api/v1/auth/login', { login: 'leaver', password: TEST_PASSWORD });
    expect(again.status).toBe(401);
    expect(again.data.error.message).toBe('账号或密码不正确。');
  });

  test('an admin cannot lock themself out', async () => {
    const admin = await as('boss');
    expect((await admin.patch(`/api/v1/users/${suite.seeded.admin.id}`, { active: false })).status).toBe(400);
  });

  test('a password reset by the admin ends the person’s sessions', async () => {
    const villager = await as('villager');
    const admin = await as('boss');
    expect((await admin.post(`/api/v1/users/${suite.seeded.villager.id}/password`, { password: 'reset-pass-9' })).status).toBe(200);
    expect((await villager.get('/api/v1/me')).status).toBe(401);
    expect((await suite.client().post('/api/v1/auth/login', { login: 'villager', password: 'reset-pass-9' })).status).toBe(200);
  });
});
