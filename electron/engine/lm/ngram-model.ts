/**
 * One language's word trigram language model (models/lm/<lang>.lm.br, built by models/training/lm/build.py): the
 * engine's only reader of it. Interpolated modified Kneser-Ney, pruned, stored ARPA-style as sorted hashed n-gram
 * keys with quantized log10 probabilities and backoff weights (layout: models/training/lm/lmfile.py). Lookups are
 * binary searches in typed arrays: a loaded model is its file's arrays and nothing per n-gram.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LanguageCode } from '../../shared/types.ts';
import { readBrotliFile, RecentLanguages } from '../lexicon/language-data.ts';
import { lowerFor } from '../lexicon/word-rules.ts';
import { key1, key2, key3, wordHashOf } from './ngram-hash.ts';
import { readSpellingModel, spellingModelPath, type SpellingModel } from './spelling-model.ts';
import { find, type NgramHeader, type OrderTable, parseOglm, QUANT_STEPS } from './oglm-file.ts';

export type { NgramHeader } from './oglm-file.ts';

/** The word LM's order. */
const ORDER = 3;

/** The letter runs of `text`, lowercased with the language's rule, NFC: the model's tokens (query.py tokens()). */
export function lmTokens(text: string, lang: LanguageCode): string[] {
  return [...text.normalize('NFC').matchAll(/[\p{L}\p{M}]+/gu)].map((m) => lowerFor(m[0], lang).normalize('NFC'));
}

export class NgramModel {
  /** Word hashes of the sentence start, the sentence end and the unknown word. */
  readonly bos = wordHashOf('<s>');
  readonly eos = wordHashOf('</s>');
  readonly unk = wordHashOf('<unk>');
  private readonly unkIndex: number;
  /**
   * The letter model of the language's spellings (<lang>.spell.br beside the word LM), which tells a real word the
   * lexicon lacks from a typo; null where the folder has none.
   */
  spelling: SpellingModel | null = null;
  /** The letter model of its words as written (<lang>.spelled.br), which respells unknown words' endings; or null. */
  spelled: SpellingModel | null = null;
  /** The suffix-class model (<lang>.sfx.br beside the word LM), which sees endings in sequence; null where none. */
  suffix: SuffixClassModel | null = null;
  /** The ending-class model (<lang>.end.br beside it): one class per ending, agreement's counts; null where none. */
  endings: SuffixClassModel | null = null;

  constructor(readonly lang: LanguageCode, readonly header: NgramHeader, private readonly orders: OrderTable[]) {
    this.unkIndex = find(orders[0]!.keys, key1(this.unk));
    for (const special of [this.bos, this.eos, this.unk]) {
      if (find(orders[0]!.keys, key1(special)) < 0) throw new Error('a special token has no unigram');
    }
  }

  /** The hash of a token (lmTokens form), or the <unk> hash when the model has no unigram for it. */
  wordHash(token: string): number {
    const h = wordHashOf(token);
    return find(this.orders[0]!.keys, key1(h)) >= 0 ? h : this.unk;
  }

  /** Whether the model has the token in its vocabulary. */
  knows(token: string): boolean {
    return find(this.orders[0]!.keys, key1(wordHashOf(token))) >= 0;
  }

  /**
   * ln P(w | u v) from word hashes (wordHash; u and v may be `bos`, at the sentence start both are): the stored
   * trigram, else the backoff of (u v) plus the stored bigram (v w), else the backoff of v plus the unigram w.
   */
  logProb(u: number, v: number, w: number): number {
    const [o1, o2, o3] = this.orders as [OrderTable, OrderTable, OrderTable];
    let i = find(o3.keys, key3(u, v, w));
    if (i >= 0) return -o3.logp[i]! / QUANT_STEPS * Math.LN10;
    i = find(o2.keys, key2(u, v));
    const bo2 = i >= 0 ? -o2.backoff[i]! / QUANT_STEPS : 0;
    let lp: number;
    i = find(o2.keys, key2(v, w));
    if (i >= 0) {
      lp = -o2.logp[i]! / QUANT_STEPS;
    } else {
      i = find(o1.keys, key1(v));
      const bo1 = i >= 0 ? -o1.backoff[i]! / QUANT_STEPS : 0;
      i = find(o1.keys, key1(w));
      if (i < 0) i = this.unkIndex;
      lp = bo1 + -o1.logp[i]! / QUANT_STEPS;
    }
    return (bo2 + lp) * Math.LN10;
  }

  /** ln P(tokens </s> | <s>) of one sentence's tokens (lmTokens form; unknown ones count as <unk>). */
  sentenceLogProb(tokens: readonly string[]): number {
    let u = this.bos;
    let v = this.bos;
    let total = 0;
    for (const h of [...tokens.map((t) => this.wordHash(t)), this.eos]) {
      total += this.logProb(u, v, h);
      u = v;
      v = h;
    }
    return total;
  }
}

/**
 * A trigram model over suffix classes (models/lm/<lang>.sfx.br, build.py --suffix): the language's most frequent
 * words stand for themselves, every other word for its last `letters` letters behind a '-' (a mark no letter-run
 * token has), so that agreement ("nové auto", "nová kniha") has counts where the word trigrams have none.
 */
export class SuffixClassModel {
  readonly letters: number;
  /** Classes are word endings (wordEnding: an ending-class model, <lang>.end.br), not the last `letters` letters. */
  readonly endings: boolean;

  constructor(readonly model: NgramModel) {
    const classes = (model.header as { classes?: { suffixLetters?: unknown; endings?: unknown } }).classes;
    const letters = Number(classes?.suffixLetters);
    if (!Number.isInteger(letters) || letters < 1) throw new Error('header without classes.suffixLetters');
    this.letters = letters;
    this.endings = classes?.endings === true;
  }

  /** The id of a token's class (build.py suffix_class): the word itself where the model has it, else its ending. */
  classHash(token: string): number {
    const h = this.model.wordHash(token);
    if (h !== this.model.unk) return h;
    const letters = Array.from(token);
    return this.model.wordHash('-' + (this.endings ? wordEnding(letters, this.letters)
      : letters.slice(-this.letters)).join(''));
  }

  logProb(u: number, v: number, w: number): number {
    return this.model.logProb(u, v, w);
  }
}

/** A vowel letter with or without its diacritics, Turkish dotless i too (build.py is_vowel). */
export function isVowel(letter: string): boolean {
  return 'aeiouyAEIOUY'.includes(letter.normalize('NFD')[0]!) || letter === 'ı' || letter === 'İ';
}

/**
 * A word's inflectional ending as its letters show it: the last vowel run and the consonants after it ("testů" ->
 * "ů", "nemovitých" -> "ých", "vlak" -> "ak"), at most its last `max` letters (build.py ending).
 */
export function wordEnding(letters: readonly string[], max: number): string[] {
  let i = letters.length;
  while (i > 0 && !isVowel(letters[i - 1]!)) i--;
  while (i > 0 && isVowel(letters[i - 1]!)) i--;
  return letters.slice(Math.max(i, letters.length - max, 0));
}

/** A model file that is missing, unreadable, truncated or corrupt; the message names the file and language. */
export class NgramModelError extends Error {
  override name = 'NgramModelError';
  constructor(readonly lang: LanguageCode, readonly path: string, reason: string) {
    super(`The ${lang} word language model ${path} ${reason}. Reinstall Ogonek or rebuild the language models ` +
      '(models/training/README.md).');
  }
}

/** Path of the model of `lang` in `dir`. */
export function ngramModelPath(dir: string, lang: LanguageCode): string {
  return join(dir, `${lang}.lm.br`);
}

/** Path of the suffix-class model of `lang` in `dir`. */
export function suffixModelPath(dir: string, lang: LanguageCode): string {
  return join(dir, `${lang}.sfx.br`);
}

/** Path of the ending-class model of `lang` in `dir`. */
export function endingModelPath(dir: string, lang: LanguageCode): string {
  return join(dir, `${lang}.end.br`);
}

/** Parses a model file's decompressed bytes; throws an Error saying what is wrong. */
export function parseNgramModel(bytes: Uint8Array, lang: LanguageCode): NgramModel {
  const { header, orders } = parseOglm(bytes, lang, ORDER);
  return new NgramModel(lang, header, orders);
}

/**
 * Reads one language's model, and its spelling and suffix-class models where the folder has them; rejects with an
 * NgramModelError naming the file when one is missing or damaged.
 */
export async function readNgramModel(dir: string, lang: LanguageCode): Promise<NgramModel> {
  const path = ngramModelPath(dir, lang);
  const spellPath = spellingModelPath(dir, lang);
  const spelledPath = spellingModelPath(dir, lang, true);
  const classModel = (file: string) => (existsSync(file) ? readBrotliFile(file,
    (bytes) => new SuffixClassModel(parseNgramModel(bytes, lang)), (reason) => new NgramModelError(lang, file, reason))
    : null);
  const [model, spelling, spelled, suffix, endings] = await Promise.all([
    readBrotliFile(path, (bytes) => parseNgramModel(bytes, lang), (reason) => new NgramModelError(lang, path, reason)),
    existsSync(spellPath) ? readSpellingModel(dir, lang, (reason) => new NgramModelError(lang, spellPath, reason)) : null,
    existsSync(spelledPath)
      ? readSpellingModel(dir, lang, (reason) => new NgramModelError(lang, spelledPath, reason), true) : null,
    classModel(suffixModelPath(dir, lang)), classModel(endingModelPath(dir, lang))]);
  model.spelling = spelling;
  model.spelled = spelled;
  model.suffix = suffix;
  model.endings = endings;
  return model;
}

/**
 * The models of the few languages in use, loaded on first use; the `keep` most recently used stay loaded (up to
 * about 15 MB each). The language model only sharpens choices, so a model that cannot be loaded is reported once
 * through `onError` and then treated as absent (get() resolves to null) until a new cache is made.
 */
export class NgramModels {
  private readonly recent: RecentLanguages<NgramModel>;
  private readonly failed = new Set<LanguageCode>();

  /** `dir` null: no models (get() gives null, nothing is reported). */
  constructor(readonly dir: string | null, private readonly onError: (error: NgramModelError) => void, keep = 3) {
    this.recent = new RecentLanguages((lang) => readNgramModel(this.dir!, lang), keep);
  }

  /** The model of `lang`, or null when there is none (no folder, or it failed to load). Never rejects. */
  async get(lang: LanguageCode): Promise<NgramModel | null> {
    if (!this.dir || this.failed.has(lang)) return null;
    try {
      return await this.recent.get(lang);
    } catch (error) {
      // Callers waiting on the same load share its failure: it is reported once.
      if (!this.failed.has(lang)) {
        this.failed.add(lang);
        try {
          this.onError(error instanceof NgramModelError ? error
            : new NgramModelError(lang, ngramModelPath(this.dir, lang), `cannot be loaded (${error})`));
        } catch {
          // a failing reporter must not turn a missing model into a failed correction
        }
      }
      return null;
    }
  }
}
