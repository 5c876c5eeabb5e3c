import { describe, expect, test } from 'vitest';
import { scopeCoversPerson, scopeCoversUnit, scopeOf } from '../../../src/lib/org/scope.ts';

const county = '/c/';
const zhihe = '/c/zh/';
const village = '/c/zh/v1/';
const sangbi = '/c/sb/';

describe('scopeOf', () => {
  test('gives an admin the whole county', () => {
    expect(scopeOf({ id: 'a', role: 'admin', scopePath: zhihe })).toEqual({ kind: 'all' });
  });

  test('gives staff and trainers the subtree they manage', () => {
    expect(scopeOf({ id: 's', role: 'staff', scopePath: zhihe })).toEqual({ kind: 'subtree', orgUnitPath: zhihe });
    expect(scopeOf({ id: 't', role: 'trainer', scopePath: county })).toEqual({ kind: 'subtree', orgUnitPath: county });
  });

  test('limits a cadre to their own record', () => {
    expect(scopeOf({ id: 'me', role: 'cadre', scopePath: county })).toEqual({ kind: 'self', userId: 'me' });
  });
});

describe('scopeCoversUnit', () => {
  const township = scopeOf({ id: 's', role: 'staff', scopePath: zhihe });

  test('covers the township and the villages under it', () => {
    expect(scopeCoversUnit(township, zhihe)).toBe(true);
    expect(scopeCoversUnit(township, village)).toBe(true);
  });

  test('does not cover a neighbouring township or the county above', () => {
    expect(scopeCoversUnit(township, sangbi)).toBe(false);
    expect(scopeCoversUnit(township, county)).toBe(false);
  });

  test('does not confuse a unit whose id merely starts with the same letters', () => {
    expect(scopeCoversUnit({ kind: 'subtree', orgUnitPath: '/c/zh/' }, '/c/zhx/')).toBe(false);
  });
});

describe('scopeCoversPerson', () => {
  test('lets a cadre see only themself', () => {
    const self = scopeOf({ id: 'me', role: 'cadre', scopePath: zhihe });
    expect(scopeCoversPerson(self, { id: 'me', orgUnitPath: zhihe })).toBe(true);
    expect(scopeCoversPerson(self, { id: 'other', orgUnitPath: zhihe })).toBe(false);
  });

  test('lets township staff see people of their township only', () => {
    const staff = scopeOf({ id: 's', role: 'staff', scopePath: zhihe });
    expect(scopeCoversPerson(staff, { id: 'x', orgUnitPath: village })).toBe(true);
    expect(scopeCoversPerson(staff, { id: 'y', orgUnitPath: sangbi })).toBe(false);
  });
});
