export interface SessionsTable {
  /** SHA-256 (hex) of the session token; the token itself is never stored. */
  id: string;
  user_id: string;
  expires_at: string;
  created_at: string;
}

export interface LoginAttemptsTable {
  id: string;
  login: string;
  ip: string;
  succeeded: number;
  attempted_at: string;
}
