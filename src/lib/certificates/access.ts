import { scopeCoversPerson, scopeOf, type ScopeSubject } from '../org/scope.ts';
import type { IssuedRow } from './documents.ts';

/** The holder, and staff, trainers and admins whose scope covers the holder, may open the full document. */
export function canViewDocument(viewer: ScopeSubject, row: Pick<IssuedRow, 'user_id' | 'unit_path'>): boolean {
  return viewer.id === row.user_id || scopeCoversPerson(scopeOf(viewer), { id: row.user_id, orgUnitPath: row.unit_path });
}
