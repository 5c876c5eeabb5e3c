/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    user: import('./lib/auth/session.ts').CurrentUser | null;
    session: import('./lib/auth/session.ts').Session | null;
    db: import('kysely').Kysely<import('../db/schema.ts').Database>;
    /** Whether the database holds the demo county (a banner then marks every page). */
    demo: boolean;
  }
}
