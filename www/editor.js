// The code editor: CodeMirror 6 with Python support, behind a small API the
// Rust UI calls through wasm-bindgen (src/ui/web/bridge.rs).
import { EditorView, basicSetup } from 'codemirror';
import { python } from '@codemirror/lang-python';
import { keymap, Decoration } from '@codemirror/view';
import { indentWithTab } from '@codemirror/commands';
import { EditorState, Compartment, Prec, StateEffect, StateField } from '@codemirror/state';
import { setDiagnostics, lintGutter } from '@codemirror/lint';
import { HighlightStyle, syntaxHighlighting, defaultHighlightStyle } from '@codemirror/language';
import { tags } from '@lezer/highlight';

/** Whether the page shows its dark theme (www/index.html keeps data-theme on <html>). */
function pageIsDark() {
  return document.documentElement.dataset.theme === 'dark';
}

/** The editor's frame in the page's colours (CSS variables), gutter included. */
const pageColours = EditorView.theme({
  '&': { backgroundColor: 'var(--panel)', color: 'var(--text)' },
  '.cm-content': { caretColor: 'var(--text)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)', color: 'var(--text)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'var(--selection)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--text)', border: '1px solid var(--border)' },
  '.cm-panels': { backgroundColor: 'var(--code-bg)', color: 'var(--text)' },
  '.cm-step-line': { backgroundColor: 'var(--step-line)', outline: '1px solid var(--accent)' },
});

/** Syntax colours readable on the dark background. */
const darkHighlight = HighlightStyle.define([
  { tag: tags.keyword, color: '#c792ea' },
  { tag: [tags.name, tags.deleted, tags.character, tags.macroName], color: '#e6e9ef' },
  { tag: [tags.function(tags.variableName), tags.labelName], color: '#82aaff' },
  { tag: [tags.definition(tags.name), tags.separator], color: '#e6e9ef' },
  { tag: [tags.className, tags.typeName], color: '#ffcb6b' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: '#f78c6c' },
  { tag: [tags.string, tags.special(tags.string)], color: '#c3e88d' },
  { tag: [tags.operator, tags.operatorKeyword], color: '#89ddff' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: '#8a94a6', fontStyle: 'italic' },
  { tag: tags.invalid, color: '#ff8a80' },
]);

function themeFor(dark) {
  return [
    EditorView.theme({}, { dark }),
    // Not a fallback: it takes precedence over the light default basicSetup brings.
    syntaxHighlighting(dark ? darkHighlight : defaultHighlightStyle),
  ];
}

/** The line a step-through is on: highlighted, with a marker for screen readers. */
const stepLineEffect = StateEffect.define();
const stepLineMark = Decoration.line({ class: 'cm-step-line', attributes: { 'aria-current': 'step' } });
const stepLine = StateField.define({
  create: () => Decoration.none,
  update(marks, tr) {
    marks = marks.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(stepLineEffect)) continue;
      const line = e.value;
      marks = line > 0 && line <= tr.state.doc.lines
        ? Decoration.set([stepLineMark.range(tr.state.doc.line(line).from)])
        : Decoration.none;
    }
    return marks;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/**
 * Creates an editor in `parent`. `onChange(text)` runs on every edit,
 * `onRun()` on Ctrl/Cmd+Enter, `onSubmit()` on Ctrl/Cmd+Shift+Enter.
 * `language` is "python" or "text".
 */
export function createEditor(parent, doc, label, language, onChange, onRun, onSubmit) {
  const lang = new Compartment();
  const theme = new Compartment();
  const keys = Prec.highest(keymap.of([
    { key: 'Mod-Enter', run: () => { onRun(); return true; } },
    { key: 'Shift-Mod-Enter', run: () => { onSubmit(); return true; } },
    // Work is saved as it is typed: Ctrl/Cmd+S only keeps the browser's dialog away.
    { key: 'Mod-s', run: () => true, preventDefault: true },
    // Escape leaves the editor (Tab indents inside it), for keyboard users.
    { key: 'Escape', run: (view) => { view.contentDOM.blur(); return true; } },
  ]));
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc,
      extensions: [
        keys,
        basicSetup,
        lintGutter(),
        stepLine,
        keymap.of([indentWithTab]),
        lang.of(language === 'python' ? python() : []),
        pageColours,
        theme.of(themeFor(pageIsDark())),
        EditorState.tabSize.of(4),
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  // Follow the page's theme as it changes (the header's choice, or the system's).
  let dark = pageIsDark();
  const observer = new MutationObserver(() => {
    if (pageIsDark() === dark) return;
    dark = pageIsDark();
    view.dispatch({ effects: theme.reconfigure(themeFor(dark)) });
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  view.stopFollowingTheme = () => observer.disconnect();
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

/** Highlights a 1-based line as the step-through's current one (0: none) and scrolls to it. */
export function setStepLine(view, line) {
  const effects = [stepLineEffect.of(line)];
  if (line > 0 && line <= view.state.doc.lines) {
    effects.push(EditorView.scrollIntoView(view.state.doc.line(line).from, { y: 'center' }));
  }
  view.dispatch({ effects });
}

export function destroyEditor(view) {
  if (view.stopFollowingTheme) view.stopFollowingTheme();
  view.destroy();
}

/**
 * Marks problems in the code: `problems` is a list of
 * `{ line, column, message, severity }` (1-based line and column; column 0
 * marks the whole line). An empty list clears them.
 */
export function setProblems(view, problems) {
  const doc = view.state.doc;
  const diagnostics = problems.map((p) => {
    const line = doc.line(Math.max(1, Math.min(p.line, doc.lines)));
    let from = line.from;
    let to = line.to;
    if (p.column > 0) {
      from = Math.min(line.from + p.column - 1, line.to);
      // The word (or character) at the column, at least one character wide.
      const rest = doc.sliceString(from, line.to);
      const word = /^\w+/.exec(rest);
      to = Math.min(line.to, from + (word ? word[0].length : 1));
      if (to === from && from > line.from) from -= 1;
    }
    if (to === from) to = Math.min(doc.length, from + 1);
    return { from, to, severity: p.severity || 'error', message: p.message };
  });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}
