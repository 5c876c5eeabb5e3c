import { describe, expect, test } from 'vitest';
import { pageAccess, safeNextPath } from '../../../src/lib/auth/page-access.ts';

describe('pageAccess', () => {
  test('sends visitors without a session to the login page', () => {
    expect(pageAccess('/', null)).toBe('login');
    expect(pageAccess('/admin/users', null)).toBe('login');
  });

  test('lets anyone open the login page', () => {
    expect(pageAccess('/login', null)).toBe('allow');
  });

  test('keeps admin pages for admins', () => {
    expect(pageAccess('/admin/org', 'admin')).toBe('allow');
    expect(pageAccess('/admin/org', 'staff')).toBe('forbidden');
    expect(pageAccess('/admin', 'cadre')).toBe('forbidden');
  });

  test('shows the people list to staff and trainers but not cadres', () => {
    expect(pageAccess('/people', 'staff')).toBe('allow');
    expect(pageAccess('/people', 'trainer')).toBe('allow');
    expect(pageAccess('/people', 'cadre')).toBe('forbidden');
  });

  test('keeps the roster import for staff and admins, not trainers', () => {
    expect(pageAccess('/people/import', 'staff')).toBe('allow');
    expect(pageAccess('/people/import', 'admin')).toBe('allow');
    expect(pageAccess('/people/import', 'trainer')).toBe('forbidden');
    expect(pageAccess('/people/import', 'cadre')).toBe('forbidden');
  });

  test('keeps class management for trainers, staff and admins; check-in and a cadre’s own classes need only a session', () => {
    expect(pageAccess('/classes', 'trainer')).toBe('allow');
    expect(pageAccess('/classes/abc/sessions/def/projector', 'staff')).toBe('allow');
    expect(pageAccess('/classes/abc', 'cadre')).toBe('forbidden');
    expect(pageAccess('/classes/abc/sessions/def/projector', 'cadre')).toBe('forbidden');
    // A member's reading notes and completion checklist (the pages check membership).
    expect(pageAccess('/classes/abc/notes', 'cadre')).toBe('allow');
    expect(pageAccess('/classes/abc/notes/week-1-1', 'cadre')).toBe('allow');
    expect(pageAccess('/classes/abc/completion', 'cadre')).toBe('allow');
    expect(pageAccess('/classes/abc/notesx', 'cadre')).toBe('forbidden');
    expect(pageAccess('/my-classes', 'cadre')).toBe('allow');
    expect(pageAccess('/checkin/abc', 'cadre')).toBe('allow');
    expect(pageAccess('/checkin/abc', null)).toBe('login');
  });

  test('opens a cadre’s archive and the targets to staff, trainers and admins, and a cadre’s own archive to everyone', () => {
    expect(pageAccess('/people/abc', 'staff')).toBe('allow');
    expect(pageAccess('/people/abc', 'cadre')).toBe('forbidden');
    expect(pageAccess('/targets', 'trainer')).toBe('allow');
    expect(pageAccess('/targets', 'cadre')).toBe('forbidden');
    expect(pageAccess('/archive', 'cadre')).toBe('allow');
  });

  test('does not treat a longer path as the same section', () => {
    expect(pageAccess('/administration', 'cadre')).toBe('allow');
  });
});

describe('safeNextPath', () => {
  test('follows same-site paths only', () => {
    expect(safeNextPath('/people?q=1')).toBe('/people?q=1');
    expect(safeNextPath('https://evil.example/')).toBe('/');
    expect(safeNextPath('//evil.example/')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});
