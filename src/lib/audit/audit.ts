import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { newId } from '../util/ids.ts';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  detail?: Record<string, unknown>;
}

/** Rows per INSERT when many entries are written at once. */
const AUDIT_BATCH = 200;

/** Appends one row to the audit log: who changed what, when, and the details. */
export async function recordAudit(db: Kysely<Database>, entry: AuditEntry, now = new Date()): Promise<void> {
  await recordAudits(db, [entry], now);
}

/** Appends many rows to the audit log in batches (a roster import writes one per account). */
export async function recordAudits(db: Kysely<Database>, entries: AuditEntry[], now = new Date()): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_BATCH) {
    await db
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + AUDIT_BATCH).map((entry) => ({
          id: newId(),
          actor_id: entry.actorId,
          action: entry.action,
          target_type: entry.targetType,
          target_id: entry.targetId,
          detail: JSON.stringify(entry.detail ?? {}),
          created_at: now.toISOString(),
        })),
      )
      .execute();
  }
}
