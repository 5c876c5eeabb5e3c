import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { sortAsTree, toOrgUnit } from '../org/org-units.ts';
import { ORG_UNIT_KIND_LABELS, type OrgUnitKind } from '../org/org.table.ts';
import { type Scope, scopeCoversUnit } from '../org/scope.ts';
import { compactText } from './cell-text.ts';

/** A unit as a roster names it: by its name, or by a path of names when names repeat (芝河镇/桑峨村). */
export interface DirectoryUnit {
  id: string;
  name: string;
  kindLabel: string;
  path: string;
  /** Names from the root down to the unit itself. */
  chain: string[];
  inScope: boolean;
  /** The shortest name or path that picks this unit alone among the importer's units. */
  label: string;
}

export type UnitLookup = { ok: true; unit: DirectoryUnit } | { ok: false; message: string };

export interface UnitDirectory {
  /** The importer's units in tree order (for the template's list). */
  inScope: DirectoryUnit[];
  /** Finds the unit a roster cell names. */
  resolve(text: string): UnitLookup;
  /** The unit's names from the root down, joined by slashes (for showing where someone is now). */
  pathName(unitId: string): string;
}

const MAX_CANDIDATES_SHOWN = 5;

function segmentsOf(text: string): string[] {
  return text.split('/').map(compactText).filter(Boolean);
}

function endsWith(chain: string[], segments: string[]): boolean {
  if (segments.length > chain.length) return false;
  const offset = chain.length - segments.length;
  return segments.every((s, i) => s === chain[offset + i]);
}

/**
 * Every unit, marked in or out of the importer's scope: a name that exists only elsewhere is
 * "not in your scope", a name that exists nowhere is "not found" (unit names are not secret).
 */
export async function loadUnitDirectory(db: Kysely<Database>, scope: Scope): Promise<UnitDirectory> {
  const units = sortAsTree((await db.selectFrom('org_units').selectAll().execute()).map(toOrgUnit));
  const nameById = new Map(units.map((u) => [u.id, u.name]));
  const all: DirectoryUnit[] = units.map((u) => {
    const chain = u.path.split('/').filter(Boolean).map((id) => nameById.get(id) ?? '');
    return { id: u.id, name: u.name, kindLabel: ORG_UNIT_KIND_LABELS[u.kind as OrgUnitKind] ?? u.kind, path: u.path, chain, inScope: scopeCoversUnit(scope, u.path), label: u.name };
  });
  const compactChains = new Map(all.map((u) => [u.id, u.chain.map(compactText)]));
  const inScope = all.filter((u) => u.inScope);

  const suffixCounts = new Map<string, number>();
  for (const unit of inScope) {
    const chain = compactChains.get(unit.id)!;
    for (let k = 1; k <= chain.length; k++) {
      const key = chain.slice(-k).join('/');
      suffixCounts.set(key, (suffixCounts.get(key) ?? 0) + 1);
    }
  }
  for (const unit of inScope) {
    const chain = compactChains.get(unit.id)!;
    const k = chain.findIndex((_, i) => suffixCounts.get(chain.slice(-(i + 1)).join('/')) === 1);
    unit.label = unit.chain.slice(-(k < 0 ? chain.length : k + 1)).join('/');
  }

  const byId = new Map(all.map((u) => [u.id, u]));
  // Units by their own (compacted) name, so a lookup scans only the units that can match.
  const byName = new Map<string, DirectoryUnit[]>();
  for (const unit of all) {
    const name = compactChains.get(unit.id)!.at(-1)!;
    byName.set(name, [...(byName.get(name) ?? []), unit]);
  }
  return {
    inScope,
    pathName: (unitId) => byId.get(unitId)?.chain.join('/') ?? '',
    resolve(text) {
      const matching = (segments: string[]) => (byName.get(segments.at(-1) ?? '') ?? []).filter((u) => endsWith(compactChains.get(u.id)!, segments));
      let matches = matching(segmentsOf(text));
      // A unit whose own name holds a slash (党政办/综治办) is still found by its whole name.
      if (matches.length === 0 && text.includes('/')) matches = matching([compactText(text)]);
      const mine = matches.filter((u) => u.inScope);
      if (mine.length === 1) return { ok: true, unit: mine[0]! };
      if (mine.length > 1) {
        const shown = mine.slice(0, MAX_CANDIDATES_SHOWN).map((u) => `“${u.chain.join('/')}”`).join('、');
        const more = mine.length > MAX_CANDIDATES_SHOWN ? ` 等 ${mine.length} 个` : '';
        return { ok: false, message: `有多个单位叫“${text}”：${shown}${more}。请写上上级单位，如“${mine[0]!.label}”。` };
      }
      if (matches.length > 0) return { ok: false, message: `单位“${text}”不在您的管理范围内。` };
      return { ok: false, message: `找不到单位“${text}”。请从模板的“单位名单”表中复制单位名称。` };
    },
  };
}
