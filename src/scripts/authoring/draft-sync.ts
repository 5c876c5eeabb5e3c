/**
 * Saving an authoring draft as it is typed (browser side), shared by the lesson and quiz editors:
 * a debounced PUT of the form, a copy in localStorage until the server has it (offline, server down,
 * page closed) that is offered back on the next visit and uploaded when the connection returns.
 * Every save names the version it started from (`baseUpdatedAt`), so a newer save made elsewhere is
 * never overwritten silently: the trainer chooses.
 */
import { localCopy } from '../local-copy.ts';

const SAVE_AFTER_MS = 1_500;
const RETRY_AFTER_MS = 15_000;

interface LocalDraft {
  fields: Record<string, string>;
  base: string;
  savedAt: number;
}

export interface DraftSyncOptions {
  form: HTMLFormElement;
  storageKey: string;
  saveUrl: string;
  /** The form's current values (editors copy their text into the form first); baseUpdatedAt excluded. */
  fields(): Record<string, string>;
  /** Puts restored values back into the form and editors. */
  restore(fields: Record<string, string>): void;
  /** The JSON the API takes, without baseUpdatedAt. */
  payload(fields: Record<string, string>): Record<string, unknown>;
  /** The server's answer to a successful save (e.g. quiz problems to show). */
  onSaved?(answer: Record<string, unknown>): void;
}

export function startDraftSync(options: DraftSyncOptions): { changed(): void } {
  const { form, storageKey, saveUrl } = options;
  const base = form.querySelector<HTMLInputElement>('input[name="baseUpdatedAt"]')!;
  const status = document.querySelector<HTMLElement>('[data-save-status]')!;
  const banner = document.querySelector<HTMLElement>('[data-restore]')!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: Promise<void> | null = null;
  let blocked = false;

  const show = (text: string, kind: 'ok' | 'error' | '' = '') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };

  const copy = localCopy<LocalDraft>(storageKey);
  const readLocal = () => copy.read();
  const writeLocal = () => copy.write({ fields: options.fields(), base: base.value, savedAt: Date.now() });
  const clearLocal = () => copy.clear();

  function changed() {
    writeLocal();
    clearTimeout(timer);
    timer = setTimeout(() => void save(), SAVE_AFTER_MS);
  }

  function save(): Promise<void> {
    if (blocked) return Promise.resolve();
    inflight ??= send().finally(() => (inflight = null));
    return inflight;
  }

  async function send() {
    const data = options.fields();
    let response: Response;
    try {
      response = await fetch(saveUrl, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ...options.payload(data), baseUpdatedAt: base.value || undefined }),
      });
    } catch {
      return void show('网络中断：修改已保存在本机，恢复联网后自动上传。', 'error');
    }
    const answer = await response.json().catch(() => null);
    if (response.ok) {
      base.value = answer.updatedAt;
      if (JSON.stringify(options.fields()) === JSON.stringify(data)) clearLocal();
      else writeLocal();
      options.onSaved?.(answer);
      return void show(`已自动保存（${new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })}）`, 'ok');
    }
    if (response.status === 409 && answer?.error?.details?.currentUpdatedAt) return conflict(answer.error.message, answer.error.details.currentUpdatedAt);
    if (response.status >= 500) {
      timer = setTimeout(() => void save(), RETRY_AFTER_MS);
      return void show('服务器暂时无法保存：修改已保存在本机，稍后自动重试。', 'error');
    }
    show(answer?.error?.message ?? '没能保存。', 'error');
  }

  function conflict(message: string, serverUpdatedAt: string) {
    blocked = true;
    writeLocal();
    offer(`${message}您刚才的修改保存在本机。`, [
      ['载入服务器上的版本', () => {
        clearLocal();
        location.reload();
      }],
      ['保留我的修改并覆盖', () => {
        blocked = false;
        base.value = serverUpdatedAt;
        void save();
      }],
    ]);
  }

  function offer(text: string, choices: Array<[string, () => void]>) {
    banner.replaceChildren(Object.assign(document.createElement('p'), { textContent: text }));
    for (const [label, action] of choices) {
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label, className: 'secondary' });
      button.onclick = () => {
        banner.hidden = true;
        action();
      };
      banner.append(button, ' ');
    }
    banner.hidden = false;
  }

  form.addEventListener('submit', (event) => {
    if ((event.submitter as HTMLButtonElement | null)?.formTarget) return;
    event.preventDefault();
    clearTimeout(timer);
    void save();
  });
  addEventListener('online', () => {
    if (readLocal()) void save();
  });

  const local = readLocal();
  if (local && JSON.stringify(local.fields) !== JSON.stringify(options.fields())) {
    const when = new Date(local.savedAt).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    const older = local.base !== base.value ? '（它基于较早的版本，服务器上的内容后来又改过）' : '';
    offer(`本机有 ${when} 尚未上传的修改${older}。`, [
      ['恢复本机的修改', () => {
        options.restore(local.fields);
        base.value = local.base;
        void save();
      }],
      ['丢弃', clearLocal],
    ]);
  }
  return { changed };
}

/** Sets form controls by name (not the editors' hidden textareas: `restore` handles those). */
export function setFormValues(form: HTMLFormElement, values: Record<string, string>, skip: string[]) {
  for (const [key, value] of Object.entries(values)) {
    if (skip.includes(key)) continue;
    const input = form.elements.namedItem(key);
    if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement || input instanceof HTMLTextAreaElement) input.value = value;
  }
}

/**
 * The form's text values, without the version marker. Read from the controls rather than FormData,
 * which leaves out disabled ones: a frozen version's lesson must still reach the preview.
 */
export function formFields(form: HTMLFormElement): Record<string, string> {
  const data: Record<string, string> = {};
  for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input[name], select[name], textarea[name]')) {
    if (control.name === 'baseUpdatedAt' || control.type === 'file' || ((control.type === 'checkbox' || control.type === 'radio') && !(control as HTMLInputElement).checked)) continue;
    data[control.name] = control.value;
  }
  return data;
}
