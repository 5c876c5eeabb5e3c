/**
 * Time limits of an attempt, measured on the server clock only (the start time is stored with the
 * attempt, the submission time is when the request arrives).
 *
 * The grace covers the trip of an answer sheet sent at the last second over a slow mobile connection;
 * the page counts down to the deadline without grace and submits by itself when time runs out. An
 * answer sheet kept offline and sent later than the grace is refused: a timed test cannot wait.
 */
export const SUBMIT_GRACE_SECONDS = 30;

/** The last moment a submission is accepted, or null when the quiz has no time limit. */
export function deadlineOf(startedAt: Date, timeLimitMinutes?: number, graceSeconds = SUBMIT_GRACE_SECONDS): Date | null {
  if (timeLimitMinutes === undefined) return null;
  return new Date(startedAt.getTime() + timeLimitMinutes * 60_000 + graceSeconds * 1000);
}

/** True when a submission arrives after the deadline; one arriving exactly at it is on time. */
export function isLate(startedAt: Date, submittedAt: Date, timeLimitMinutes?: number, graceSeconds = SUBMIT_GRACE_SECONDS): boolean {
  const deadline = deadlineOf(startedAt, timeLimitMinutes, graceSeconds);
  return deadline !== null && submittedAt.getTime() > deadline.getTime();
}
