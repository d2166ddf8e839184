/**
 * The likeliest diacritics of an unknown word's ending under a letter model of the language's words as written
 * (spelling-model.ts, <lang>.spelled.br): "Parryova" -> "Parryová", "Thunbergove" -> "Thunbergové", "Wanguv" ->
 * "Wangův". A word the lexicon lacks is mostly a name or a rare derivation whose stem the language's letters
 * do not predict (a foreign name keeps its letters), but whose ending is the language's own inflection; so only the
 * vowels of the last few letters are respelled.
 */
import type { LanguageCode } from '../../shared/types.ts';
import draftLetters from '../decoding/draft-letters.json' with { type: 'json' };
import { lowerFor, upperFor } from '../lexicon/word-rules.ts';

/** Per language: base letter -> its letters with diacritics as our text writes them (bench/draft-letters.ts). */
const LETTERS = draftLetters as Record<string, Record<string, string[]>>;

/** One spelling of a word and its ln P under the letter model. */
export interface ScoredSpelling {
  text: string;
  logProb: number;
}

/**
 * The letters whose diacritics an ending may change. Inflection lengthens or changes vowels ("-ova" -> "-ová", "-uv"
 * -> "-ův"); a consonant's háček belongs to the stem, and a foreign name's final consonant keeps none ("Walmart" had
 * become "Walmarť", "Petronas" "Petronáš": cs news, bench/lexicon-decoding/REPORT.md, session 22).
 */
const VOWELS: ReadonlySet<string> = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

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
  const table = LETTERS[lang] ?? {};
  let beam: string[][] = [lower];
  for (let i = Math.max(0, chars.length - letters); i < chars.length; i++) {
    const variants = VOWELS.has(lower[i]!) ? table[lower[i]!] ?? [] : [];
    if (variants.length === 0) continue;
    const next = beam.flatMap((h) => [h, ...variants.map((v) => [...h.slice(0, i), v, ...h.slice(i + 1)])]);
    beam = next.map((h) => ({ h, lp: model.logProb(h.join('')) })).sort((a, b) => b.lp - a.lp).slice(0, BEAM)
      .map((s) => s.h);
  }
  const typed = lower.join('');
  const spelled = beam.map((h) => h.join(''));
  if (!spelled.includes(typed)) spelled.push(typed);
  return spelled.map((s) => ({ text: inCaseOf(chars, [...s], lang), logProb: model.logProb(s) }))
    .sort((a, b) => b.logProb - a.logProb);
}

/** `spelled` (lowercase) with each letter in the case of the same letter of `chars`. */
function inCaseOf(chars: readonly string[], spelled: readonly string[], lang: LanguageCode): string {
  return spelled.map((c, i) => (chars[i] !== lowerFor(chars[i]!, lang) ? upperFor(c, lang) : c)).join('');
}
