/**
 * Reading-note editor (browser side). The form works without this script; with it, the draft is
 * saved as the cadre types (debounced PUT), kept in localStorage until the server has it (offline,
 * server down, page closed), restored and synced on the next visit or when the connection returns.
 * It never overwrites a newer server version silently: every save names the version it started from
 * (`baseUpdatedAt`); when the server has moved on, the cadre chooses which text to keep.
 */
import { localCopy } from './local-copy.ts';

const SAVE_AFTER_MS = 2_000;
const RETRY_AFTER_MS = 15_000;

interface LocalDraft {
  body: string;
  /** The server version this text was written on; '' when there was none. */
  base: string;
  savedAt: number;
}

interface ServerVersion {
  body: string;
  updatedAt: string;
}

const form = document.querySelector<HTMLFormElement>('[data-note-editor]');
if (form) start(form);

function start(form: HTMLFormElement) {
  const { classId, readingKey, userId } = form.dataset as Record<string, string>;
  const minChars = Number(form.dataset.minChars);
  const textarea = form.querySelector<HTMLTextAreaElement>('[data-note-body]')!;
  const baseInput = form.querySelector<HTMLInputElement>('[data-note-base]')!;
  const status = form.querySelector<HTMLElement>('[data-note-status]')!;
  const count = form.querySelector<HTMLElement>('[data-note-count]')!;
  const choice = form.querySelector<HTMLElement>('[data-note-choice]')!;
  const storageKey = `jt-note:${userId}:${classId}:${readingKey}`;
  const url = `/api/v1/classes/${encodeURIComponent(classId)}/notes/mine/${encodeURIComponent(readingKey)}`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: Promise<void> | null = null;
  let choosing = false;
  let submitting = false;

  const show = (text: string) => (status.textContent = text);

  const copy = localCopy<LocalDraft>(storageKey);
  const readLocal = () => copy.read();
  const writeLocal = () => copy.write({ body: textarea.value, base: baseInput.value, savedAt: Date.now() });
  const clearLocal = () => copy.clear();

  function updateCount() {
    const length = [...textarea.value.trim()].length;
    const short = minChars - length;
    count.textContent = `已写 ${length} 字；提交至少需要 ${minChars} 字${short > 0 ? `，还差 ${short} 字` : ''}。`;
  }

  function schedule(ms = SAVE_AFTER_MS) {
    clearTimeout(timer);
    timer = setTimeout(() => void save(), ms);
  }

  function save(): Promise<void> {
    if (choosing || submitting) return Promise.resolve();
    inflight ??= send().finally(() => (inflight = null));
    return inflight;
  }

  async function send() {
    const body = textarea.value;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ body, baseUpdatedAt: baseInput.value || null }),
      });
    } catch {
      return void show('网络中断：草稿已保存在本机，恢复联网后自动同步。');
    }
    const data = await response.json().catch(() => null);
    if (response.ok) {
      baseInput.value = data.updatedAt;
      if (textarea.value === body) clearLocal();
      else writeLocal();
      return void show(`草稿已自动保存（${new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })}）。`);
    }
    const current = data?.error?.details?.current as ServerVersion | undefined;
    if (response.status === 409 && current) return offerChoice(current, body, 'local');
    if (response.status >= 500) {
      schedule(RETRY_AFTER_MS);
      return void show('服务器暂时无法保存：草稿已保存在本机，稍后自动重试。');
    }
    show(data?.error?.message ?? '草稿未能保存。');
  }

  /** Two texts and one note: the cadre picks; the one not in the text box is shown beside it. */
  function offerChoice(server: ServerVersion, localBody: string, inTextarea: 'local' | 'server') {
    choosing = true;
    baseInput.value = server.updatedAt;
    textarea.value = inTextarea === 'local' ? localBody : server.body;
    updateCount();
    choice.querySelector('[data-note-choice-text]')!.textContent =
      inTextarea === 'local'
        ? '服务器上有这篇心得更新的版本（可能在其他设备上改过），显示在下面；编辑框里是您刚写的内容。请选择保留哪一份：'
        : '本机有一份还没同步的草稿（显示在下面），但服务器上的版本比它新（编辑框里）。请选择保留哪一份：';
    choice.querySelector('.note-text')!.textContent = inTextarea === 'local' ? server.body : localBody;
    choice.hidden = false;
    show('');
    for (const button of choice.querySelectorAll<HTMLButtonElement>('[data-note-use]')) {
      button.onclick = () => {
        choosing = false;
        choice.hidden = true;
        textarea.value = button.dataset.noteUse === 'local' ? localBody : server.body;
        updateCount();
        if (button.dataset.noteUse === 'local') {
          writeLocal();
          void save();
        } else {
          clearLocal();
          show('已保留服务器上的版本。');
        }
      };
    }
  }

  textarea.addEventListener('input', () => {
    updateCount();
    writeLocal();
    schedule();
  });
  addEventListener('online', () => {
    if (readLocal()) void save();
  });
  form.addEventListener('submit', (event) => {
    clearTimeout(timer);
    if (choosing) {
      event.preventDefault();
      return void show('请先在下面选择保留哪一份草稿。');
    }
    if (!inflight) return void (submitting = true);
    // Let the running autosave finish first, so the form carries the version it produced.
    event.preventDefault();
    const submitter = event.submitter as HTMLButtonElement | null;
    void inflight.then(() => form.requestSubmit(submitter));
  });

  const local = readLocal();
  if (local && local.body !== textarea.value) {
    if (local.base === baseInput.value) {
      textarea.value = local.body;
      updateCount();
      show('已恢复本机保存的草稿（上次未能同步），正在同步……');
      void save();
    } else {
      offerChoice({ body: textarea.value, updatedAt: baseInput.value }, local.body, 'server');
    }
  } else if (local) {
    clearLocal();
  }
}
