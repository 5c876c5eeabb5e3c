/**
 * The study-time rule (decision record 005). Pure: given the person's study clock and one
 * heartbeat, decide what to credit. The server's clock is the only clock that counts; a beat
 * that waited in an offline browser queue is placed on the server's timeline by its age as
 * measured on the browser's own clock (so a wrong phone clock does not matter).
 */

/** The lesson page sends a beat about this often while visible and recently active. */
export const HEARTBEAT_INTERVAL_SECONDS = 20;
/** No single beat credits more than this, however long the gap since the previous one. */
export const HEARTBEAT_CAP_SECONDS = 30;
/** A lesson keeps the person's clock while it beats within this window; another lesson is refused meanwhile. */
export const ACTIVE_LESSON_LOCK_SECONDS = 60;
/** A queued beat older than this when it finally arrives is refused. */
export const MAX_BEAT_AGE_SECONDS = 2 * 60 * 60;
/** Tolerance for a beat that claims to be from the future on the browser's own clock. */
const FUTURE_TOLERANCE_MS = 2_000;

/** The person's clock: which lesson holds it and when its last accepted beat happened (server time, ms). */
export interface StudyClock {
  lessonId: string;
  lastBeatAt: number;
}

export interface Heartbeat {
  lessonId: string;
  /** Browser clock (ms) when the beat was recorded. */
  recordedAt: number;
  /** Browser clock (ms) when the beat was sent; equal to recordedAt for a live beat. */
  sentAt: number;
}

export type RefusalReason = 'future_dated' | 'too_late' | 'overlapping' | 'another_lesson_active';

export type Decision =
  | { accepted: true; at: number; creditedSeconds: number; started: boolean }
  | { accepted: false; reason: RefusalReason };

/** Decides one heartbeat received at server time `now` (ms). Replays are caught earlier, by beat id. */
export function decideHeartbeat(clock: StudyClock | null, beat: Heartbeat, now: number): Decision {
  const ageMs = beat.sentAt - beat.recordedAt;
  if (ageMs < -FUTURE_TOLERANCE_MS) return { accepted: false, reason: 'future_dated' };
  if (ageMs > MAX_BEAT_AGE_SECONDS * 1000) return { accepted: false, reason: 'too_late' };
  const at = now - Math.max(0, ageMs);

  if (!clock) return { accepted: true, at, creditedSeconds: 0, started: true };
  if (at <= clock.lastBeatAt) return { accepted: false, reason: 'overlapping' };

  const gapSeconds = (at - clock.lastBeatAt) / 1000;
  if (clock.lessonId !== beat.lessonId) {
    if (gapSeconds < ACTIVE_LESSON_LOCK_SECONDS) return { accepted: false, reason: 'another_lesson_active' };
    // The other lesson went quiet: this one takes the clock, and its time starts now.
    return { accepted: true, at, creditedSeconds: 0, started: true };
  }
  return { accepted: true, at, creditedSeconds: Math.floor(Math.min(gapSeconds, HEARTBEAT_CAP_SECONDS)), started: false };
}

/** Chinese explanation of a refusal for the lesson page. */
export const REFUSAL_MESSAGES: Record<RefusalReason | 'replayed', string> = {
  replayed: '这次学习记录已经提交过，不再重复计时。',
  future_dated: '学习记录的时间晚于发送时间，可能是设备时钟异常，本条不计时。',
  too_late: '离线学习记录超过 2 小时才提交，按规定不再计时。',
  overlapping: '这段时间已经计过时（可能同时打开了多个页面），不重复计时。',
  another_lesson_active: '您正在另一个页面或设备上学习其他课时，本页暂停计时。',
};
