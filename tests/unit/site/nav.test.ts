import { describe, expect, test } from 'vitest';
import { isCurrent, navFor } from '../../../src/lib/site/nav.ts';

describe('navFor', () => {
  test('shows a cadre no management links', () => {
    const hrefs = navFor('cadre').map((i) => i.href);
    expect(hrefs).not.toContain('/people');
    expect(hrefs).not.toContain('/admin/users');
  });

  test('shows everyone their learning archive, and the targets to staff and admins', () => {
    for (const role of ['cadre', 'trainer', 'staff', 'admin'] as const) expect(navFor(role).map((i) => i.href)).toContain('/archive');
    expect(navFor('staff').map((i) => i.href)).toContain('/targets');
    expect(navFor('cadre').map((i) => i.href)).not.toContain('/targets');
  });

  test('shows an admin the org and user management', () => {
    expect(navFor('admin').map((i) => i.href)).toEqual(expect.arrayContaining(['/admin/org', '/admin/users', '/people']));
  });
});

describe('isCurrent', () => {
  test('marks home only on the home page and sections on their sub-pages', () => {
    expect(isCurrent('/', '/people')).toBe(false);
    expect(isCurrent('/admin/users', '/admin/users/abc')).toBe(true);
  });
});

describe('class links', () => {
  test('cadres find their classes, trainers and staff the classes they run', () => {
    expect(navFor('cadre').map((i) => i.href)).toContain('/my-classes');
    expect(navFor('cadre').map((i) => i.href)).not.toContain('/classes');
    for (const role of ['trainer', 'staff', 'admin'] as const) expect(navFor(role).map((i) => i.href)).toContain('/classes');
  });
});
