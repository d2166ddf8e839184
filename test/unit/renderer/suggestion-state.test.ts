import { EditorState, type TransactionSpec } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import {
  clearSuggestions, dismissSuggestion, removeSuggestion, setIgnoredWords, setSuggestions, suggestionAt, suggestionField, suggestionsOf,
} from '../../../renderer/src/lib/editor/suggestion-state.ts';
import type { Suggestion } from '../../../electron/shared/types.ts';

const suggestion = (text: string, original: string, replacement: string, from = 0): Suggestion => {
  const start = text.indexOf(original, from);
  return { span: { start, end: start + original.length }, original, replacement, kind: 'diacritics', source: 'lexicon', confidence: 0.9 };
};

function stateWith(text: string, suggestions: Suggestion[], offset = 0) {
  const state = EditorState.create({ doc: text, extensions: [suggestionField] });
  return state.update({ effects: setSuggestions.of({ from: offset, to: text.length, suggestions }) }).state;
}

const apply = (state: EditorState, spec: TransactionSpec) => state.update(spec).state;
const words = (state: EditorState) => suggestionsOf(state).map((s) => `${state.sliceDoc(s.from, s.to)}→${s.replacement}`);

const text = 'Siandien labai grazus oras';
const both = [suggestion(text, 'Siandien', 'Šiandien'), suggestion(text, 'grazus', 'gražus')];

describe('suggestions in the document', () => {
  it('are placed at their spans, in order', () => {
    expect(words(stateWith(text, both))).toEqual(['Siandien→Šiandien', 'grazus→gražus']);
  });

  it('move with edits before them', () => {
    const state = apply(stateWith(text, both), { changes: { from: 10, insert: 'labai ' } });
    expect(state.doc.toString()).toBe('Siandien llabai abai grazus oras');
    expect(words(state)).toEqual(['Siandien→Šiandien', 'grazus→gražus']);
  });

  it('typing right against a word drops its suggestion (the word is changing)', () => {
    const state = apply(stateWith(text, both), { changes: { from: 0, insert: 'X' } });
    expect(words(state)).toEqual(['grazus→gražus']);
  });

  it('disappear when the edit touches them (the paragraph is re-checked anyway)', () => {
    const state = apply(stateWith(text, both), { changes: { from: 16, to: 17, insert: 'X' } });
    expect(words(state)).toEqual(['Siandien→Šiandien']);
  });

  it('a new answer replaces only the suggestions of its range', () => {
    const state = stateWith(text, both);
    const next = apply(state, { effects: setSuggestions.of({ from: 9, to: text.length, suggestions: [{ ...suggestion(text, 'oras', 'óras'), span: { start: 13, end: 17 } }] }) });
    expect(words(next)).toEqual(['Siandien→Šiandien', 'oras→óras']);
  });

  it('answers with spans outside their range are ignored', () => {
    const state = apply(EditorState.create({ doc: text, extensions: [suggestionField] }), {
      effects: setSuggestions.of({ from: 0, to: 5, suggestions: [suggestion(text, 'grazus', 'gražus')] }),
    });
    expect(suggestionsOf(state)).toEqual([]);
  });

  it('a dismissed suggestion does not come back with the next answer, even after edits elsewhere', () => {
    let state = stateWith(text, both);
    state = apply(state, { effects: dismissSuggestion.of(suggestionsOf(state)[1]!.id) });
    state = apply(state, { changes: { from: 0, insert: '>> ' } });
    const shifted = 'Siandien labai grazus oras';
    state = apply(state, { effects: setSuggestions.of({ from: 3, to: state.doc.length, suggestions: [suggestion(shifted, 'Siandien', 'Šiandien'), suggestion(shifted, 'grazus', 'gražus')] }) });
    expect(words(state)).toEqual(['Siandien→Šiandien']);
  });

  it('ignored words are dropped now and filtered from later answers, whatever their case', () => {
    let state = apply(stateWith(text, both), { effects: setIgnoredWords.of(['SIANDIEN']) });
    expect(words(state)).toEqual(['grazus→gražus']);
    state = apply(state, { effects: setSuggestions.of({ from: 0, to: text.length, suggestions: both }) });
    expect(words(state)).toEqual(['grazus→gražus']);
  });

  it('remove and clear', () => {
    let state = stateWith(text, both);
    state = apply(state, { effects: removeSuggestion.of(suggestionsOf(state)[0]!.id) });
    expect(words(state)).toEqual(['grazus→gražus']);
    state = apply(state, { effects: clearSuggestions.of(null) });
    expect(words(state)).toEqual([]);
  });

  it('suggestionAt finds the suggestion under or right after the cursor', () => {
    const state = stateWith(text, both);
    expect(suggestionAt(state, 15)?.original).toBe('grazus');
    expect(suggestionAt(state, 21)?.original).toBe('grazus');
    expect(suggestionAt(state, 11)).toBeUndefined();
  });

  it('offsets are UTF-16: a suggestion after an emoji lands on the right word', () => {
    const withEmoji = '👩‍👩‍👧 grazus';
    const state = stateWith(withEmoji, [suggestion(withEmoji, 'grazus', 'gražus')]);
    expect(words(state)).toEqual(['grazus→gražus']);
  });
});
