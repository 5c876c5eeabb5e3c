/** The year a moment belongs to in Beijing time (Asia/Shanghai, UTC+8 all year, no daylight saving). */
export function beijingYear(moment: Date): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(moment));
}

/** "2026年3月5日" in Beijing time. */
export function beijingDate(moment: Date | string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(moment));
}

/** Share of the Beijing-time year already gone at `moment`, 0–1 (for "behind pace"). */
export function shareOfYearElapsed(moment: Date): number {
  const year = beijingYear(moment);
  const start = Date.UTC(year, 0, 1) - 8 * 3600_000;
  const end = Date.UTC(year + 1, 0, 1) - 8 * 3600_000;
  return (moment.getTime() - start) / (end - start);
}

/** "2026-03-05": the calendar date of a moment in Beijing time. */
export function beijingIsoDate(moment: Date | string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(moment));
}
