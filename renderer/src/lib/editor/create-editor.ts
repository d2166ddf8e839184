/**
 * Builds the CodeMirror view of the editor: history, the suggestion field and its popover, the live
 * checker, the keymap and a read-only switch (used while Fix all runs).
 */
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  EditorView, drawSelection, highlightSpecialChars, keymap, placeholder, type KeyBinding,
} from '@codemirror/view';
import { editorTheme } from './editor-theme.ts';
import { liveChecker, type CheckerHost } from './live-checker.ts';
import { acceptAll, acceptAtCursor, gotoSuggestion } from './suggestion-commands.ts';
import { closePopover, focusPopover, suggestionPopover } from './suggestion-popover.ts';
import { setIgnoredWords, suggestionField } from './suggestion-state.ts';

export interface EditorOptions {
  parent: HTMLElement;
  doc: string;
  checker: CheckerHost;
  onIgnore(word: string): void;
  ignoredWords(): readonly string[];
  /** The text or the suggestions changed. */
  onChange(view: EditorView): void;
  /** Window-level commands bound in the editor too, so they work while typing. */
  extraKeys: readonly KeyBinding[];
  /** CSP nonce for CodeMirror's injected <style>. */
  nonce: string;
  acceptKey: string;
}

/** Key bindings of the suggestion workflow (documented in the README). */
export const suggestionKeys: readonly KeyBinding[] = [
  { key: 'F8', run: (view) => gotoSuggestion(view, 1) },
  { key: 'Shift-F8', run: (view) => gotoSuggestion(view, -1) },
  { key: 'Alt-Enter', run: acceptAtCursor },
  { key: 'Mod-.', run: focusPopover },
  { key: 'Mod-Shift-Enter', run: acceptAll },
  { key: 'Escape', run: closePopover },
];

/** A created editor with its handles. */
export interface EditorHandle {
  view: EditorView;
  setReadOnly(readOnly: boolean): void;
  /** Resumes checking now (engine ready again, unpaused). */
  nudge(): void;
  /** Ranges still waiting for a check. */
  pending(): number;
  /** Replaces the whole document with a fresh state (new or opened file): history starts over. */
  reset(doc: string): void;
}

/** Creates the editor inside `options.parent`. */
export function createEditor(options: EditorOptions): EditorHandle {
  const readOnly = new Compartment();
  const checker = liveChecker(options.checker);
  const extensions = (): Extension[] => [
    EditorView.cspNonce.of(options.nonce),
    editorTheme,
    history(),
    drawSelection(),
    highlightSpecialChars(),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': 'Document', spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off' }),
    placeholder('Type or paste text here. Suggestions appear as you write.'),
    suggestionPopover({ onIgnore: options.onIgnore, acceptKey: options.acceptKey }),
    checker.extension,
    readOnly.of(EditorState.readOnly.of(false)),
    // A dropped file is opened as the document by the window's handler (through main, by its path).
    // CodeMirror's own file drop would also insert the browser's copy of its text, whenever its read ends.
    EditorView.domEventHandlers({ drop: (event) => Boolean(event.dataTransfer?.files.length) }),
    // Tab is left alone so keyboard users can leave the editor with it.
    keymap.of([...options.extraKeys, ...suggestionKeys, ...historyKeymap, ...defaultKeymap]),
    EditorView.updateListener.of((update) => {
      if (update.docChanged || update.startState.field(suggestionField) !== update.state.field(suggestionField)) {
        options.onChange(update.view);
      }
    }),
  ];
  const view = new EditorView({ parent: options.parent, state: EditorState.create({ doc: options.doc, extensions: extensions() }) });
  const applyIgnored = () => view.dispatch({ effects: setIgnoredWords.of(options.ignoredWords()) });
  applyIgnored();
  return {
    view,
    setReadOnly: (value) => view.dispatch({ effects: readOnly.reconfigure(EditorState.readOnly.of(value)) }),
    nudge: () => checker.nudge(view),
    pending: () => checker.pending(view),
    reset: (doc) => {
      view.setState(EditorState.create({ doc, extensions: extensions() }));
      applyIgnored();
      options.onChange(view);
    },
  };
}
