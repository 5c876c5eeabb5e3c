import { EditorState, type Extension } from '@codemirror/state';
import { placeholder } from '@codemirror/view';
import { basicSetup, EditorView } from 'codemirror';

/**
 * Replaces a textarea with a CodeMirror 6 editor (wrapped lines for Chinese prose, the basic key
 * bindings, search, undo); the textarea stays in the form, hidden, and is kept in step on every
 * change so the form still posts the text. The textarea's placeholder shows while the editor is empty.
 */
export function codeEditorFor(textarea: HTMLTextAreaElement, label: string, extensions: Extension[], onChange: () => void): EditorView {
  const host = document.createElement('div');
  host.className = 'cm-host';
  textarea.before(host);
  textarea.hidden = true;
  return new EditorView({
    doc: textarea.value,
    parent: host,
    extensions: [
      basicSetup,
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': label, lang: 'zh-CN' }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        textarea.value = update.state.doc.toString();
        onChange();
      }),
      ...(textarea.placeholder ? [placeholder(textarea.placeholder)] : []),
      // A frozen version (submitted for review) is shown, not edited.
      ...(textarea.matches(':disabled') ? [EditorState.readOnly.of(true), EditorView.editable.of(false)] : []),
      ...extensions,
    ],
  });
}

export function replaceDoc(view: EditorView, text: string) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}
