/**
 * Clock times in Beijing (UTC+8 all year, no daylight saving): forms take a date and a time as people
 * read them on the wall, the database keeps UTC ISO text.
 */
const OFFSET_MS = 8 * 3600_000;

/** "2026-05-10" + "14:30" (Beijing) → "2026-05-10T06:30:00.000Z"; null when either is not a real date or time. */
export function beijingLocalToIso(date: string, time: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [number, number, number, number, number];
  if (hour > 23 || minute > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS;
  const check = new Date(utc + OFFSET_MS);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return new Date(utc).toISOString();
}

/** The Beijing date and time of a moment, as form fields want them: { date: "2026-05-10", time: "14:30" }. */
export function beijingParts(iso: string): { date: string; time: string } {
  const local = new Date(Date.parse(iso) + OFFSET_MS).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

/** "14:30" in Beijing time. */
export function beijingClock(iso: string): string {
  return beijingParts(iso).time;
}

/** "5月10日 14:30" in Beijing time. */
export function beijingDayAndClock(iso: string): string {
  const { date, time } = beijingParts(iso);
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${time}`;
}

/** "2026-05-10": a calendar day that really exists (no 2 月 30 日). */
export function isCalendarDate(text: string): boolean {
  return beijingLocalToIso(text, '00:00') !== null;
}
