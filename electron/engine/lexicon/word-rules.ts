/**
 * The word rules every lexicon user shares (decoding, the eval's baselines, the builder's Python twin in
 * models/training/corpus/lexicon.py): lowercasing with the Turkish dotted and dotless i, and the key of a word.
 */
import type { LanguageCode } from '../../shared/types.ts';
import { stripDiacritics } from '../noise/index.ts';

/** Lowercase with the Turkish/Azeri dotted and dotless i (as lexicon.py's lower()). */
export function lowerFor(text: string, lang: LanguageCode): string {
  return lang === 'tr' ? text.replace(/İ/g, 'i').replace(/I/g, 'ı').toLowerCase() : text.toLowerCase();
}

/** Uppercase with the Turkish dotted and dotless i. */
export function upperFor(text: string, lang: string): string {
  return lang === 'tr' ? text.toLocaleUpperCase('tr') : text.toUpperCase();
}

/** The lexicon key of a word: lowercased, stripped, lowercased again (ı and İ strip to i and I). */
export function lexiconKey(word: string, lang: LanguageCode): string {
  return lowerFor(stripDiacritics(lowerFor(word, lang), lang), lang);
}
