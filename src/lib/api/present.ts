import type { CurrentUser } from '../auth/session.ts';
import type { OrgUnit } from '../org/org-units.ts';
import type { Person } from '../users/users.ts';

/** The `/me` shape. */
export function presentMe(user: CurrentUser) {
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    role: user.role,
    position: user.position,
    orgUnit: { id: user.orgUnitId, name: user.orgUnitName },
  };
}

/** A person without internal fields (the unit path stays on the server). */
export function presentPerson(person: Person) {
  const { orgUnitPath: _path, ...rest } = person;
  return rest;
}

export function presentOrgUnit(unit: OrgUnit) {
  const { path: _path, ...rest } = unit;
  return rest;
}
