/**
 * The classic typo baseline: a hunspell dictionary (npm dictionary-XX through nspell) flags unknown words,
 * and the dictionary's suggestion that is most frequent in ../shared/wordfreq replaces each one.
 * nspell's suggest() is slow (tens of ms to seconds per word), so every word is looked up once per run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nspell from 'nspell';
import { EvalInputError } from '../gold-file.ts';
import { sharedDir } from '../paths.ts';
import { expandFlagAliases } from './hunspell-aliases.ts';
import { applyCase, rewriteLetterRuns, rewriteWords } from './word-case.ts';

/** The spelling interface the baseline needs (nspell's). */
export interface SpellChecker {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

/** Hunspell files as the dictionary-XX packages export them. */
export interface HunspellDictionary {
  aff: Uint8Array;
  dic: Uint8Array;
}

type LegacyLoader = (callback: (error: Error | null, dictionary?: HunspellDictionary) => void) => void;

/**
 * Loads npm `dictionary-<lang>`: recent versions export `{aff, dic}` (top-level await), older ones
 * (dictionary-is 1.x) export a callback loader.
 */
export async function loadHunspell(lang: string): Promise<HunspellDictionary> {
  let exported: unknown;
  try {
    exported = ((await import(`dictionary-${lang}`)) as { default: unknown }).default;
  } catch (error) {
    throw new EvalInputError(
      `no spelling dictionary for '${lang}' (npm dictionary-${lang}): ` + (error as Error).message,
    );
  }
  if (typeof exported === 'function') {
    return new Promise((resolve, reject) =>
      (exported as LegacyLoader)((error, dictionary) =>
        error || !dictionary ? reject(error ?? new Error('empty dictionary')) : resolve(dictionary),
      ),
    );
  }
  return exported as HunspellDictionary;
}

/** Creates an nspell checker for `lang` (flag aliases expanded: see hunspell-aliases.ts). */
export async function createSpellChecker(lang: string): Promise<SpellChecker> {
  const { aff, dic } = await loadHunspell(lang);
  const affText = Buffer.from(aff).toString('utf8');
  return nspell({
    aff: Buffer.from(affText),
    dic: Buffer.from(expandFlagAliases(affText, Buffer.from(dic).toString('utf8'))),
  });
}

/**
 * Word frequencies (lowercase word -> count or relative frequency) from ../shared/wordfreq/<lang>.tsv;
 * for it and ro the wordfreq-alt list, because their subtitle counts favour unaccented spellings.
 * Empty for a language without a list (ga).
 */
export function loadWordFrequencies(lang: string, dir: string = join(sharedDir(), 'wordfreq')): Map<string, number> {
  const alt = join(dir, 'wordfreq-alt', `${lang}.tsv`);
  const path = existsSync(alt) ? alt : join(dir, `${lang}.tsv`);
  const frequencies = new Map<string, number>();
  if (!existsSync(path)) return frequencies;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const [word, value] = line.split('\t');
    if (word && value) frequencies.set(word.normalize('NFC'), Number(value));
  }
  return frequencies;
}

/** Returns a function that replaces every misspelt word of a text by its most frequent suggestion. */
export function createSpellCorrector(
  checker: SpellChecker,
  frequencies: ReadonlyMap<string, number>,
  lang: string,
): (text: string) => string {
  const cache = new Map<string, string>();
  const best = (word: string): string => {
    if (checker.correct(word)) return word;
    let choice = word;
    let score = -1;
    for (const suggestion of checker.suggest(word)) {
      // Suggestions missing from the list rank by nspell's own order, after every listed word.
      const frequency = frequencies.get(suggestion.toLowerCase()) ?? 0;
      if (frequency > score) [choice, score] = [suggestion, frequency];
    }
    if (choice === word) return word;
    // nspell already capitalises suggestions it derives from a capitalised word, and keeps proper nouns.
    return choice === choice.toLowerCase() ? applyCase(word, choice, lang) : choice;
  };
  const fix = (word: string): string => {
    let fixed = cache.get(word);
    if (fixed === undefined) {
      fixed = checker.correct(word) || !/['’-]/u.test(word) ? best(word) : rewriteLetterRuns(word, best);
      cache.set(word, fixed);
    }
    return fixed;
  };
  return (text) => rewriteWords(text.normalize('NFC'), fix);
}
