/**
 * A diacritics tagger (models/tagger.<langs>.int8.onnx): one pass over a sentence gives, for every letter, how likely
 * each of its diacritic variants is in this sentence. A lexicon candidate is then scored as the sum of its
 * letters' log-probabilities, so every candidate of every word costs one pass; alone it restores stripped text
 * letter by letter (the eval's `model` system).
 */
import type { TaggerAlphabet } from './tagger-alphabet.ts';

/** Longest sentence the graph's position table covers (models/training/tagger/network.py MAX_POSITIONS). */
export const TAGGER_MAX_CHARS = 1024;

/** Runs the graph: ids [batch, chars] and language indices [batch] -> logits [batch, chars, classes]. */
export interface TaggerRunner {
  run(ids: Int32Array, langs: Int32Array, batch: number, chars: number): Promise<Float32Array>;
  release?(): Promise<void>;
}

/** One sentence's letter scores. Positions are code point indices of the sentence the tagger saw. */
export class LetterScores {
  constructor(
    private readonly alphabet: TaggerAlphabet,
    private readonly lang: string,
    /** The sentence's code points (at most TAGGER_MAX_CHARS were scored). */
    readonly chars: readonly string[],
    /** Per scored position, per class: log-probability normalised over the classes that letter may take. */
    private readonly logProbs: Float32Array,
    private readonly scored: number,
  ) {}

  /** ln P that the typed letter at `position` is meant as `letter`; null where the tagger has no say. */
  letter(position: number, letter: string): number | null {
    if (position >= this.scored) return null;
    const typed = this.chars[position]!;
    const cls = this.alphabet.classFor(this.lang, typed, letter);
    if (cls === undefined) return null;
    if (this.alphabet.allowed(this.lang, typed).length === 0) return 0;
    return this.logProbs[position * this.alphabet.classCount + cls]!;
  }

  /**
   * ln P of `word` written over the typed letters from `start` (code points): the sum over its letters, or null
   * when it is not a diacritic variant of what was typed there (another letter: a typo fix). A word shorter than the
   * one typed there scores only the letters it covers: callers that compare words compare words of one length.
   */
  word(start: number, word: string): number | null {
    const letters = [...word];
    if (start + letters.length > this.chars.length) return null;
    let sum = 0;
    for (let i = 0; i < letters.length; i++) {
      const lp = this.letter(start + i, letters[i]!);
      if (lp === null) return null;
      sum += lp;
    }
    return sum;
  }

  /** The most likely variant of the typed letter at `position` (the letter itself where the tagger has no say). */
  private bestLetter(position: number): string {
    const typed = this.chars[position]!;
    if (position >= this.scored) return typed;
    const k = this.alphabet.classCount;
    let best = 0;
    for (const cls of this.alphabet.allowed(this.lang, typed)) {
      if (this.logProbs[position * k + cls]! > this.logProbs[position * k + best]!) best = cls;
    }
    return this.alphabet.letterFor(typed, best);
  }

  /**
   * The tagger's own spelling of the `length` letters typed from `start` (code points): each letter its most
   * likely variant; null where they were not all scored.
   */
  best(start: number, length: number): string | null {
    if (start + length > this.scored) return null;
    let out = '';
    for (let i = start; i < start + length; i++) out += this.bestLetter(i);
    return out;
  }

  /**
   * The `k` likeliest spellings of the `length` letters typed from `start` (the letters' choices are independent, so
   * a beam that keeps the k best prefixes is exact), best first; empty where they were not all scored.
   */
  kBest(start: number, length: number, k: number): Array<{ text: string; logProb: number }> {
    if (start + length > this.scored) return [];
    let beam = [{ text: '', logProb: 0 }];
    for (let i = start; i < start + length; i++) {
      const typed = this.chars[i]!;
      // Each variant the typed letter may take, scored as letter() scores it (a letter without a choice costs 0).
      const options = [0, ...this.alphabet.allowed(this.lang, typed)].map((c) => this.alphabet.letterFor(typed, c))
        .map((letter) => ({ letter, lp: this.letter(i, letter) ?? 0 })).filter((o) => o.lp > -Infinity);
      beam = beam.flatMap((b) => options.map((o) => ({ text: b.text + o.letter, logProb: b.logProb + o.lp })))
        .sort((a, b) => b.logProb - a.logProb).slice(0, k);
    }
    return beam;
  }

  /** The sentence with every scored letter written as its most likely variant. */
  restore(): string {
    return this.chars.map((_, i) => this.bestLetter(i)).join('');
  }
}

export class DiacriticsTagger {
  constructor(private readonly runner: TaggerRunner, readonly alphabet: TaggerAlphabet) {}

  /** Frees the graph's session. */
  async release(): Promise<void> {
    await this.runner.release?.();
  }

  /** Whether the tagger knows `lang` and has choices to make in it. */
  tags(lang: string): boolean {
    return this.alphabet.languageIndex(lang) >= 0 && this.alphabet.tags(lang);
  }

  /**
   * Scores NFC sentences of one language, each in a run of its own. In a batch a sentence's scores would depend on
   * its neighbours: the int8 graph's activation scale is one per tensor, and the convolution reads the padding's
   * embedding past a shorter sentence's end; the same sentence then got other corrections in a document than alone
   * (UD, a file of lines against one line per call: lt -0.05 points), and the cache keeps whichever came first. One
   * at a time was also faster on the CPU (eval, 2 cores: about 58 against 27 sentences per second in lt).
   */
  async score(texts: readonly string[], lang: string): Promise<LetterScores[]> {
    const langIndex = this.alphabet.languageIndex(lang);
    if (langIndex < 0) throw new RangeError(`the tagger does not know language ${lang}`);
    const scores: LetterScores[] = [];
    for (const text of texts) scores.push(await this.scoreOne(text, lang, langIndex));
    return scores;
  }

  /** One sentence's scores, from a run of its own: a batch of one, no padding. */
  private async scoreOne(text: string, lang: string, langIndex: number): Promise<LetterScores> {
    const chars = [...text];
    const width = Math.max(1, Math.min(chars.length, TAGGER_MAX_CHARS));
    const ids = new Int32Array(width);
    for (let i = 0; i < Math.min(chars.length, width); i++) ids[i] = this.alphabet.charId(chars[i]!.codePointAt(0)!);
    const logits = await this.runner.run(ids, new Int32Array([langIndex]), 1, width);
    const k = this.alphabet.classCount;
    const scored = Math.min(chars.length, width);
    const logProbs = new Float32Array(scored * k).fill(-Infinity);
    for (let i = 0; i < scored; i++) {
      const row = i * k;
      const classes = [0, ...this.alphabet.allowed(lang, chars[i]!)];
      let max = -Infinity;
      for (const c of classes) max = Math.max(max, logits[row + c]!);
      let sum = 0;
      for (const c of classes) sum += Math.exp(logits[row + c]! - max);
      const norm = max + Math.log(sum);
      for (const c of classes) logProbs[i * k + c] = logits[row + c]! - norm;
    }
    return new LetterScores(this.alphabet, lang, chars, logProbs, scored);
  }
}
