/**
 * The classic diacritics baseline: every word becomes the most frequent diacritised form of its stripped
 * spelling, with the writer's capitalisation and the surrounding punctuation kept.
 */
import { stripDiacritics } from '../../engine/noise/index.ts';
import type { LanguageCode } from '../../shared/types.ts';
import type { Lexicon } from './lexicon.ts';
import { applyCase, rewriteLetterRuns, rewriteWords } from './word-case.ts';

/** Returns a function that restores the diacritics of one text with `lexicon`. */
export function createUnigramRestorer(lexicon: Lexicon, lang: LanguageCode): (text: string) => string {
  const lookup = (word: string): string | undefined => {
    const form = lexicon.get(stripDiacritics(word, lang).toLowerCase());
    return form === undefined ? undefined : applyCase(word, form, lang);
  };
  return (text) =>
    rewriteWords(text.normalize('NFC'), (word) => lookup(word) ?? rewriteLetterRuns(word, (run) => lookup(run) ?? run));
}
