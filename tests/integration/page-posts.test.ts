import { describe, expect, test } from 'vitest';
import { testDialects } from '../support/dialects.ts';
import { makeCounty, makeUser } from '../support/factories.ts';
import { useServer } from '../support/suite.ts';

// A form posted to a page about something missing or out of scope gets the 404 page, never a 500:
// the page has read the body by then, and the not-found rewrite must not need it.
describe.each(testDialects())('forms posted to pages of things out of reach on %s', (dialect) => {
  const suite = useServer(dialect, async ({ db }) => {
    const units = await makeCounty(db);
    await makeUser(db, 'staff', units.townA, { login: 'town-a-staff', scopeUnitId: units.townA });
    await makeUser(db, 'admin', units.county, { login: 'the-admin' });
    const outsider = await makeUser(db, 'cadre', units.townB, { login: 'outsider' });
    return { outsider: outsider.id };
  });

  test('staff posting to another township’s cadre, or to ids that do not exist, see the 404 page', async () => {
    const staff = await suite.as('town-a-staff');
    const form = { hours: '5', reason: '补记线下培训学时', year: '2026' };
    for (const path of [`/people/${suite.seeded.outsider}?action=adjust`, '/people/no-such-person?action=adjust', '/people/no-such-person?action=reverse&entry=x', '/classes/no-such-class/completion', '/classes/no-such-class/notes/week-1-1', '/classes/no-such-class/notes/review/no-note', '/courses/no-such-course/quiz?action=start', '/authoring/no-such-course?action=course', '/authoring/no-such-course?action=submit', '/authoring/no-such-course/lessons/lesson-1', '/authoring/no-such-course/quiz', '/authoring/no-such-course/review?action=review', '/authoring/no-such-course/review?action=rollback']) {
      const res = await staff.form(path, form);
      expect(res.status, path).toBe(404);
      expect(res.text, path).toContain('页面不存在');
    }
    const admin = await suite.as('the-admin');
    for (const path of ['/admin/users/no-such-user', '/admin/org/no-such-unit']) {
      expect((await admin.form(path, { name: '张三' })).status, path).toBe(404);
    }
  });
});
