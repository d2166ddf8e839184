/**
 * The suggestions shown in the editor, kept in a CodeMirror StateField so they move with the text:
 * every transaction maps them through its changes, and an edit touching one removes it (its range is
 * re-checked anyway). Dismissed suggestions are remembered by position the same way, so a re-check does
 * not bring them back; ignored words are filtered out everywhere.
 */
import { EditorState, StateEffect, StateField, type Transaction } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import { ignoreKey } from '../../../../electron/shared/ignored-words.ts';
import type { Suggestion, SuggestionKind, SuggestionSource } from '../../../../electron/shared/types.ts';

/** A suggestion placed in the current document. */
export interface LiveSuggestion {
  id: number;
  from: number;
  to: number;
  original: string;
  replacement: string;
  kind: SuggestionKind;
  /** Why: the dictionary's spelling, a typo fix, or the model's own writing (the popover says which). */
  source: SuggestionSource;
  confidence: number;
}

interface Dismissed {
  from: number;
  to: number;
  replacement: string;
}

export interface SuggestionState {
  /** Sorted by position, never overlapping. */
  items: readonly LiveSuggestion[];
  dismissed: readonly Dismissed[];
  ignored: ReadonlySet<string>;
}

/** Replace the suggestions inside [from, to] with `suggestions` (offsets relative to `from`). */
export const setSuggestions = StateEffect.define<{ from: number; to: number; suggestions: readonly Suggestion[] }>();
/** Remove one suggestion (it was accepted or became stale). */
export const removeSuggestion = StateEffect.define<number>();
/** Remove one suggestion and keep it from coming back. */
export const dismissSuggestion = StateEffect.define<number>();
/** The ignore list changed. */
export const setIgnoredWords = StateEffect.define<readonly string[]>();
/** Forget everything (new document, language change). */
export const clearSuggestions = StateEffect.define<null>();

let nextId = 1;


function mapRange<T extends { from: number; to: number }>(items: readonly T[], tr: Transaction): T[] {
  if (!tr.docChanged) return [...items];
  const kept: T[] = [];
  for (const item of items) {
    if (tr.changes.touchesRange(item.from, item.to)) continue;
    kept.push({ ...item, from: tr.changes.mapPos(item.from, 1), to: tr.changes.mapPos(item.to, -1) });
  }
  return kept;
}

function place(state: SuggestionState, from: number, to: number, suggestions: readonly Suggestion[], docLength: number): LiveSuggestion[] {
  const fresh: LiveSuggestion[] = [];
  for (const s of suggestions) {
    const start = from + s.span.start;
    const end = from + s.span.end;
    if (end > to || end > docLength || start >= end) continue;
    if (state.ignored.has(ignoreKey(s.original))) continue;
    if (state.dismissed.some((d) => d.from === start && d.to === end && d.replacement === s.replacement)) continue;
    fresh.push({ id: nextId++, from: start, to: end, original: s.original, replacement: s.replacement, kind: s.kind, source: s.source,
      confidence: s.confidence });
  }
  const outside = state.items.filter((item) => item.to <= from || item.from >= to);
  return [...outside, ...fresh].sort((a, b) => a.from - b.from);
}

/** The field holding the suggestions. */
export const suggestionField = StateField.define<SuggestionState>({
  create: () => ({ items: [], dismissed: [], ignored: new Set() }),
  update(value, tr) {
    let state: SuggestionState = { ...value, items: mapRange(value.items, tr), dismissed: mapRange(value.dismissed, tr) };
    for (const effect of tr.effects) {
      if (effect.is(setSuggestions)) {
        const { from, to, suggestions } = effect.value;
        state = { ...state, items: place(state, from, to, suggestions, tr.newDoc.length) };
      } else if (effect.is(removeSuggestion)) {
        state = { ...state, items: state.items.filter((item) => item.id !== effect.value) };
      } else if (effect.is(dismissSuggestion)) {
        const item = state.items.find((i) => i.id === effect.value);
        if (item) {
          state = {
            ...state,
            items: state.items.filter((i) => i.id !== item.id),
            dismissed: [...state.dismissed, { from: item.from, to: item.to, replacement: item.replacement }],
          };
        }
      } else if (effect.is(setIgnoredWords)) {
        const ignored = new Set(effect.value.map(ignoreKey));
        state = { ...state, ignored, items: state.items.filter((item) => !ignored.has(ignoreKey(item.original))) };
      } else if (effect.is(clearSuggestions)) {
        state = { ...state, items: [], dismissed: [] };
      }
    }
    return state;
  },
  provide: (field) => EditorView.decorations.from(field, (state) => decorate(state.items)),
});

const markCache = new Map<SuggestionKind, Decoration>();

function decorate(items: readonly LiveSuggestion[]): DecorationSet {
  return Decoration.set(items.map((item) => {
    let mark = markCache.get(item.kind);
    if (!mark) {
      mark = Decoration.mark({ class: `cm-suggestion cm-suggestion-${item.kind}`, attributes: { 'data-kind': item.kind } });
      markCache.set(item.kind, mark);
    }
    return mark.range(item.from, item.to);
  }));
}

/** The suggestions of a state. */
export function suggestionsOf(state: EditorState): readonly LiveSuggestion[] {
  return state.field(suggestionField).items;
}

/** The suggestion under `pos` (inclusive at both ends, so a cursor right after a word still finds it). */
export function suggestionAt(state: EditorState, pos: number): LiveSuggestion | undefined {
  return suggestionsOf(state).find((item) => item.from <= pos && pos <= item.to);
}
