/**
 * The likeliest diacritics of an unknown word's ending under a letter model of the language's words as written
 * (spelling-model.ts, <lang>.spelled.br): "Parryova" -> "Parryová", "Thunbergove" -> "Thunbergové", "Wanguv" ->
 * "Wangův". A word the lexicon lacks is mostly a name or a rare derivation whose stem the language's letters
 * do not predict (a foreign name keeps its letters), but whose ending is the language's own inflection; so only the
 * vowels of the last few letters are respelled.
 */
import type { LanguageCode } from '../../shared/types.ts';
import { languageLetters } from '../decoding/draft-align.ts';
import { lowerFor, upperFor } from '../lexicon/word-rules.ts';
import { isVowel } from './ngram-model.ts';

/** One spelling of a word and its ln P under the letter model. */
export interface ScoredSpelling {
  text: string;
  logProb: number;
}

/** Hypotheses kept per letter: the letters of an ending rarely leave more than a few likely spellings. */
const BEAM = 8;

/**
 * The spellings of `word` (letters only, no diacritics typed) that differ from it at most in its last `letters`
 * letters, each such vowel as typed or one of its language's letters with diacritics, best first by the model's ln
 * P of the whole lowercase word (the word as typed among them, wherever it ranks); in the writer's case. A beam over
 * the ending's letters, left to right, each step scoring whole words (the letters not yet decided as typed).
 */
export function endingSpellings(word: string, lang: LanguageCode, model: { logProb(word: string): number },
  letters: number): ScoredSpelling[] {
  const chars = [...word];
  const lower = [...lowerFor(word, lang)];
  if (lower.length !== chars.length) return [{ text: word, logProb: model.logProb(lowerFor(word, lang)) }];
  const typed = { letters: lower, logProb: model.logProb(lower.join('')) };
  let beam = [typed];
  for (let i = Math.max(0, chars.length - letters); i < chars.length; i++) {
    // Only vowels: inflection lengthens or changes them ("-ova" -> "-ová", "-uv" -> "-ův"); a consonant's háček
    // belongs to the stem, and a foreign name's final consonant keeps none ("Walmart" had become "Walmarť",
    // "Petronas" "Petronáš": cs news, bench/lexicon-decoding/REPORT.md, session 22).
    const variants = isVowel(lower[i]!) ? languageLetters(lang, lower[i]!) : [];
    if (variants.length === 0) continue;
    const next = beam.flatMap((h) => [h, ...variants.map((v) => {
      const respelled = [...h.letters.slice(0, i), v, ...h.letters.slice(i + 1)];
      return { letters: respelled, logProb: model.logProb(respelled.join('')) };
    })]);
    beam = next.sort((a, b) => b.logProb - a.logProb).slice(0, BEAM);
  }
  // The word as typed is always among them, wherever it ranks.
  if (!beam.includes(typed)) beam.push(typed);
  return beam.map((h) => ({ text: inCaseOf(chars, h.letters, lang), logProb: h.logProb }))
    .sort((a, b) => b.logProb - a.logProb);
}

/** `spelled` (lowercase) with each letter in the case of the same letter of `chars`. */
function inCaseOf(chars: readonly string[], spelled: readonly string[], lang: LanguageCode): string {
  return spelled.map((c, i) => (chars[i] !== lowerFor(chars[i]!, lang) ? upperFor(c, lang) : c)).join('');
}
