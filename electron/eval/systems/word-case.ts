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

/** Gives the (lowercase) `form` the capitalisation of `source` (the engine's rule, so both write words alike). */
export { applyCase } from '../../engine/lexicon/lexicon-plan.ts';
