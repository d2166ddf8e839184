/**
 * Editing commands over the suggestions. Each accept (one, or all at once) is a single transaction
 * isolated in the history, so one undo puts back exactly what it replaced.
 */
import { EditorSelection, Transaction, type ChangeSpec } from '@codemirror/state';
import { isolateHistory } from '@codemirror/commands';
import type { EditorView } from '@codemirror/view';
import type { Suggestion } from '../../../../electron/shared/types.ts';
import {
  dismissSuggestion,
  removeSuggestion,
  suggestionAt,
  suggestionsOf,
  type LiveSuggestion,
} from './suggestion-state.ts';

/** User-event name of accepted suggestions (visible to update listeners and the tests). */
export const ACCEPT_EVENT = 'input.suggestion';

function replace(view: EditorView, items: readonly LiveSuggestion[], cursorAfter: boolean): boolean {
  const live = items.filter((item) => view.state.sliceDoc(item.from, item.to) === item.original);
  if (live.length === 0) return false;
  const changes: ChangeSpec[] = live.map((item) => ({ from: item.from, to: item.to, insert: item.replacement }));
  const changeSet = view.state.changes(changes);
  const last = live.at(-1)!;
  view.dispatch({
    changes: changeSet,
    effects: live.map((item) => removeSuggestion.of(item.id)),
    selection: cursorAfter ? EditorSelection.cursor(changeSet.mapPos(last.to, 1)) : undefined,
    annotations: [isolateHistory.of('full'), Transaction.userEvent.of(ACCEPT_EVENT)],
    scrollIntoView: cursorAfter,
  });
  return true;
}

/** Applies one suggestion. */
export function acceptSuggestion(view: EditorView, id: number): boolean {
  const item = suggestionsOf(view.state).find((i) => i.id === id);
  return item ? replace(view, [item], true) : false;
}

/** Applies every suggestion in the document as one undo step. */
export function acceptAll(view: EditorView): boolean {
  return replace(view, suggestionsOf(view.state), false);
}

/** Drops one suggestion for good (until its text changes). */
export function dismiss(view: EditorView, id: number): boolean {
  view.dispatch({ effects: dismissSuggestion.of(id) });
  return true;
}

/** Accepts the suggestion at the cursor (keyboard). */
export function acceptAtCursor(view: EditorView): boolean {
  const item = suggestionAt(view.state, view.state.selection.main.head);
  return item ? acceptSuggestion(view, item.id) : false;
}

/** Dismisses the suggestion at the cursor (keyboard). */
export function dismissAtCursor(view: EditorView): boolean {
  const item = suggestionAt(view.state, view.state.selection.main.head);
  return item ? dismiss(view, item.id) : false;
}

/** Selects the next (or previous) suggestion after the cursor, wrapping around; its popover opens. */
export function gotoSuggestion(view: EditorView, direction: 1 | -1): boolean {
  const items = suggestionsOf(view.state);
  if (items.length === 0) return false;
  const { from, to } = view.state.selection.main;
  const target = direction === 1
    ? items.find((item) => item.from > from || (item.from === from && item.to !== to)) ?? items[0]!
    : [...items].reverse().find((item) => item.from < from) ?? items.at(-1)!;
  view.dispatch({ selection: EditorSelection.range(target.from, target.to), scrollIntoView: true });
  view.focus();
  return true;
}

/**
 * Applies suggestions computed for the whole document (Fix all) as one undo step. Suggestions whose text
 * no longer matches are skipped; `keep` filters (ignored words).
 */
export function applyDocumentSuggestions(view: EditorView, suggestions: readonly Suggestion[], keep: (s: Suggestion) => boolean): number {
  const doc = view.state.doc;
  const changes = suggestions
    .filter((s) => keep(s) && s.span.end <= doc.length && doc.sliceString(s.span.start, s.span.end) === s.original)
    .sort((a, b) => a.span.start - b.span.start)
    .filter((s, i, all) => i === 0 || s.span.start >= all[i - 1]!.span.end)
    .map((s) => ({ from: s.span.start, to: s.span.end, insert: s.replacement }));
  if (changes.length === 0) return 0;
  view.dispatch({ changes, annotations: [isolateHistory.of('full'), Transaction.userEvent.of(ACCEPT_EVENT)] });
  return changes.length;
}
