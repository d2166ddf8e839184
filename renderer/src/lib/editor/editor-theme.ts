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
  // The keyboard popover IS a .cm-tooltip; the hover one sits inside a .cm-tooltip-hover wrapper, which is
  // made invisible. Either way the popover's colours must beat the base theme's .cm-tooltip rule.
  '.cm-tooltip.cm-tooltip-hover': { backgroundColor: 'transparent', border: 'none' },
  '.cm-tooltip.cm-suggestion-popover, .cm-tooltip-hover .cm-suggestion-popover': {
    backgroundColor: 'var(--popover-bg)',
    color: 'var(--fg)',
    border: '1px solid var(--border)',
    borderTop: '3px solid var(--diacritics)',
    borderRadius: '8px',
    boxShadow: 'var(--shadow)',
  },
  '.cm-tooltip.cm-suggestion-popover-spelling, .cm-tooltip-hover .cm-suggestion-popover-spelling': { borderTopColor: 'var(--spelling)' },
});
