/** The ignore list's notion of a word (ignored-words.ts): a suggestion's original, without the punctuation around it. */
import { describe, expect, it } from 'vitest';
import { ignoreKey, ignoredWord } from '../../../electron/shared/ignored-words.ts';

describe('ignoredWord and ignoreKey', () => {
  it.each([
    ['vazno.', 'vazno', 'vazno'],
    ['„Sejdiu",', 'Sejdiu', 'sejdiu'],
    ['(Siandien)', 'Siandien', 'siandien'],
    ['¿Qud?!', 'Qud', 'qud'],
    // punctuation inside a word is the word's
    ["l'homme.", "l'homme", "l'homme"],
    ['co-op', 'co-op', 'co-op'],
    // only punctuation: kept as typed, never an empty entry
    ['...', '...', '...'],
    ['  Vazno  ', 'Vazno', 'vazno'],
  ])('%j -> %j, %j', (original, word, key) => {
    expect([ignoredWord(original), ignoreKey(original)]).toEqual([word, key]);
  });
});
