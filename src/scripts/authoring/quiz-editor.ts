/**
 * Quiz bank editor (browser side): quiz.yaml in CodeMirror with YAML highlighting, saved as typed
 * (draft-sync); the server's answer lists the bank's problems, shown under the editor.
 */
import { yaml } from '@codemirror/lang-yaml';
import { codeEditorFor, replaceDoc } from './code-editor.ts';
import { formFields, startDraftSync } from './draft-sync.ts';

interface Problem {
  line?: number;
  message: string;
}

const form = document.querySelector<HTMLFormElement>('[data-quiz-editor]');
if (form) {
  const { course, userId } = form.dataset as Record<string, string>;
  const textarea = form.querySelector<HTMLTextAreaElement>('textarea[name="yaml"]')!;
  const list = document.querySelector<HTMLElement>('[data-quiz-problems]')!;
  const view = codeEditorFor(textarea, '测验题库（YAML）', [yaml()], () => sync.changed());
  const sync = startDraftSync({
    form,
    storageKey: `jt-quiz:${userId}:${course}`,
    saveUrl: `/api/v1/authoring/courses/${encodeURIComponent(course)}/draft/quiz`,
    fields: () => formFields(form),
    restore: (values) => replaceDoc(view, values.yaml ?? ''),
    payload: (data) => ({ yaml: data.yaml?.trim() ? data.yaml : null }),
    onSaved: (answer) => {
      const problems = (answer.problems ?? []) as Problem[];
      list.replaceChildren(
        ...(problems.length
          ? problems.map((p) => Object.assign(document.createElement('li'), { textContent: `${p.line ? `第 ${p.line} 行：` : ''}${p.message}` }))
          : [Object.assign(document.createElement('li'), { textContent: '题库格式正确。', className: 'ok' })]),
      );
    },
  });
}
