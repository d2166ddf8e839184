/**
 * The classic diacritics baseline: every word becomes the most frequent attested form of its key in the
 * language's complete lexicon (the same models/lexicon/<lang>.lex.br the product reads), with the writer's
 * capitalisation and the surrounding punctuation kept. A word whose key has no attested form stays as typed.
 */
import type { Lexicon } from '../../engine/lexicon/lexicon.ts';
import { lexiconKey } from '../../engine/lexicon/word-rules.ts';
import type { LanguageCode } from '../../shared/types.ts';
import { applyCase, rewriteLetterRuns, rewriteWords } from './word-case.ts';

/** The part of the lexicon the baseline needs (Lexicon.best). */
export type BestForm = Pick<Lexicon, 'best'>;

/** Returns a function that restores the diacritics of one text with `lexicon`. */
export function createUnigramRestorer(lexicon: BestForm, lang: LanguageCode): (text: string) => string {
  const lookup = (word: string): string | undefined => {
    const form = lexicon.best(lexiconKey(word, lang));
    return form === undefined ? undefined : applyCase(word, form, lang);
  };
  // A compound the lexicon does not list as a whole ("d'ete") is looked up letter run by letter run.
  return (text) =>
    rewriteWords(text.normalize('NFC'), (word) => lookup(word) ?? rewriteLetterRuns(word, (run) => lookup(run) ?? run));
}
