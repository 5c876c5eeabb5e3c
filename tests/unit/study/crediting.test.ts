import { describe, expect, test } from 'vitest';
import { ACTIVE_LESSON_LOCK_SECONDS, decideHeartbeat, HEARTBEAT_CAP_SECONDS, MAX_BEAT_AGE_SECONDS } from '../../../src/lib/study/crediting.ts';

const now = 1_800_000_000_000;
const live = (lessonId: string, browserClock = now) => ({ lessonId, recordedAt: browserClock, sentAt: browserClock });
const clockAt = (lessonId: string, secondsAgo: number) => ({ lessonId, lastBeatAt: now - secondsAgo * 1000 });

describe('decideHeartbeat', () => {
  test('starts the clock on the first beat without crediting anything', () => {
    expect(decideHeartbeat(null, live('a/1'), now)).toEqual({ accepted: true, at: now, creditedSeconds: 0, started: true });
  });

  test('credits the time since the previous beat of the same lesson', () => {
    expect(decideHeartbeat(clockAt('a/1', 20), live('a/1'), now)).toMatchObject({ accepted: true, creditedSeconds: 20 });
  });

  test('caps a long gap (a page left open, a phone put away) at the cap', () => {
    expect(decideHeartbeat(clockAt('a/1', 600), live('a/1'), now)).toMatchObject({ accepted: true, creditedSeconds: HEARTBEAT_CAP_SECONDS });
  });

  test('refuses a beat from another lesson while the first lesson keeps beating (second tab or device)', () => {
    expect(decideHeartbeat(clockAt('a/1', 10), live('b/1'), now)).toEqual({ accepted: false, reason: 'another_lesson_active' });
  });

  test('hands the clock to another lesson once the first has gone quiet, crediting nothing for the switch', () => {
    expect(decideHeartbeat(clockAt('a/1', ACTIVE_LESSON_LOCK_SECONDS + 1), live('b/1'), now)).toMatchObject({ accepted: true, creditedSeconds: 0, started: true });
  });

  test('two tabs of the same lesson together earn wall-clock time, not double', () => {
    let clock = { lessonId: 'a/1', lastBeatAt: now };
    let total = 0;
    // Two tabs each beating every 20 s, offset by 10 s: one beat every 10 s in all, for 120 s.
    for (let t = 10; t <= 120; t += 10) {
      const decision = decideHeartbeat(clock, live('a/1'), now + t * 1000);
      expect(decision.accepted).toBe(true);
      if (decision.accepted) {
        total += decision.creditedSeconds;
        clock = { lessonId: 'a/1', lastBeatAt: decision.at };
      }
    }
    expect(total).toBe(120);
  });

  test('ignores the browser clock being wrong: a live beat counts at server time', () => {
    const phoneTwoHoursFast = now + 2 * 3600_000;
    expect(decideHeartbeat(clockAt('a/1', 15), live('a/1', phoneTwoHoursFast), now)).toMatchObject({ accepted: true, at: now, creditedSeconds: 15 });
  });

  test('refuses a beat recorded after it was sent (future-dated on the browser’s own clock)', () => {
    expect(decideHeartbeat(clockAt('a/1', 15), { lessonId: 'a/1', recordedAt: now + 60_000, sentAt: now }, now)).toEqual({ accepted: false, reason: 'future_dated' });
  });

  test('places an offline beat on the timeline by its age and credits it', () => {
    const clock = clockAt('a/1', 300);
    const queued = { lessonId: 'a/1', recordedAt: 1_000_000, sentAt: 1_000_000 + 280_000 }; // recorded 280 s before sending
    expect(decideHeartbeat(clock, queued, now)).toMatchObject({ accepted: true, at: now - 280_000, creditedSeconds: 20 });
  });

  test('refuses an offline beat that arrives too late', () => {
    const queued = { lessonId: 'a/1', recordedAt: 0, sentAt: (MAX_BEAT_AGE_SECONDS + 1) * 1000 };
    expect(decideHeartbeat(clockAt('a/1', 9000), queued, now)).toEqual({ accepted: false, reason: 'too_late' });
  });

  test('refuses a beat that falls at or before the last credited moment (overlap or out of order)', () => {
    const queued = { lessonId: 'a/1', recordedAt: 0, sentAt: 30_000 }; // 30 s old, but the clock moved 10 s ago
    expect(decideHeartbeat(clockAt('a/1', 10), queued, now)).toEqual({ accepted: false, reason: 'overlapping' });
  });
});
