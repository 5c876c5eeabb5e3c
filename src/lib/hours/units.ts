/** 学时 are stored as integer tenths so sums are exact on both databases. */
export function toTenths(hours: number): number {
  return Math.round(hours * 10);
}

export function fromTenths(tenths: number): number {
  return tenths / 10;
}

/** "4", "1.5", "-2" 学时 for display. */
export function formatHours(tenths: number): string {
  return String(fromTenths(tenths));
}
