/**
 * Keeps a region of a server-rendered page fresh: every few seconds it fetches the same page and swaps
 * in the new copy of the region, so the server renders it in one place (no second template in the
 * browser). Skipped while the page is hidden or someone is using a control inside the region; without
 * JavaScript a reload shows the same.
 */
export function refreshLive(selector = '[data-live]', everyMs = 5000) {
  const region = document.querySelector<HTMLElement>(selector);
  if (!region) return;
  const tick = async () => {
    if (document.visibilityState === 'visible' && !region.contains(document.activeElement)) {
      try {
        const res = await fetch(location.pathname, { headers: { Accept: 'text/html' }, cache: 'no-store', credentials: 'same-origin' });
        const fresh = res.ok ? new DOMParser().parseFromString(await res.text(), 'text/html').querySelector(selector) : null;
        if (fresh) region.innerHTML = fresh.innerHTML;
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    }
    setTimeout(tick, everyMs);
  };
  setTimeout(tick, everyMs);
}
