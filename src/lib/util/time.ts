/** Current time as the ISO-8601 UTC text every table stores. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}

/** ISO text for a moment `ms` milliseconds after `from`. */
export function isoAfter(from: Date, ms: number): string {
  return new Date(from.getTime() + ms).toISOString();
}
