/**
 * The check-in window of a session: by default from 30 minutes before the start to 30 minutes after
 * it; the trainer may set other times. Open means `opensAt ≤ now < closesAt`.
 */
export const DEFAULT_OPENS_BEFORE_MINUTES = 30;
export const DEFAULT_CLOSES_AFTER_MINUTES = 30;

const MINUTE_MS = 60_000;

export interface CheckinWindow {
  opensAt: string;
  closesAt: string;
}

export type WindowState = 'before' | 'open' | 'after';

/** The default window around a start time (ISO text in, ISO text out). */
export function defaultWindow(startsAt: string): CheckinWindow {
  const start = Date.parse(startsAt);
  return {
    opensAt: new Date(start - DEFAULT_OPENS_BEFORE_MINUTES * MINUTE_MS).toISOString(),
    closesAt: new Date(start + DEFAULT_CLOSES_AFTER_MINUTES * MINUTE_MS).toISOString(),
  };
}

/** Where `nowMs` falls: before the window, in it (opening instant included), or after it (closing instant included). */
export function windowState(window: CheckinWindow, nowMs: number): WindowState {
  if (nowMs < Date.parse(window.opensAt)) return 'before';
  if (nowMs < Date.parse(window.closesAt)) return 'open';
  return 'after';
}
