import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { classAttendance, type MemberAttendance } from './attendance-stats.ts';

/** A roster row as the trainer's class page shows it. */
export interface RosterMember {
  userId: string;
  name: string;
  login: string;
  orgUnitName: string;
  position: string;
  /** How they joined: 'unit' | 'position' | 'single' | 'import'. */
  source: string;
  attendance: MemberAttendance;
}

/** The roster of a class (or only the given person's row), by unit then name, with attendance and leave share. */
export async function listRoster(db: Kysely<Database>, classId: string, onlyUserId?: string): Promise<RosterMember[]> {
  let query = db
    .selectFrom('class_members')
    .innerJoin('users', 'users.id', 'class_members.user_id')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(['users.id', 'users.name', 'users.login', 'users.position', 'org_units.name as unit_name', 'class_members.source'])
    .where('class_members.class_id', '=', classId);
  if (onlyUserId) query = query.where('users.id', '=', onlyUserId);
  const rows = await query.orderBy('org_units.path').orderBy('users.login').execute();
  const { byUser } = await classAttendance(db, classId, rows.map((r) => r.id));
  return rows.map((r) => ({
    userId: r.id,
    name: r.name,
    login: r.login,
    orgUnitName: r.unit_name,
    position: r.position,
    source: r.source,
    attendance: byUser.get(r.id)!,
  }));
}
