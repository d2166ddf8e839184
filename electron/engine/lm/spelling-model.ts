/**
 * How word-like a word's letters are: one language's letter 5-gram model of spellings (models/lm/<lang>.spell.br,
 * built by models/training/lm/spelling.py over the lexicon keys of the words of our training text, each word once).
 * Lexicon decoding weighs an unknown word against its typo fixes with it: a typo puts letters where the language
 * rarely has them, a real word the lexicon lacks reads like one (lexicon-plan.ts). The same kind of model over the
 * words as written (<lang>.spelled.br, `spelling.py --spelled`: lowercase, diacritics kept) tells which diacritics
 * an unknown word's ending takes ("Parryova" -> "Parryová"; lexicon-plan.ts withEndingSpellings).
 */
import { join } from 'node:path';
import type { LanguageCode } from '../../shared/types.ts';
import { readBrotliFile } from '../lexicon/language-data.ts';
import { key1, wordHashOf } from './ngram-hash.ts';
import { find, type OrderTable, parseOglm, QUANT_STEPS } from './oglm-file.ts';

/** The model's order: letters are predicted from the four before them. */
export const SPELLING_ORDER = 5;
/** Word boundaries as the builder writes them (spelling.py BOS, EOS). */
const BOS = '\u0002';
const EOS = '\u0003';

export class SpellingModel {
  /** log10 probability of a letter the builder never saw. */
  private readonly unknownLog10: number;

  constructor(readonly lang: LanguageCode, header: Record<string, unknown>, private readonly orders: OrderTable[]) {
    const unknown = Number(header.unknownLog10);
    if (!Number.isFinite(unknown) || unknown > 0) throw new Error('header without unknownLog10');
    this.unknownLog10 = unknown;
  }

  /**
   * Natural-log probability of a lexicon key (lowercase, no diacritics; for a spelled model, a lowercase word) as a
   * whole word, boundaries included: each letter from up to four before it, backing off ARPA-style (spelling.py
   * _backed_off).
   */
  logProb(key: string): number {
    const letters = [BOS, ...key, EOS];
    let total = 0;
    for (let i = 1; i < letters.length; i++) {
      total += this.letterLog10(letters.slice(Math.max(0, i - SPELLING_ORDER + 1), i), letters[i]!);
    }
    return total * Math.LN10;
  }

  private letterLog10(context: string[], letter: string): number {
    let weight = 0;
    for (let k = context.length; k >= 0; k--) {
      const history = context.slice(context.length - k).join('');
      const i = find(this.orders[k]!.keys, key1(wordHashOf(history + letter)));
      if (i >= 0) return weight - this.orders[k]!.logp[i]! / QUANT_STEPS;
      if (k > 0) {
        const h = find(this.orders[k - 1]!.keys, key1(wordHashOf(history)));
        if (h >= 0) weight -= this.orders[k - 1]!.backoff[h]! / QUANT_STEPS;
      }
    }
    return weight + this.unknownLog10;
  }
}

/** Path of the spelling model of `lang` in `dir` (the word LMs' folder); `spelled`: of the words as written. */
export function spellingModelPath(dir: string, lang: LanguageCode, spelled = false): string {
  return join(dir, `${lang}.${spelled ? 'spelled' : 'spell'}.br`);
}

/** Parses a spelling model file's decompressed bytes; throws an Error saying what is wrong. */
export function parseSpellingModel(bytes: Uint8Array, lang: LanguageCode): SpellingModel {
  const { header, orders } = parseOglm(bytes, lang, SPELLING_ORDER);
  return new SpellingModel(lang, header, orders);
}

/**
 * Reads one language's spelling model (`spelled`: of the words as written); rejects with `error(reason)` when it is
 * missing or damaged.
 */
export async function readSpellingModel(dir: string, lang: LanguageCode, error: (reason: string) => Error,
  spelled = false): Promise<SpellingModel> {
  return readBrotliFile(spellingModelPath(dir, lang, spelled), (bytes) => parseSpellingModel(bytes, lang), error);
}
