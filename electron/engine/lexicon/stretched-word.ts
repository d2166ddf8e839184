/**
 * Words with a letter typed three times or more in a row, stretched on purpose (cs "prrroblém", "Húúúú", "jooo"):
 * the writer's spelling, never a slip to fix. The lexicon and the language model know the word with each run cut to
 * one letter ("problém"); lexicon-plan.ts chooses among its spellings and stretches the choice back.
 */
import type { LanguageCode } from '../../shared/types.ts';
import type { Lexicon } from './lexicon.ts';
import { lexiconKey, lowerFor, upperFor } from './word-rules.ts';

export interface StretchedWord {
  /** The word with each run cut to one letter. */
  short: string;
  /** A spelling of the word, letter for letter, with each run cut to one letter (other texts unchanged). */
  cut(text: string): string;
  /** A spelling of `short` stretched back over the word's runs, each added letter in the word's own case. */
  stretch(text: string): string;
}

/**
 * The word as a stretched one, or null: without a run of three, where the cut word is unknown to the lexicon, or
 * where a run of three cut to two makes a known word (hu "ertesittte", tr "saaat": a slip, which typo candidates fix).
 */
export function stretchedWord(word: string, lang: LanguageCode, lexicon: Lexicon): StretchedWord | null {
  const letters = [...word];
  // Per letter, the index of its run's first letter (letters equal but for case form a run).
  const first = letters.map((_c, i) => i);
  for (let i = 1; i < letters.length; i++) {
    if (lowerFor(letters[i]!, lang) === lowerFor(letters[i - 1]!, lang)) first[i] = first[i - 1]!;
  }
  const runs = new Map<number, number>();
  for (const f of first) runs.set(f, (runs.get(f) ?? 0) + 1);
  const runLength = (i: number) => runs.get(first[i]!)!;
  const inRun = letters.map((_c, i) => runLength(i) >= 3);
  if (!inRun.some(Boolean)) return null;
  const keep = (i: number, most: number) => !inRun[i] || i - first[i]! < most;
  const cutTo = (most: number, text: readonly string[]) => text.filter((_c, i) => keep(i, most)).join('');
  const known = (text: string) => lexicon.variants(lexiconKey(text, lang)).length > 0;
  if (letters.some((_c, i) => inRun[i] && runLength(i) === 3) && known(cutTo(2, letters))) return null;
  const short = cutTo(1, letters);
  if (!known(short)) return null;
  // Per letter of the word, its letter's index in the short word.
  const shortIndex: number[] = [];
  letters.forEach((_c, i) => shortIndex.push(keep(i, 1) ? (shortIndex.at(-1) ?? -1) + 1 : shortIndex.at(-1)!));
  const length = shortIndex.at(-1)! + 1;
  return {
    short,
    cut: (text) => {
      const chars = [...text];
      return chars.length === letters.length ? cutTo(1, chars) : text;
    },
    stretch: (text) => {
      const chars = [...text];
      if (chars.length !== length) return text;
      return letters.map((c, i) => {
        const letter = chars[shortIndex[i]!]!;
        return keep(i, 1) ? letter : c === lowerFor(c, lang) ? lowerFor(letter, lang) : upperFor(letter, lang);
      }).join('');
    },
  };
}
