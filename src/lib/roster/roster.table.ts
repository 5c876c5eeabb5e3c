/** An uploaded roster file kept between the preview and the apply step; purged after a day. */
export interface RosterUploadsTable {
  id: string;
  /** Only the person who uploaded the file may apply it. */
  actor_id: string;
  /** Hex SHA-256 of the bytes, written to the audit log when the file is applied. */
  sha256: string;
  bytes: Uint8Array;
  created_at: string;
}
