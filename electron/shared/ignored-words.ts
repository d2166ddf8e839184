/**
 * The ignore list's one notion of a word. A suggestion covers a whole whitespace-separated word of the text, with
 * the punctuation typed against it ("vazno." -> "važno."), but what the user ignores is the word: "vazno." ignored
 * must also keep "vazno," and "Vazno" from being flagged (the editor, the clipboard fix and the local server alike).
 */

/** Punctuation at either end of a word. */
const OUTER_PUNCTUATION = /^\p{P}+|\p{P}+$/gu;

/** The word of a suggestion's original without the punctuation around it, as written: what "Ignore" names. */
export function ignoredWord(original: string): string {
  const word = original.trim().replace(OUTER_PUNCTUATION, '');
  return word.length > 0 ? word : original.trim();
}

/** How ignored words compare: the word, lowercase ("Vazno." and "vazno," are one entry). */
export function ignoreKey(original: string): string {
  return ignoredWord(original).toLowerCase();
}
