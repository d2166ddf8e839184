/**
 * Word-level rewriting shared by the dictionary baselines: find the words inside a text, replace each,
 * and carry the writer's capitalisation over to the replacement.
 */

/** A word: letters (with their combining marks), optionally joined by an apostrophe or hyphen. */
const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
const LETTER_RUN = /[\p{L}\p{M}]+/gu;

/** Replaces every word of `text` by `replace(word)`; spaces, punctuation and digits are kept verbatim. */
export function rewriteWords(text: string, replace: (word: string) => string): string {
  return text.replace(WORD, (word) => replace(word));
}

/** Replaces each letter run of a compound word ("l'ete", "rusko-cesky") by `replace(run)`. */
export function rewriteLetterRuns(word: string, replace: (run: string) => string): string {
  return word.replace(LETTER_RUN, (run) => replace(run));
}

function upper(text: string, lang: string): string {
  // Only Turkish-family casing differs from the default in a way that matters here (i -> İ).
  return lang === 'tr' ? text.toLocaleUpperCase('tr') : text.toUpperCase();
}

function isUpper(char: string): boolean {
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

/**
 * Gives the (lowercase) `form` the capitalisation of `source`: letter by letter when both have the same
 * length, else all-caps or a capital first letter when the source has that pattern.
 */
export function applyCase(source: string, form: string, lang: string): string {
  const sourceChars = [...source];
  if (!sourceChars.some(isUpper)) return form;
  const formChars = [...form];
  if (formChars.length === sourceChars.length) {
    return formChars.map((char, i) => (isUpper(sourceChars[i]!) ? upper(char, lang) : char)).join('');
  }
  const letters = sourceChars.filter((char) => /\p{L}/u.test(char));
  if (letters.length > 1 && letters.every(isUpper)) return upper(form, lang);
  return isUpper(sourceChars[0]!) ? upper(formChars[0] ?? '', lang) + formChars.slice(1).join('') : form;
}
