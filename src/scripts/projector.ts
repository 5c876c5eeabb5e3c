/**
 * The projector page: asks the server for the current check-in code just after each rotation (and
 * every few seconds for the count), and redraws the QR code, the typed code and the link. The page is
 * complete without this script too (it then reloads itself every few seconds).
 */
interface ProjectorState {
  state: 'before' | 'open' | 'after' | 'closed';
  code: string | null;
  url: string | null;
  svg: string | null;
  refreshInMs: number;
  presentCount: number;
  rosterCount: number;
}

const spaced = (code: string) => `${code.slice(0, 3)} ${code.slice(3)}`;

export function startProjector() {
  const root = document.querySelector<HTMLElement>('[data-projector]');
  if (!root?.dataset.endpoint) return;
  const endpoint = root.dataset.endpoint;
  const part = (name: string) => root.querySelector<HTMLElement>(`[data-${name}]`);
  const apply = (s: ProjectorState) => {
    if (s.state !== root.dataset.state) return location.reload();
    const qr = part('qr');
    if (qr && s.svg) qr.innerHTML = s.svg;
    const code = part('code');
    if (code && s.code) code.textContent = spaced(s.code);
    const link = part('checkin-url');
    if (link && s.url) {
      link.dataset.checkinUrl = s.url;
      link.textContent = s.url;
    }
    const count = part('count');
    if (count) count.textContent = `已签到 ${s.presentCount} / ${s.rosterCount} 人`;
  };
  const tick = async () => {
    let wait = 3000;
    try {
      const res = await fetch(endpoint, { cache: 'no-store', credentials: 'same-origin' });
      if (res.ok) {
        const state = (await res.json()) as ProjectorState;
        apply(state);
        wait = state.refreshInMs;
      }
    } catch {
      // The network dropped for a moment: try again soon.
    }
    setTimeout(tick, wait);
  };
  tick();
  part('fullscreen')?.addEventListener('click', () => document.documentElement.requestFullscreen?.().catch(() => undefined));
}
