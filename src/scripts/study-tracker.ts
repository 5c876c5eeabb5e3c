/**
 * Lesson page study clock (browser side). While the page is visible and the reader recently active
 * (or the lesson's media is playing) it records a heartbeat every 20 s and sends it. The server alone
 * decides what counts; this script only reports. Beats that cannot be sent (offline, server down) wait
 * in localStorage, tagged with the user, and are sent in order when the connection returns.
 */
const INTERVAL_MS = 20_000;
const IDLE_AFTER_MS = 120_000;
const QUEUE_KEY = 'jt-study-queue';
const QUEUE_MAX = 600;
const MAX_AGE_MS = 2 * 60 * 60 * 1000;

interface QueuedBeat {
  userId: string;
  beatId: string;
  lessonId: string;
  recordedAt: number;
  watched?: [number, number][];
}

interface BeatResult {
  studiedSeconds: number;
  requiredSeconds: number;
  watchedSeconds: number | null;
  lessonCompleted: boolean;
}

const panel = document.querySelector<HTMLElement>('[data-study-panel]');
if (panel?.dataset.enrolled === '1') start(panel);

function start(panel: HTMLElement) {
  const userId = panel.dataset.userId!;
  const lessonId = panel.dataset.lessonId!;
  const bar = panel.querySelector<HTMLProgressElement>('progress');
  const label = panel.querySelector<HTMLElement>('[data-study-label]');
  const status = panel.querySelector<HTMLElement>('[data-study-status]');
  let lastActivity = Date.now();
  let flushing = false;
  const media = [...document.querySelectorAll<HTMLMediaElement>('[data-tracked-media]')];
  let pending: [number, number][] = [];
  let segmentStart: number | null = null;

  for (const type of ['scroll', 'pointerdown', 'keydown', 'touchstart', 'wheel']) {
    addEventListener(type, () => (lastActivity = Date.now()), { passive: true });
  }
  for (const el of media) {
    el.addEventListener('playing', () => (segmentStart = el.currentTime));
    el.addEventListener('seeking', () => closeSegment(el));
    el.addEventListener('pause', () => closeSegment(el));
    el.addEventListener('ended', () => closeSegment(el));
  }

  function closeSegment(el: HTMLMediaElement) {
    if (segmentStart !== null && el.currentTime > segmentStart) pending.push([Math.floor(segmentStart), Math.ceil(el.currentTime)]);
    segmentStart = el.paused ? null : el.currentTime;
  }

  const playing = () => media.some((el) => !el.paused && !el.ended);
  const studying = () => document.visibilityState === 'visible' && (playing() || Date.now() - lastActivity < IDLE_AFTER_MS);

  function readQueue(): QueuedBeat[] {
    try {
      return JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]') as QueuedBeat[];
    } catch {
      return [];
    }
  }
  function writeQueue(queue: QueuedBeat[]) {
    try {
      localStorage.setItem(QUEUE_KEY, JSON.stringify(queue.slice(-QUEUE_MAX)));
    } catch {
      // Storage full or disabled: the beat is simply not kept.
    }
  }

  function record() {
    for (const el of media) if (!el.paused) closeSegment(el);
    const beat: QueuedBeat = { userId, beatId: randomId(), lessonId, recordedAt: Date.now() };
    if (pending.length) beat.watched = pending;
    pending = [];
    writeQueue([...readQueue(), beat]);
    void flush();
  }

  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      for (;;) {
        const queue = readQueue().filter((b) => Date.now() - b.recordedAt < MAX_AGE_MS);
        const beat = queue.find((b) => b.userId === userId);
        if (!beat) return writeQueue(queue);
        const { userId: _owner, ...body } = beat;
        let response: Response;
        try {
          response = await fetch('/api/v1/study/heartbeat', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ ...body, sentAt: Date.now() }),
          });
        } catch {
          show('网络中断：学习记录已保存在本机，恢复联网后自动补交。');
          return;
        }
        if (response.status >= 500) return show('服务器暂时无法记录，稍后自动重试。');
        writeQueue(readQueue().filter((b) => b.beatId !== beat.beatId));
        const data = await response.json().catch(() => null);
        if (response.ok && beat.lessonId === lessonId) update(data as BeatResult);
        else if (!response.ok && beat.lessonId === lessonId) show(data?.error?.message ?? '本条学习记录未被接受。');
      }
    } finally {
      flushing = false;
    }
  }

  function update(result: BeatResult) {
    if (bar) {
      bar.max = result.requiredSeconds;
      bar.value = Math.min(result.studiedSeconds, result.requiredSeconds);
    }
    if (label) label.textContent = `已学 ${Math.floor(result.studiedSeconds / 60)} 分钟 / 要求 ${Math.round(result.requiredSeconds / 60)} 分钟`;
    show(result.lessonCompleted ? '本课时已完成。' : '正在计时：请保持本页在前台阅读。');
  }

  function show(text: string) {
    if (status) status.textContent = text;
  }

  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') record();
  });
  addEventListener('online', () => void flush());
  setInterval(() => {
    if (studying()) record();
    else show(document.visibilityState === 'visible' ? '已暂停计时：较长时间没有操作，滚动或点击页面即可继续。' : '页面在后台，暂停计时。');
  }, INTERVAL_MS);
  record();
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
