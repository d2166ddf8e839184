/**
 * Context for lexicon decoding: a word n-gram language model decides between candidates that are all real words
 * (cs "zda/zdá", lt "gražus/gražūs", every Vietnamese syllable). The sentence is a lattice: each word position
 * holds its candidates (a word without a choice holds itself). Forward and backward Viterbi over the trigram
 * state give each candidate the score of the best whole-sentence path through it,
 *   sum over the path of (logPrior + lmWeight * ln P_lm(word | two before)),
 * and that max-marginal, relative to its position's best, becomes the candidate's new log-prior. The byte model
 * then ranks candidates as before (lexicon-decode.ts), now with priors that have seen the whole sentence.
 */

/** The language model as the lattice needs it (electron/engine/lm/ngram-model.ts implements it). */
export interface ContextModel {
  /** The id of a lowercase token (the id of `<unk>` for a word the model does not know). */
  wordHash(token: string): number;
  /** Natural-log probability of w after u v (ids). */
  logProb(u: number, v: number, w: number): number;
  /** The id of `<unk>`, whose probability is the mass of every word the model does not know. */
  readonly unk?: number;
  /** `unkTypes`: how many word types share that mass (the builder's count of pruned types). */
  readonly header?: Readonly<Record<string, unknown>>;
  /** How word-like the letters of a lexicon key are (ln P; spelling-model.ts), for the words the lexicon lacks. */
  readonly spelling?: { logProb(key: string): number } | null;
  /** How word-like a lowercase word as written is (ln P; spelled.br), for the endings of words the lexicon lacks. */
  readonly spelled?: { logProb(word: string): number } | null;
  /** The suffix-class trigram model beside it (ngram-model.ts SuffixClassModel), whose ids are classHash's. */
  readonly suffix?: ClassModel | null;
  /** The ending-class trigram model beside it (the same kind, one class per word ending). */
  readonly endings?: ClassModel | null;
}

/** A trigram model over word classes (ngram-model.ts SuffixClassModel). */
export interface ClassModel {
  classHash(token: string): number;
  logProb(u: number, v: number, w: number): number;
}

/**
 * ln P of an unknown word: its share of the `<unk>` mass. Without the share, a stripped non-word ("zmones", never
 * in the model's text) would get all of the unknown words' probability and beat the real word "žmonės".
 */
function lmScore(model: ContextModel, unkPenalty: number, u: number, v: number, w: number): number {
  const lp = model.logProb(u, v, w);
  return w === model.unk ? lp - unkPenalty : lp;
}

/**
 * weight x ln P of candidate c at position i after candidates a of i-1 and z of i-2 under a class model (n: the
 * sentence end), or null without a model.
 */
function classScorer(slots: LatticeSlot[], classModel: ClassModel | null | undefined, weight: number):
  ((i: number, z: number, a: number, c: number) => number) | null {
  if (!classModel) return null;
  const n = slots.length;
  const bos = classModel.classHash('<s>');
  const eos = classModel.classHash('</s>');
  const ids = slots.map((s) => s.forms.map((f) => classModel.classHash(f)));
  const id = (i: number, k: number) => (i < 0 ? bos : i >= n ? eos : ids[i]![k]!);
  return (i, z, a, c) => weight * classModel.logProb(id(i - 2, z), id(i - 1, a), id(i, c));
}

/** One word position: its candidates' lowercase forms and log-priors (a fixed word: one form, prior 0). */
export interface LatticeSlot {
  forms: string[];
  logPriors: number[];
}

/**
 * Per slot, per candidate: the best path score through it minus the slot's best (so the best is 0).
 * `lmWeight` scales the language model against the priors; `suffixWeight` adds the suffix-class model's ln P
 * (where the model has one) at that share of the word model's, on the same trigram states, and `endingWeight` the
 * ending-class model's.
 */
export function contextPriors(slots: LatticeSlot[], model: ContextModel, lmWeight: number, suffixWeight = 0,
  endingWeight = 0): number[][] {
  const n = slots.length;
  if (n === 0) return [];
  const unkPenalty = Math.log(Math.max(1, Number(model.header?.unkTypes) || 1));
  const bos = model.wordHash('<s>');
  const eos = model.wordHash('</s>');
  const ids = slots.map((s) => s.forms.map((f) => model.wordHash(f)));
  const size = (i: number) => (i < 0 ? 1 : ids[i]!.length);
  const id = (i: number, k: number) => (i < 0 ? bos : i >= n ? eos : ids[i]![k]!);
  const classes = [classScorer(slots, suffixWeight > 0 ? model.suffix : null, suffixWeight),
    classScorer(slots, endingWeight > 0 ? model.endings : null, endingWeight)].filter((c) => c !== null);
  // The weighted ln P of candidate c at position i (n: the sentence end) after candidates a of i-1 and z of i-2.
  const step = (i: number, z: number, a: number, c: number) => {
    let lp = lmScore(model, unkPenalty, id(i - 2, z), id(i - 1, a), id(i, c));
    for (const score of classes) lp += score(i, z, a, c);
    return lmWeight * lp;
  };
  // State at position i: (candidate a of i-1, candidate b of i), stored at a * size(i) + b.
  const fwd: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const A = size(i - 1);
    const B = size(i);
    const Z = size(i - 2);
    const cur = new Float64Array(A * B).fill(-Infinity);
    for (let a = 0; a < A; a++) {
      for (let b = 0; b < B; b++) {
        const emit = slots[i]!.logPriors[b]!;
        let best = -Infinity;
        for (let z = 0; z < Z; z++) {
          const before = i === 0 ? 0 : fwd[i - 1]![z * A + a]!;
          if (before === -Infinity) continue;
          const v = before + step(i, z, a, b);
          if (v > best) best = v;
        }
        cur[a * B + b] = best + emit;
      }
    }
    fwd.push(cur);
  }
  const bwd: Float64Array[] = new Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const A = size(i - 1);
    const B = size(i);
    const cur = new Float64Array(A * B);
    for (let a = 0; a < A; a++) {
      for (let b = 0; b < B; b++) {
        if (i === n - 1) {
          cur[a * B + b] = step(n, a, b, 0);
          continue;
        }
        const C = size(i + 1);
        let best = -Infinity;
        for (let c = 0; c < C; c++) {
          const v = step(i + 1, a, b, c) + slots[i + 1]!.logPriors[c]! + bwd[i + 1]![b * C + c]!;
          if (v > best) best = v;
        }
        cur[a * B + b] = best;
      }
    }
    bwd[i] = cur;
  }
  return slots.map((slot, i) => {
    const A = size(i - 1);
    const B = size(i);
    const marg = slot.forms.map((_f, b) => {
      let best = -Infinity;
      for (let a = 0; a < A; a++) best = Math.max(best, fwd[i]![a * B + b]! + bwd[i]![a * B + b]!);
      return best;
    });
    const top = Math.max(...marg);
    return marg.map((m) => m - top);
  });
}
