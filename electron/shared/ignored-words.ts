/**
 * The ignore list's one notion of a word, for the editor, the clipboard fix, the local server and the settings. What
 * the user ignores is the word: an entry saved with punctuation ("vazno.", as suggestions covered it before they left
 * shared punctuation out), or a suggestion whose punctuation changes ("zolw." -> "żółw,"), still keeps "vazno," and
 * "Vazno" from being flagged.
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
