export interface AuditLogTable {
  id: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  /** JSON object with the change's details. */
  detail: string;
  created_at: string;
}
