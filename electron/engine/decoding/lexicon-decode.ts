/**
 * Lexicon-aware decoding: the model ranks dictionary candidates instead of writing freely. The encoder runs
 * once; the output is the input copied byte for byte, except that each word of the plan (lexicon-plan.ts)
 * becomes the candidate with the best
 *   log P_model(candidate bytes, next input byte | output so far) + lambda * log(relative frequency).
 * Each candidate costs one decoder call (its bytes as the query); the cache of the winner is kept and the
 * others are discarded for free by past_len (models/ONNX-CONTRACT.md). A weak model can therefore only pick
 * among attested spellings of the same letters: it cannot drop, add or mangle text.
 */
import { BOS_ID, BYTE_OFFSET, EOS_ID } from '../text/byte-codec.ts';
import type { DecodeResult, DecoderSession } from './decode.ts';
import type { LexiconPlan, PlanWord, WordChoice } from './lexicon-schemas.ts';

export type { WordChoice } from './lexicon-schemas.ts';
import { stripDiacritics } from '../noise/index.ts';
import type { LanguageCode } from '../../shared/types.ts';

/** Log-probabilities of one decoder call and the cache it produced. */
export interface ScoreResult {
  /** Row-major [Q, vocab]: log-softmax after each query position. */
  logProbs: Float32Array;
  vocab: number;
  /** Opaque cache handle for restore(). */
  cache: unknown;
}

/** A decoder session that can also return log-probabilities and go back to an earlier call's cache. */
export interface ScoringSession extends DecoderSession {
  /** Runs the decoder like step() and returns the log-probabilities at every query position. */
  score(queryIds: Int32Array, pastLen: number): Promise<ScoreResult>;
  /** Makes the cache of an earlier score() call current again. */
  restore(cache: unknown): void;
}

/** A model whose sessions can score. */
export interface ScoringModel {
  start(encoderIds: Int32Array): Promise<ScoringSession>;
  readonly maxPositions: number;
}

/** Weight of the frequency prior against the model's log-probability. */
export interface LexiconDecodeOptions {
  lambda: number;
  /**
   * The prior's weight for a word that may be a typo (plan source 'typo': an unknown word and the forms a few
   * edits away); lambda where not given.
   */
  typoLambda?: number;
  /**
   * Skip candidates that cannot win (default true). A log-probability is at most 0, so a candidate's total is
   * at most lambda * logPrior; once that bound is below the best total so far, the model need not be asked.
   * Candidates are scored in prior order, so the choice is exactly that of scoring them all.
   */
  prune?: boolean;
}

/**
 * Weight of the prior for a sentence without any diacritic: most likely stripped, so the attested spellings'
 * frequencies should decide and the model only break near-ties (the model, trained briefly, leans to copying).
 * Tuned for model 0.1.0-h200 on the dev sets of the 13 paper languages, re-checked for 0.2.0-cpu
 * (bench/lexicon-decoding/REPORT.md).
 */
export const DEFAULT_LAMBDA = 5;

/**
 * Weight of the prior for a sentence that already has diacritics: the writer types them, so a plain word is
 * more likely meant as written and the model's preference for the input should count more (less damage).
 */
export const DEFAULT_TYPED_LAMBDA = 1;

/**
 * Weight of the prior for a sentence that has diacritics and also a word whose diacritics its writer skipped
 * (skipsDiacritics: "Příliš zlutoucky kůň"): there the plain words are no longer more likely meant as written. Dev and
 * news, 13 paper languages, first 300 (`compare.ts --lambdas default/1/default/1,default/1/default/2,default,
 * default/1/default/Infinity --tasks partial,clean`; bench/lexicon-decoding/REPORT.md, "Text typed with some
 * diacritics"): 1 / 2 / 5 / priors alone gave partly stripped text 98.34 / 98.51 / 98.60 / 98.58 % (dev) and 97.02 /
 * 97.39 / 97.48 / 97.37 % (news), clean text 99.85 % on dev throughout and 99.72 / 99.72 / 99.71 / 99.70 % on news;
 * at 5 every language gained (+0.03 hr .. +0.28 sk, mean of the four figures). The typed weight 5 in every sentence
 * with diacritics reached 98.74 / 97.51 % but cost clean text 0.26 / 0.44 points. Such a sentence also gets the LM
 * weight of sentences without diacritics (local-corrector.ts contextWeight).
 */
export const DEFAULT_SKIPPING_LAMBDA = 5;

/**
 * Weight of the prior for a word that may be a typo, in a sentence without diacritics. The model, trained mostly to
 * copy, gives the unknown word as typed far more probability than its fixes: with the sentence's weight 5 it kept
 * non-words that the frequency prior and the LM fix (hr dev, typos: 22 such words against 5 the other way). On dev
 * (13 paper languages, first 300; bench/lexicon-decoding/REPORT.md) 5 / 10 / 20 / 50 gave typo'd text 91.91 / 92.19 /
 * 92.30 / 92.36 % and cost stripped text 0 / 0.02 / 0.04 / 0.05 points; with the taggers' spellings of unknown words,
 * 20 and 50 were within 0.02 points on the mean of the three tasks, and 20 keeps more of stripped text.
 */
export const DEFAULT_TYPO_LAMBDA = 20;

/**
 * The prior's weight where the priors decide alone: each word takes its candidate of highest prior (frequency,
 * re-scored by the word LM and the tagger), and the byte model is not run (priorDecode).
 */
export const PRIORS_ONLY = Infinity;

/**
 * The languages whose sentences without diacritics the byte model ranks (at DEFAULT_LAMBDA); in the others the
 * priors decide there alone (PRIORS_ONLY). Against the priors alone (`compare.ts --lambdas 5/1,1000/1/1000`, dev and
 * news, first 300 each, mean of stripped, typo'd and clean text; bench/lexicon-decoding/REPORT.md, "What the byte
 * model still decides"), the model was worth at least 0.05 points, the bar of the taggers and suffix models
 * (local-corrector.ts), only in lv (+0.08) and tr (+0.08); hu +0.03, hr and vi +0.01, the other thirteen -0.05 to 0.
 * Below the bar it costs an encoder pass and a decoder call per ambiguous word and buys nothing. Sentences that have
 * diacritics keep the model everywhere (DEFAULT_TYPED_LAMBDA): there it keeps the words as typed.
 */
export const MODEL_RANKED_LANGUAGES: ReadonlySet<LanguageCode> = new Set(['lv', 'tr']);

/** Prior weights for sentences without and with diacritics, and for possible typos (defaults where not given). */
export interface PriorWeights {
  lambda?: number;
  typedLambda?: number;
  typoLambda?: number;
  /** For a sentence with diacritics whose writer skipped some (DEFAULT_SKIPPING_LAMBDA). */
  skippingLambda?: number;
}

/** Whether an NFC sentence already has a diacritic that `lang` strips: its writer types them. */
export function hasTypedDiacritics(text: string, lang: LanguageCode): boolean {
  return stripDiacritics(text, lang) !== text;
}

/**
 * The prior's weight for a sentence of `lang` with (`typed`) or without diacritics, and (`skipping`) with a word whose
 * diacritics were skipped: the given weight, else the default, which for a sentence without diacritics outside
 * MODEL_RANKED_LANGUAGES is PRIORS_ONLY.
 */
export function lambdaFor(typed: boolean, weights: PriorWeights = {}, lang?: LanguageCode, skipping = false): number {
  if (typed && skipping) return weights.skippingLambda ?? DEFAULT_SKIPPING_LAMBDA;
  if (typed) return weights.typedLambda ?? DEFAULT_TYPED_LAMBDA;
  return weights.lambda ?? (lang === undefined || MODEL_RANKED_LANGUAGES.has(lang) ? DEFAULT_LAMBDA : PRIORS_ONLY);
}

/**
 * The prior's weights in a sentence with (`typed`) or without diacritics. A possible typo gets its own weight in
 * both. Until session 20 it had the typed sentence's weight where the sentence had diacritics (a writer who types
 * them writes unknown words on purpose more often, and the model's preference for the input keeps them): then a
 * writer who types diacritics got no typo fixed ("ketrý přišel" stayed). On the `typed-typos` task (typo noise on the
 * gold, diacritics kept; electron/eval/tasks.ts), `compare.ts --set dev|news --lambdas default --systems lexicon
 * --tasks typed-typos,clean,partial --limit 300`, 13 paper languages, the typo weight 2 / 5 / 20 against the typed
 * one gave typo'd text 93.80 -> 94.92 / 95.69 / 96.03 % (dev) and 92.52 -> 93.88 / 94.78 / 95.18 % (news), clean text
 * 99.868 -> 99.853 / 99.818 / 99.798 and 99.823 -> 99.776 / 99.728 / 99.687, partly stripped text within 0.06; 20,
 * the weight of sentences without diacritics, has the best mean of the three (+0.72 dev, +0.82 news).
 */
export function priorWeightsFor(typed: boolean, weights: PriorWeights = {}, lang?: LanguageCode, skipping = false):
  { lambda: number; typoLambda: number } {
  const lambda = lambdaFor(typed, weights, lang, skipping);
  return { lambda, typoLambda: weights.typoLambda ?? (lambda === PRIORS_ONLY ? PRIORS_ONLY : DEFAULT_TYPO_LAMBDA) };
}

/** The prior's weight for one NFC sentence: the typed weight once it has a diacritic that `lang` strips. */
export function sentenceLambda(text: string, lang: LanguageCode, weights: PriorWeights = {}): number {
  return lambdaFor(hasTypedDiacritics(text, lang), weights, lang);
}

/** Whether decoding with these weights never asks the model: the priors decide every word. */
export function priorsDecide(weights: { lambda: number; typoLambda?: number }): boolean {
  return weights.lambda === PRIORS_ONLY && (weights.typoLambda ?? weights.lambda) === PRIORS_ONLY;
}

/** The candidate of highest prior (the earlier one on ties: the input, where it is first) and its posterior. */
export function priorChoice(word: PlanWord): WordChoice {
  let best = 0;
  word.candidates.forEach((c, i) => { if (c.logPrior > word.candidates[best]!.logPrior) best = i; });
  return { candidate: best, confidence: posterior(word.candidates.map((c) => c.logPrior), best) };
}

/** Decoding by the priors alone (priorsDecide): each plan word takes priorChoice, everything else is copied. */
export function priorDecode(source: Uint8Array, plan: LexiconPlan): LexiconDecodeResult {
  const ids: number[] = [];
  const probs: number[] = [];
  const choices: WordChoice[] = [];
  let at = 0;
  const write = (bytes: Uint8Array, prob: number) => {
    for (const b of bytes) {
      ids.push(b + BYTE_OFFSET);
      probs.push(prob);
    }
  };
  for (const word of plan.words) {
    if (word.start < at || word.end > source.length || word.end <= word.start) {
      throw new RangeError(`plan word [${word.start}, ${word.end}) is not inside the sentence after ${at}`);
    }
    write(source.subarray(at, word.start), 1);
    const choice = priorChoice(word);
    write(word.candidates[choice.candidate!]!.bytes, choice.confidence);
    choices.push(choice);
    at = word.end;
  }
  write(source.subarray(at), 1);
  ids.push(EOS_ID);
  probs.push(1);
  return { ids, probs, passes: 0, choices };
}

/** The decoding, plus the choice made for each plan word, in plan order. */
export interface LexiconDecodeResult extends DecodeResult {
  choices: WordChoice[];
}

/**
 * Posterior of `best` among candidates with these total scores (the suggestion's confidence). Where pruned
 * candidates stand in with their upper bounds, it is a lower bound of the posterior.
 */
function posterior(totals: number[], best: number): number {
  const top = totals[best]!;
  const sum = totals.reduce((s, t) => s + Math.exp(t - top), 0);
  return 1 / sum;
}

/**
 * Decodes `source` (the sentence bytes behind `encoderIds`) choosing among the plan's candidates.
 * Output ids are the chosen bytes followed by EOS; the probability of copied bytes is 1 and that of a chosen
 * word's bytes is the word's posterior among its candidates.
 */
export async function lexiconDecode(model: ScoringModel, encoderIds: Int32Array, source: Uint8Array,
  plan: LexiconPlan, options: LexiconDecodeOptions = { lambda: DEFAULT_LAMBDA }, signal?: AbortSignal):
  Promise<LexiconDecodeResult> {
  if (priorsDecide(options)) return priorDecode(source, plan);
  if (plan.words.length === 0) {
    // Nothing to choose: the output is the input, no need to run the model at all.
    return { ids: [...source].map((b) => b + BYTE_OFFSET).concat(EOS_ID), probs: new Array(source.length + 1).fill(1),
      passes: 0, choices: [] };
  }
  const session = await model.start(encoderIds);
  const ids: number[] = [];
  const probs: number[] = [];
  const choices: WordChoice[] = [];
  // Ids written but not yet run through the decoder; the cache covers positions [0, past).
  let pending: number[] = [BOS_ID];
  let past = 0;
  let at = 0;
  let passes = 0;
  const copy = (end: number) => {
    for (; at < end; at++) {
      const id = source[at]! + BYTE_OFFSET;
      ids.push(id);
      probs.push(1);
      pending.push(id);
    }
  };
  for (const word of plan.words) {
    signal?.throwIfAborted();
    if (word.start < at || word.end > source.length || word.end <= word.start) {
      throw new RangeError(`plan word [${word.start}, ${word.end}) is not inside the sentence after ${at}`);
    }
    copy(word.start);
    const lambda = word.source === 'typo' ? options.typoLambda ?? options.lambda : options.lambda;
    if (word.candidates.length === 1 || lambda === PRIORS_ONLY) {
      // Nothing for the model to rank: the lone candidate, or the priors' choice, is written (and fed with the next call).
      const choice = priorChoice(word);
      for (const b of word.candidates[choice.candidate!]!.bytes) {
        ids.push(b + BYTE_OFFSET);
        probs.push(choice.confidence);
        pending.push(b + BYTE_OFFSET);
      }
      at = word.end;
      choices.push(choice);
      continue;
    }
    const longest = Math.max(...word.candidates.map((c) => c.bytes.length));
    if (pending.length === 0 || past + pending.length + longest > model.maxPositions) {
      copy(word.end); // no room left (or nothing to condition on): keep the input word
      choices.push({ candidate: null, confidence: 1 });
      continue;
    }
    const next = word.end < source.length ? source[word.end]! + BYTE_OFFSET : EOS_ID;
    const candidates = word.candidates;
    const order = candidates.map((_, i) => i).sort((a, b) => candidates[b]!.logPrior - candidates[a]!.logPrior);
    // Pruned candidates keep their upper bound as total: the posterior (confidence) is then a lower bound.
    const totals = candidates.map((c) => lambda * c.logPrior);
    let best = -1;
    let bestCache: unknown;
    for (const i of order) {
      const candidate = candidates[i]!;
      if (options.prune !== false && best >= 0 && totals[i]! < totals[best]!) break;
      const query = new Int32Array(pending.length + candidate.bytes.length);
      query.set(pending);
      for (let j = 0; j < candidate.bytes.length; j++) query[pending.length + j] = candidate.bytes[j]! + BYTE_OFFSET;
      const r = await session.score(query, past);
      passes++;
      // Row i holds the distribution of the id after query[i]: the candidate's bytes, then the next input byte.
      let logP = 0;
      const first = pending.length - 1;
      for (let j = 0; j <= candidate.bytes.length; j++) {
        const target = j < candidate.bytes.length ? candidate.bytes[j]! + BYTE_OFFSET : next;
        logP += r.logProbs[(first + j) * r.vocab + target]!;
      }
      const total = logP + lambda * candidate.logPrior;
      totals[i] = total;
      // Ties go to the earlier candidate, as when every candidate is scored in list order.
      if (best < 0 || total > totals[best]! || (total === totals[best]! && i < best)) {
        best = i;
        bestCache = r.cache;
      }
    }
    session.restore(bestCache);
    const chosen = word.candidates[best]!;
    const confidence = posterior(totals, best);
    past += pending.length + chosen.bytes.length;
    pending = [];
    for (const b of chosen.bytes) {
      ids.push(b + BYTE_OFFSET);
      probs.push(confidence);
    }
    at = word.end;
    choices.push({ candidate: best, confidence });
  }
  copy(source.length);
  ids.push(EOS_ID);
  probs.push(1);
  return { ids, probs, passes, choices };
}
