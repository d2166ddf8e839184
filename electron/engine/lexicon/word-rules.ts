/**
 * The word rules every lexicon user shares (decoding, the eval's baselines, the builder's Python twin in
 * models/training/corpus/lexicon.py): lowercasing with the Turkish dotted and dotless i, and the key of a word.
 */
import type { LanguageCode } from '../../shared/types.ts';
import { NOISE_TABLES, stripDiacritics } from '../noise/index.ts';

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

const alphabets = new Map<LanguageCode, ReadonlySet<string>>();

/** The letters `lang` writes beyond ASCII: its letters with diacritics (noise-tables.json) and the kept ß æ œ þ. */
function languageLetters(lang: LanguageCode): ReadonlySet<string> {
  let letters = alphabets.get(lang);
  if (!letters) {
    letters = new Set([...Object.keys(NOISE_TABLES.strip.languages[lang]), ...NOISE_TABLES.strip.keep]
      .map((letter) => lowerFor(letter, lang)));
    alphabets.set(lang, letters);
  }
  return letters;
}

/**
 * Whether `form` (lowercase) writes only ASCII, letters of `lang` and characters the writer typed in `typed` (the
 * word as typed, lowercased once by the caller: this runs for every candidate a word gets). A form
 * with any other character is a loan, a foreign name or a line of some source decoded in the wrong code page
 * ("dobøe": "dobře" read as Latin-1) or an old spelling (lv "atcerŗties"): never a typo's fix (cs "robopes" had become
 * "dobøe"), nor a lowercase word's spelling; a capitalised word's, since it may be a name (vi "Hojo" -> "Hōjō": vi
 * dev lost 0.05 points when those went too).
 */
export function writesOwnLetters(typed: string, form: string, lang: LanguageCode): boolean {
  const letters = languageLetters(lang);
  for (const ch of form) {
    if (ch.charCodeAt(0) >= 0x80 && !letters.has(ch) && !typed.includes(ch)) return false;
  }
  return true;
}

/** Languages whose words may have r or l for a vowel, after a consonant ("vlk", "prst", "krk", "crv"). */
const SYLLABIC_RL: ReadonlySet<LanguageCode> = new Set(['cs', 'sk', 'hr', 'sl']);

/**
 * Whether `key` (a lexicon key: lowercase, stripped) has a letter a syllable can rest on: a vowel, y, or r or l after
 * a consonant where the language writes words on them. Chat's abbreviations and commands have none ("jj", "btw",
 * "thx", "npm"); a typo that hit a short word's vowel has none either ("lq" for "la", "kd" for "kad").
 */
export function hasSyllable(key: string, lang: LanguageCode): boolean {
  return /[aeiouy]/.test(key) || (SYLLABIC_RL.has(lang) && /[bcdfghjkmnpqstvwxz][rl]/.test(key));
}

/** Whether `fixKey` is `key` with one letter put back ("kad" for "kd"). */
export function addsOneLetter(key: string, fixKey: string): boolean {
  const typed = [...key];
  const fix = [...fixKey];
  if (fix.length !== typed.length + 1) return false;
  let i = 0;
  for (const ch of fix) if (i < typed.length && ch === typed[i]) i++;
  return i === typed.length;
}
