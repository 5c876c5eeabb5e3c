/**
 * Lesson editor (browser side), loaded only on /authoring/<course>/lessons/<lesson>. The page works
 * without it (a plain form and a preview button); with it the body is edited in CodeMirror 6 with a
 * toolbar for the lesson components, problems are marked at their line and column as the server's
 * safe compiler finds them, the preview follows the typing, and the draft saves itself (draft-sync).
 */
import { markdown } from '@codemirror/lang-markdown';
import { type Diagnostic, linter, lintGutter } from '@codemirror/lint';
import type { EditorView } from 'codemirror';
import { codeEditorFor, replaceDoc } from './code-editor.ts';
import { formFields, setFormValues, startDraftSync } from './draft-sync.ts';
import { mediaSnippet, SNIPPETS, type Snippet } from './snippets.ts';

const PREVIEW_AFTER_MS = 700;

const form = document.querySelector<HTMLFormElement>('[data-lesson-editor]');
if (form) start(form);

function start(form: HTMLFormElement) {
  const { course, lesson, userId } = form.dataset as Record<string, string>;
  const textarea = form.querySelector<HTMLTextAreaElement>('textarea[name="body"]')!;
  const frame = document.querySelector<HTMLIFrameElement>('iframe[name="preview"]')!;
  let previewTimer: ReturnType<typeof setTimeout> | undefined;

  const view = codeEditorFor(textarea, '课节正文（MDX）', [markdown(), lintGutter(), linter(checkOnServer, { delay: 800 })], () => changed());
  const sync = startDraftSync({
    form,
    storageKey: `jt-lesson:${userId}:${course}/${lesson}`,
    saveUrl: `/api/v1/authoring/courses/${encodeURIComponent(course)}/draft/lessons/${encodeURIComponent(lesson)}`,
    fields: () => formFields(form),
    restore: (values) => {
      setFormValues(form, values, ['body']);
      if (values.body !== undefined) replaceDoc(view, values.body);
    },
    payload,
  });

  function changed() {
    sync.changed();
    clearTimeout(previewTimer);
    previewTimer = setTimeout(() => void preview(), PREVIEW_AFTER_MS);
  }

  async function preview() {
    try {
      const response = await fetch('/authoring/preview', { method: 'POST', body: new URLSearchParams(formFields(form)) });
      if (response.ok) frame.srcdoc = await response.text();
    } catch {
      // Offline: the preview waits for the next change; the draft is kept locally meanwhile.
    }
  }

  async function checkOnServer(editor: EditorView): Promise<Diagnostic[]> {
    try {
      const response = await fetch('/api/v1/authoring/check', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ body: editor.state.doc.toString() }),
      });
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
    const lead = snippet.block && from > view.state.doc.lineAt(from).from ? '\n\n' : '';
    const start = from + lead.length + before.length;
    view.dispatch({
      changes: { from, to, insert: lead + before + middle + after + (snippet.block ? '\n' : '') },
      selection: { anchor: start, head: start + middle.length },
      scrollIntoView: true,
    });
    view.focus();
  }

  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-snippet]')) {
    button.addEventListener('click', () => insert(SNIPPETS[button.dataset.snippet!]!));
  }
  document.addEventListener('media-insert', (event) => {
    insert({ text: mediaSnippet((event as CustomEvent<{ kind: string; url: string; name: string }>).detail), block: true });
  });
  for (const input of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input:not([type=hidden]), select')) input.addEventListener('input', changed);
  void preview();
}

/** The lesson as the API takes it. */
function payload(data: Record<string, string>): Record<string, unknown> {
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
  return { title: data.title ?? '', minutes: Number(data.minutes || 0), summary: data.summary ?? '', media, body: data.body ?? '' };
}
