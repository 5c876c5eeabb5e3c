/**
 * Lesson editor (browser side), loaded only on /authoring/<course>/lessons/<lesson>. The page works
 * without it (a plain form and a preview button); with it the body is edited in CodeMirror 6 with a
 * toolbar for the lesson components, problems are marked at their line and column as the server's
 * safe compiler finds them, the preview follows the typing, and the draft is saved as the trainer
 * types — kept in localStorage while offline and uploaded when the connection returns. A save names
 * the version it started from, so a newer save made elsewhere is never overwritten silently.
 */
import { markdown } from '@codemirror/lang-markdown';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import { basicSetup, EditorView } from 'codemirror';
import { mediaSnippet, SNIPPETS, type Snippet } from './snippets.ts';

const SAVE_AFTER_MS = 1_500;
const PREVIEW_AFTER_MS = 700;
const RETRY_AFTER_MS = 15_000;

interface LocalDraft {
  fields: Record<string, string>;
  base: string;
  savedAt: number;
}

const form = document.querySelector<HTMLFormElement>('[data-lesson-editor]');
if (form) start(form);

function start(form: HTMLFormElement) {
  const { course, lesson, userId } = form.dataset as Record<string, string>;
  const textarea = form.querySelector<HTMLTextAreaElement>('textarea[name="body"]')!;
  const base = form.querySelector<HTMLInputElement>('input[name="baseUpdatedAt"]')!;
  const status = document.querySelector<HTMLElement>('[data-save-status]')!;
  const restore = document.querySelector<HTMLElement>('[data-restore]')!;
  const frame = document.querySelector<HTMLIFrameElement>('iframe[name="preview"]')!;
  const storageKey = `jt-lesson:${userId}:${course}/${lesson}`;
  const saveUrl = `/api/v1/authoring/courses/${encodeURIComponent(course)}/draft/lessons/${encodeURIComponent(lesson)}`;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let previewTimer: ReturnType<typeof setTimeout> | undefined;
  let inflight: Promise<void> | null = null;
  let blocked = false;

  const show = (text: string, kind: 'ok' | 'error' | '' = '') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };

  const host = document.createElement('div');
  host.className = 'cm-host';
  textarea.before(host);
  textarea.hidden = true;
  const view = new EditorView({
    doc: textarea.value,
    parent: host,
    extensions: [
      basicSetup,
      markdown(),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': '课节正文（MDX）', lang: 'zh-CN' }),
      lintGutter(),
      linter(checkOnServer, { delay: 800 }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) changed();
      }),
    ],
  });

  function fields(): Record<string, string> {
    textarea.value = view.state.doc.toString();
    const data: Record<string, string> = {};
    for (const [key, value] of new FormData(form)) if (typeof value === 'string') data[key] = value;
    delete data.baseUpdatedAt;
    return data;
  }

  function payload(data: Record<string, string>) {
    const media =
      data.mediaKind === 'video' || data.mediaKind === 'audio'
        ? {
            kind: data.mediaKind,
            src: data.mediaSrc?.trim() ?? '',
            durationSeconds: Number(data.mediaDuration),
            ...(data.mediaTitle?.trim() ? { title: data.mediaTitle.trim() } : {}),
            ...(data.mediaCaptions?.trim() ? { captions: data.mediaCaptions.trim() } : {}),
          }
        : null;
    return { title: data.title ?? '', minutes: Number(data.minutes || 0), summary: data.summary ?? '', media, body: data.body ?? '', baseUpdatedAt: base.value || undefined };
  }

  function readLocal(): LocalDraft | null {
    try {
      return JSON.parse(localStorage.getItem(storageKey) ?? 'null') as LocalDraft | null;
    } catch {
      return null;
    }
  }
  function writeLocal() {
    try {
      localStorage.setItem(storageKey, JSON.stringify({ fields: fields(), base: base.value, savedAt: Date.now() } satisfies LocalDraft));
    } catch {
      // Storage full or disabled: the draft then lives in the editor and on the server only.
    }
  }
  const clearLocal = () => localStorage.removeItem(storageKey);

  function changed() {
    writeLocal();
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => void save(), SAVE_AFTER_MS);
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => void preview(), PREVIEW_AFTER_MS);
  }

  function save(): Promise<void> {
    if (blocked) return Promise.resolve();
    inflight ??= send().finally(() => (inflight = null));
    return inflight;
  }

  async function send() {
    const data = fields();
    let response: Response;
    try {
      response = await fetch(saveUrl, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload(data)) });
    } catch {
      return void show('网络中断：修改已保存在本机，恢复联网后自动上传。', 'error');
    }
    const answer = await response.json().catch(() => null);
    if (response.ok) {
      base.value = answer.updatedAt;
      if (JSON.stringify(fields()) === JSON.stringify(data)) clearLocal();
      else writeLocal();
      return void show(`已自动保存（${new Date().toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' })}）`, 'ok');
    }
    if (response.status === 409 && answer?.error?.details?.currentUpdatedAt) return conflict(answer.error.message, answer.error.details.currentUpdatedAt);
    if (response.status >= 500) {
      saveTimer = setTimeout(() => void save(), RETRY_AFTER_MS);
      return void show('服务器暂时无法保存：修改已保存在本机，稍后自动重试。', 'error');
    }
    show(answer?.error?.message ?? '没能保存。', 'error');
  }

  /** Someone saved a newer version elsewhere: the trainer decides, nothing is overwritten silently. */
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
    restore.replaceChildren(Object.assign(document.createElement('p'), { textContent: text }));
    for (const [label, action] of choices) {
      const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label, className: 'secondary' });
      button.onclick = () => {
        restore.hidden = true;
        action();
      };
      restore.append(button, ' ');
    }
    restore.hidden = false;
  }

  async function preview() {
    try {
      const response = await fetch('/authoring/preview', { method: 'POST', body: new URLSearchParams(fields()) });
      if (response.ok) frame.srcdoc = await response.text();
    } catch {
      // Offline: the preview waits for the next change; saving locally goes on.
    }
  }

  async function checkOnServer(editor: EditorView): Promise<Diagnostic[]> {
    const body = editor.state.doc.toString();
    try {
      const response = await fetch('/api/v1/authoring/check', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ body }) });
      if (!response.ok) return [];
      const { problems } = (await response.json()) as { problems: Array<{ line: number; column: number; message: string }> };
      const doc = editor.state.doc;
      return problems.map((p) => {
        const line = doc.line(Math.min(Math.max(p.line, 1), doc.lines));
        const from = Math.min(line.from + Math.max(p.column - 1, 0), line.to);
        return { from, to: Math.min(from + 1, line.to), severity: 'error', message: `第 ${p.line} 行第 ${p.column} 列：${p.message}` };
      });
    } catch {
      return [];
    }
  }

  function insert(snippet: Snippet | { text: string; block: boolean }) {
    const { from, to } = view.state.selection.main;
    const selected = view.state.sliceDoc(from, to);
    const [before, middle, after] = 'text' in snippet ? ['', snippet.text, ''] : [snippet.before, selected || snippet.placeholder, snippet.after];
    const lineStart = view.state.doc.lineAt(from).from;
    const lead = snippet.block && from > lineStart ? '\n\n' : '';
    const text = lead + before + middle + after + (snippet.block ? '\n' : '');
    const start = from + lead.length + before.length;
    view.dispatch({ changes: { from, to, insert: text }, selection: { anchor: start, head: start + middle.length }, scrollIntoView: true });
    view.focus();
  }

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-snippet]')) {
    button.addEventListener('click', () => insert(SNIPPETS[button.dataset.snippet!]!));
  }
  document.addEventListener('media-insert', (event) => {
    const detail = (event as CustomEvent<{ kind: string; url: string; name: string }>).detail;
    insert({ text: mediaSnippet(detail), block: true });
  });
  for (const input of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea')) {
    if (input !== textarea) input.addEventListener('input', changed);
  }
  form.addEventListener('submit', (event) => {
    if ((event.submitter as HTMLButtonElement | null)?.formTarget === 'preview') return;
    event.preventDefault();
    clearTimeout(saveTimer);
    void save();
  });
  addEventListener('online', () => {
    if (readLocal()) void save();
  });

  const local = readLocal();
  if (local && JSON.stringify(local.fields) !== JSON.stringify(fields())) {
    const when = new Date(local.savedAt).toLocaleString('zh-CN', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
    const older = local.base !== base.value ? '（它基于较早的版本，服务器上的内容后来又改过）' : '';
    offer(`本机有 ${when} 尚未上传的修改${older}。`, [
      ['恢复本机的修改', () => {
        for (const [key, value] of Object.entries(local.fields)) {
          const input = form.elements.namedItem(key);
          if (key === 'body') view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
          else if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement || input instanceof HTMLTextAreaElement) input.value = value;
        }
        if (local.base !== base.value) base.value = local.base;
        void save();
      }],
      ['丢弃', clearLocal],
    ]);
  }
  void preview();
}
