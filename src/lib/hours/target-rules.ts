import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { recordAudit } from '../audit/audit.ts';
import { ForbiddenError, NotFoundError, ValidationError } from '../errors.ts';
import { requireUnitInScope, type ScopeSubject, scopeCoversUnit, scopeOf } from '../org/scope.ts';
import { newId } from '../util/ids.ts';
import { hoursToTenths } from './hours-input.ts';
import type { TargetKind } from './hours.table.ts';
import { requireTargetYear } from './open-years.ts';

/** A yearly target above this many 学时 is surely a typo. */
export const MAX_TARGET_HOURS = 500;

export interface TargetRule {
  id: string;
  year: number;
  appliesTo: TargetKind;
  /** '' for the default, the position name, or the org unit id. */
  matchValue: string;
  /** What people read: 全县, the position, or the unit's name. */
  matchLabel: string;
  totalTenths: number;
  requiredTenths: number;
  updatedAt: string;
}

/**
 * Targets are county policy: admins set them, and so do staff whose scope is a root unit
 * (the county organisation department); a township officer only reads them.
 */
export function mayEditTargets(actor: ScopeSubject): boolean {
  if (actor.role === 'admin') return true;
  return actor.role === 'staff' && actor.scopePath.split('/').filter(Boolean).length === 1;
}

function requireTargetEditor(actor: ScopeSubject): void {
  if (!mayEditTargets(actor)) throw new ForbiddenError('只有管理员和县委组织部（全县范围）的工作人员可以设定学时目标。');
}

const KIND_ORDER: Record<TargetKind, number> = { default: 0, position: 1, org_unit: 2 };

/** Target rows with the unit an org-unit rule names (null columns for other rules or a unit that is gone). */
function rulesWithUnit(db: Kysely<Database>) {
  return db
    .selectFrom('hours_targets')
    .leftJoin('org_units', (join) => join.onRef('org_units.id', '=', 'hours_targets.match_value').on('hours_targets.applies_to', '=', 'org_unit'));
}

/** The rules of a year: the default first, then positions, then units. */
export async function listTargetRules(db: Kysely<Database>, year: number): Promise<TargetRule[]> {
  const rows = await rulesWithUnit(db)
    .select(['hours_targets.id', 'hours_targets.year', 'hours_targets.applies_to', 'hours_targets.match_value', 'hours_targets.total_tenths', 'hours_targets.required_tenths', 'hours_targets.updated_at', 'org_units.name as unit_name'])
    .where('hours_targets.year', '=', year)
    .execute();
  return rows
    .map((r) => {
      const appliesTo = r.applies_to as TargetKind;
      const matchLabel = appliesTo === 'default' ? '全县' : appliesTo === 'position' ? r.match_value : (r.unit_name ?? '（单位已不存在）');
      return { id: r.id, year: Number(r.year), appliesTo, matchValue: r.match_value, matchLabel, totalTenths: r.total_tenths, requiredTenths: r.required_tenths, updatedAt: r.updated_at };
    })
    .sort((a, b) => KIND_ORDER[a.appliesTo] - KIND_ORDER[b.appliesTo] || a.matchLabel.localeCompare(b.matchLabel, 'zh-CN'));
}

export interface TargetRuleInput {
  year: number;
  appliesTo: TargetKind;
  matchValue?: string;
  /** 学时, one decimal, 0–MAX_TARGET_HOURS. */
  total: number;
  /** Of the total, 学时 from required courses; never more than the total. */
  required: number;
}

/** Validates a rule's numbers and what it matches; returns the values to store. */
async function checkedRule(db: Kysely<Database>, actor: ScopeSubject, input: TargetRuleInput, now: Date) {
  const year = requireTargetYear(input.year, now);
  const bounds = { min: 0, max: MAX_TARGET_HOURS };
  const totalTenths = hoursToTenths(input.total, bounds, 'total', '全年总学时');
  const requiredTenths = hoursToTenths(input.required, bounds, 'required', '必修学时');
  if (requiredTenths > totalTenths) throw new ValidationError('必修学时不能多于全年总学时。', { field: 'required' });
  let matchValue = (input.matchValue ?? '').trim();
  if (input.appliesTo === 'default') matchValue = '';
  else if (input.appliesTo === 'position') {
    if (!matchValue || matchValue.length > 60) throw new ValidationError('请选择职务（不超过 60 字）。', { field: 'matchValue' });
  } else {
    if (!matchValue) throw new ValidationError('请选择单位。', { field: 'matchValue' });
    await requireUnitInScope(db, scopeOf(actor), matchValue);
  }
  return { year, appliesTo: input.appliesTo, matchValue, totalTenths, requiredTenths };
}

/** Sets the rule for (year, kind, match): creates it or replaces its numbers. Returns the rule as stored. */
export async function setTargetRule(db: Kysely<Database>, actor: ScopeSubject, input: TargetRuleInput, now = new Date()): Promise<TargetRule> {
  requireTargetEditor(actor);
  const rule = await checkedRule(db, actor, input, now);
  return db.transaction().execute(async (trx) => {
    const stamp = now.toISOString();
    await trx
      .insertInto('hours_targets')
      .values({ id: newId(), year: rule.year, applies_to: rule.appliesTo, match_value: rule.matchValue, total_tenths: rule.totalTenths, required_tenths: rule.requiredTenths, updated_by: actor.id, updated_at: stamp })
      .onConflict((oc) => oc.columns(['year', 'applies_to', 'match_value']).doUpdateSet({ total_tenths: rule.totalTenths, required_tenths: rule.requiredTenths, updated_by: actor.id, updated_at: stamp }))
      .execute();
    const { id } = await trx
      .selectFrom('hours_targets')
      .select('id')
      .where('year', '=', rule.year)
      .where('applies_to', '=', rule.appliesTo)
      .where('match_value', '=', rule.matchValue)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: actor.id, action: 'hours_target.set', targetType: 'hours_target', targetId: id, detail: rule }, now);
    return (await listTargetRules(trx, rule.year)).find((r) => r.id === id)!;
  });
}

/** Deletes a rule; a unit rule outside the actor's scope answers like a missing one. */
export async function deleteTargetRule(db: Kysely<Database>, actor: ScopeSubject, ruleId: string, now = new Date()): Promise<void> {
  requireTargetEditor(actor);
  const rule = await rulesWithUnit(db)
    .select(['hours_targets.id', 'hours_targets.year', 'hours_targets.applies_to', 'hours_targets.match_value', 'org_units.path'])
    .where('hours_targets.id', '=', ruleId)
    .executeTakeFirst();
  const outside = rule?.applies_to === 'org_unit' && rule.path !== null && !scopeCoversUnit(scopeOf(actor), rule.path);
  if (!rule || outside) throw new NotFoundError('找不到这条学时目标规则。');
  requireTargetYear(rule.year, now, '_');
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('hours_targets').where('id', '=', rule.id).execute();
    const detail = { year: rule.year, appliesTo: rule.applies_to, matchValue: rule.match_value };
    await recordAudit(trx, { actorId: actor.id, action: 'hours_target.delete', targetType: 'hours_target', targetId: rule.id, detail }, now);
  });
}

/**
 * Copies the previous year's rules into `year`, keeping any rule `year` already has and leaving out
 * rules of units that are gone or outside the actor's scope. Returns how many rules were added.
 */
export async function copyTargetRules(db: Kysely<Database>, actor: ScopeSubject, year: number, now = new Date()): Promise<number> {
  requireTargetEditor(actor);
  requireTargetYear(year, now);
  const scope = scopeOf(actor);
  return db.transaction().execute(async (trx) => {
    const source = await rulesWithUnit(trx)
      .select(['hours_targets.applies_to', 'hours_targets.match_value', 'hours_targets.total_tenths', 'hours_targets.required_tenths', 'org_units.path'])
      .where('hours_targets.year', '=', year - 1)
      .execute();
    const copyable = source.filter((r) => r.applies_to !== 'org_unit' || (r.path !== null && scopeCoversUnit(scope, r.path)));
    if (copyable.length === 0) return 0;
    const stamp = now.toISOString();
    const result = await trx
      .insertInto('hours_targets')
      .values(copyable.map((r) => ({ id: newId(), year, applies_to: r.applies_to, match_value: r.match_value, total_tenths: r.total_tenths, required_tenths: r.required_tenths, updated_by: actor.id, updated_at: stamp })))
      .onConflict((oc) => oc.columns(['year', 'applies_to', 'match_value']).doNothing())
      .executeTakeFirst();
    const added = Number(result.numInsertedOrUpdatedRows ?? 0);
    await recordAudit(trx, { actorId: actor.id, action: 'hours_target.copy', targetType: 'hours_target_year', targetId: String(year), detail: { from: year - 1, added } }, now);
    return added;
  });
}
