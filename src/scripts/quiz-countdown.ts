/**
 * Countdown on a timed quiz paper: shows the minutes left and submits the paper when time is up.
 * Only a convenience: the server enforces the deadline whatever this script does.
 */
export function startCountdown() {
  const box = document.querySelector<HTMLElement>('[data-seconds-left]');
  const form = document.querySelector<HTMLFormElement>('[data-quiz-paper]');
  const out = box?.querySelector<HTMLElement>('[data-countdown]');
  if (!box || !form || !out) return;
  const secondsLeft = Number(box.dataset.secondsLeft);
  if (!Number.isFinite(secondsLeft)) return;
  // Counted on the page's monotonic clock from the server's figure, so the phone's wall clock does not matter.
  const offset = secondsLeft * 1000;
  const start = performance.now();
  const tick = () => {
    const left = Math.max(0, offset - (performance.now() - start));
    const minutes = Math.floor(left / 60_000);
    const seconds = Math.floor((left % 60_000) / 1000);
    out.textContent = `（还剩 ${minutes} 分 ${String(seconds).padStart(2, '0')} 秒）`;
    if (left <= 0) {
      clearInterval(timer);
      form.requestSubmit();
    }
  };
  const timer = setInterval(tick, 1000);
  tick();
}
