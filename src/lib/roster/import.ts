import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { type ScopeSubject, scopeOf } from '../org/scope.ts';
import type { Role } from '../users/users.table.ts';
import { type ApplyResult, applyRoster } from './apply.ts';
import { parseRoster } from './parse.ts';
import { planRoster, type RosterPlan } from './plan.ts';
import { sha256Hex } from './uploads.ts';

/**
 * Who may import a roster: the organization department (staff, within their scope) and admins.
 * Trainers teach; creating and moving accounts is not their job.
 */
export const ROSTER_IMPORTER_ROLES = ['staff', 'admin'] as const satisfies Role[];

/** True when the person may import rosters (for links and menus; edges still check the role). */
export function mayImportRoster(user: { role: Role }): boolean {
  return (ROSTER_IMPORTER_ROLES as readonly Role[]).includes(user.role);
}

/** The dry run of an uploaded file: the plan or every row problem. Throws RosterFileError for unreadable files. */
export async function previewRosterFile(db: Kysely<Database>, user: ScopeSubject, bytes: Uint8Array): Promise<RosterPlan> {
  return planRoster(db, scopeOf(user), await parseRoster(bytes));
}

/** Reads, checks and applies a file in one transaction (see applyRoster); nothing changes on any problem. */
export async function applyRosterFile(db: Kysely<Database>, user: ScopeSubject, bytes: Uint8Array, expectedDigest?: string): Promise<ApplyResult> {
  const rows = await parseRoster(bytes);
  return applyRoster(db, { id: user.id, scope: scopeOf(user) }, rows, { fileSha256: sha256Hex(bytes), expectedDigest });
}
