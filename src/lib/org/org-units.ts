import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { ConflictError, ValidationError } from '../errors.ts';
import { newId } from '../util/ids.ts';
import type { OrgUnitKind, OrgUnitsTable } from './org.table.ts';
import { requireUnitInScope, type Scope, unitsInScope } from './scope.ts';

export interface OrgUnit {
  id: string;
  parentId: string | null;
  name: string;
  kind: OrgUnitKind;
  path: string;
  depth: number;
  sortOrder: number;
}

export function toOrgUnit(row: OrgUnitsTable): OrgUnit {
  return {
    id: row.id,
    parentId: row.parent_id,
    name: row.name,
    kind: row.kind,
    path: row.path,
    depth: row.path.split('/').length - 3,
    sortOrder: row.sort_order,
  };
}

/** Units inside the scope, in tree order (each parent followed by its children). */
export async function listOrgUnits(db: Kysely<Database>, scope: Scope): Promise<OrgUnit[]> {
  const rows = await db.selectFrom('org_units').selectAll().where(unitsInScope(scope)).execute();
  return sortAsTree(rows.map(toOrgUnit));
}

/** Orders units depth-first by sort order then name; units whose parent is absent become roots. */
export function sortAsTree(units: OrgUnit[]): OrgUnit[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, OrgUnit[]>();
  for (const unit of units) {
    const key = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(key, [...(children.get(key) ?? []), unit]);
  }
  const ordered: OrgUnit[] = [];
  const visit = (parent: string | null) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    for (const unit of list) {
      ordered.push(unit);
      visit(unit.id);
    }
  };
  visit(null);
  return ordered;
}

export interface NewOrgUnit {
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  sortOrder?: number;
}

/** Creates a unit under a parent the scope covers (a root only for the whole-county scope). */
export async function createOrgUnit(db: Kysely<Database>, scope: Scope, actorId: string | null, input: NewOrgUnit, now = new Date()) {
  const id = newId();
  let path = `/${id}/`;
  if (input.parentId) {
    const parent = await requireUnitInScope(db, scope, input.parentId);
    path = `${parent.path}${id}/`;
  } else if (scope.kind !== 'all') {
    throw new ValidationError('请选择上级单位。');
  }
  await db
    .insertInto('org_units')
    .values({ id, parent_id: input.parentId, name: input.name, kind: input.kind, path, sort_order: input.sortOrder ?? 0, created_at: now.toISOString() })
    .execute();
  await recordAudit(db, { actorId, action: 'org_unit.create', targetType: 'org_unit', targetId: id, detail: { name: input.name } }, now);
  return id;
}

/** Renames a unit or changes its kind or order. */
export async function updateOrgUnit(
  db: Kysely<Database>,
  scope: Scope,
  actorId: string | null,
  unitId: string,
  patch: { name?: string; kind?: OrgUnitKind; sortOrder?: number },
) {
  await requireUnitInScope(db, scope, unitId);
  if (patch.name === undefined && patch.kind === undefined && patch.sortOrder === undefined) return;
  await db
    .updateTable('org_units')
    .set({ name: patch.name, kind: patch.kind, sort_order: patch.sortOrder })
    .where('id', '=', unitId)
    .execute();
  await recordAudit(db, { actorId, action: 'org_unit.update', targetType: 'org_unit', targetId: unitId, detail: patch });
}

/** Moves a unit (with its whole subtree) under another parent, rewriting the paths in one transaction. */
export async function moveOrgUnit(db: Kysely<Database>, scope: Scope, actorId: string | null, unitId: string, newParentId: string) {
  await db.transaction().execute(async (trx) => {
    const unit = await requireUnitInScope(trx, scope, unitId);
    const parent = await requireUnitInScope(trx, scope, newParentId);
    if (parent.path.startsWith(unit.path)) throw new ConflictError('不能把单位移到它自己或它的下级单位之下。');
    const newPath = `${parent.path}${unit.id}/`;
    await trx
      .updateTable('org_units')
      .set({ path: sql`cast(${newPath} as text) || substr(path, cast(${unit.path.length + 1} as integer))` })
      .where('path', 'like', `${unit.path}%`)
      .execute();
    await trx.updateTable('org_units').set({ parent_id: parent.id }).where('id', '=', unit.id).execute();
    await recordAudit(trx, { actorId, action: 'org_unit.move', targetType: 'org_unit', targetId: unit.id, detail: { from: unit.parent_id, to: parent.id } });
  });
}
