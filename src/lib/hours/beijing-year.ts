/** The year a moment belongs to in Beijing time (Asia/Shanghai, UTC+8 all year, no daylight saving). */
export function beijingYear(moment: Date): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(moment));
}

/** "2026年3月5日" in Beijing time. */
export function beijingDate(moment: Date | string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(moment));
}

/** The instants where a Beijing-time calendar year starts and the next one starts (UTC+8, no daylight saving). */
export function beijingYearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 8 * 3600_000);
}

/** Share of the Beijing-time year already gone at `moment`, 0–1 (for "behind pace"). */
export function shareOfYearElapsed(moment: Date): number {
  const year = beijingYear(moment);
  const start = beijingYearStart(year).getTime();
  const end = beijingYearStart(year + 1).getTime();
  return (moment.getTime() - start) / (end - start);
}

/** "2026-03-05": the calendar date of a moment in Beijing time. */
export function beijingIsoDate(moment: Date | string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(moment));
}
