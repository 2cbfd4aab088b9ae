// The code editor: CodeMirror 6 with Python support, behind a small API the
// Rust UI calls through wasm-bindgen (src/ui/editor.rs).
import { EditorView, basicSetup } from 'codemirror';
import { python } from '@codemirror/lang-python';
import { keymap } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';
import { EditorState, Compartment, Prec } from '@codemirror/state';

/**
 * Creates an editor in `parent`. `onChange(text)` runs on every edit,
 * `onRun()` on Ctrl/Cmd+Enter, `onSubmit()` on Ctrl/Cmd+Shift+Enter.
 * `language` is "python" or "text".
 */
export function createEditor(parent, doc, label, language, onChange, onRun, onSubmit) {
  const lang = new Compartment();
  const keys = Prec.highest(keymap.of([
    { key: 'Mod-Enter', run: () => { onRun(); return true; } },
    { key: 'Shift-Mod-Enter', run: () => { onSubmit(); return true; } },
  ]));
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        keys,
        basicSetup,
        keymap.of([indentWithTab]),
        lang.of(language === 'python' ? python() : []),
        EditorState.tabSize.of(4),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return view;
}

/** Replaces the whole text, keeping the cursor where it can be. */
export function setDoc(view, doc) {
  if (view.state.doc.toString() === doc) return;
  const head = Math.min(view.state.selection.main.head, doc.length);
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: doc }, selection: { anchor: head } });
}

export function getDoc(view) {
  return view.state.doc.toString();
}

export function focusEditor(view) {
  view.focus();
}

/** Moves the cursor to a 1-based line, e.g. the line of an error. */
export function goToLine(view, line) {
  const n = Math.max(1, Math.min(line, view.state.doc.lines));
  const pos = view.state.doc.line(n).from;
  view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
  view.focus();
}

export function destroyEditor(view) {
  view.destroy();
}
