/**
 * The editor's look, as a CodeMirror theme so it wins over the base theme's scoped rules. Colours come
 * from the CSS variables in app.css, so light/dark switching needs no reconfiguration.
 */
import { EditorView } from '@codemirror/view';

export const editorTheme = EditorView.theme({
  '&': {
    flex: '1',
    height: '100%',
    backgroundColor: 'var(--bg)',
    color: 'var(--fg)',
    fontSize: '1.1rem',
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--text)', lineHeight: '1.6' },
  '.cm-content': {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '48rem',
    margin: '0 auto',
    padding: '1.2rem 1.5rem 4rem',
    caretColor: 'var(--fg)',
  },
  '.cm-line': { padding: '0' },
  '.cm-activeLine': { backgroundColor: 'transparent' },
  '.cm-placeholder': { color: 'var(--muted)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': {
    backgroundColor: 'var(--selection)',
  },
  '.cm-tooltip': { backgroundColor: 'transparent', border: 'none' },
});
