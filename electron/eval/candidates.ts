/**
 * Candidate recall: how often the product could write the right word at all. Lexicon decoding only chooses,
 * per letter run of a word, among the input itself and the lexicon's candidates for it (candidatesFor in
 * electron/engine/lexicon/lexicon-plan.ts, with the product's default options); everything else is copied. A gold
 * word outside that set is lost whatever the model does, so this bounds the product's accuracy, without a model.
 *
 * Words are the metric's (metric.ts): whitespace tokens with a letter. The input is aligned to the gold by the
 * metric's word-level edit distance (alignment.ts), so a typo that splits or merges words loses only the words it
 * touched; tokens are compared by their keys (lowercased, stripped), since the input's words are stripped and
 * would otherwise never match, and equal-cost ties could pair a word with its neighbour's input.
 */
import { type PlanOptions, candidatesFor, planOptionsFor, startsSentence, wordSpans } from
  '../engine/lexicon/lexicon-plan.ts';
import type { Lexicon } from '../engine/lexicon/lexicon.ts';
import type { LanguageCode } from '../shared/types.ts';
import { lexiconKey } from '../engine/lexicon/word-rules.ts';
import { alignWords } from './alignment.ts';
import { isAlphaWord, splitWords } from './words.ts';

/** Raw counts over gold alpha words. */
export interface CandidateCounts {
  sentences: number;
  /** Gold alpha words (the denominator of recall, as of alpha-word accuracy). */
  words: number;
  /** Gold words the product could write: one of the spellings it chooses among for the aligned input word. */
  recalled: number;
  /** Gold words with an aligned input word (the denominator of spellings per word). */
  aligned: number;
  /** Sum over aligned words of how many spellings the product chooses among (1: the input only). */
  spellings: number;
}

/** A counter at zero. */
export function emptyCandidateCounts(): CandidateCounts {
  return { sentences: 0, words: 0, recalled: 0, aligned: 0, spellings: 0 };
}

/**
 * What the product may write for one input token: its parts in order, a literal (kept byte for byte) or the
 * choices for a letter run (the input run first).
 */
export type TokenChoices = (string | readonly string[])[];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The choices of one (NFC) input token, as buildPlan makes them for the same text. `sentenceStart`: whether the
 * token begins a sentence (startsSentence), where a capitalised word may be a typo too ("Poseldni" -> "Poslední").
 */
export function tokenChoices(
  token: string,
  lang: LanguageCode,
  lexicon: Lexicon,
  options: PlanOptions = planOptionsFor(lang),
  sentenceStart = false,
): TokenChoices {
  const parts: TokenChoices = [];
  let at = 0;
  for (const span of wordSpans(token)) {
    if (span.start > at) parts.push(token.slice(at, span.start));
    // Only the token's first word can start a sentence: what stands before it in the token is punctuation.
    const starts = sentenceStart && at === 0 && startsSentence(token, span.start);
    const candidates = candidatesFor(span.text, lang, lexicon, options, undefined, starts);
    // null means "nothing to choose": the run is copied as typed. Otherwise the list holds the input itself
    // unless the options leave it out (inputCount 0), so it is taken as it is: exactly what the decoder can write.
    parts.push(candidates ? [...new Set(candidates.map((c) => utf8.decode(c.bytes)))] : [span.text]);
    at = span.end;
  }
  if (at < token.length) parts.push(token.slice(at));
  return parts;
}

/** How many spellings `choices` can produce (the product of the runs' choice counts). */
export function spellingCount(choices: TokenChoices): number {
  return choices.reduce<number>((n, part) => (typeof part === 'string' ? n : n * part.length), 1);
}

/** Whether `gold` is one of the spellings `choices` can produce (a run's choices may differ in length). */
export function canWrite(choices: TokenChoices, gold: string): boolean {
  const from = (part: number, at: number): boolean => {
    if (part === choices.length) return at === gold.length;
    const here = choices[part]!;
    if (typeof here === 'string') return gold.startsWith(here, at) && from(part + 1, at + here.length);
    return here.some((choice) => gold.startsWith(choice, at) && from(part + 1, at + choice.length));
  };
  return from(0, 0);
}

/** Counts candidate recall sentence by sentence; each distinct input token is looked up once. */
export class CandidateCounter {
  readonly counts = emptyCandidateCounts();
  private readonly cache = new Map<string, TokenChoices>();

  constructor(
    private readonly lang: LanguageCode,
    private readonly lexicon: Lexicon,
    private readonly options: PlanOptions = planOptionsFor(lang),
  ) {}

  /** Adds one sentence: its gold text and the input a system would see (task.ts's makeInput). */
  add(sentence: { gold: string; input: string }): void {
    const gold = splitWords(sentence.gold);
    // The corrector decodes the NFC text; the gold is already NFC (gold-file.ts).
    const text = sentence.input.normalize('NFC');
    const tokens = [...text.matchAll(/\S+/gu)];
    const input = tokens.map((t) => t[0]);
    const starts = tokens.map((t) => startsSentence(text, t.index));
    const key = (token: string) => lexiconKey(token, this.lang);
    const fromInput = new Array<string | null>(gold.length).fill(null);
    const inputIndex = new Array<number>(gold.length).fill(-1);
    for (const pair of alignWords(gold.map(key), input.map(key))) {
      if (pair.gold !== null && pair.output !== null) {
        fromInput[pair.gold] = input[pair.output]!;
        inputIndex[pair.gold] = pair.output;
      }
    }
    this.counts.sentences++;
    gold.forEach((word, index) => {
      if (!isAlphaWord(word)) return;
      this.counts.words++;
      const partner = fromInput[index];
      if (partner === null || partner === undefined) return; // no input word to correct: not recallable
      const choices = this.choices(partner, starts[inputIndex[index]!]!);
      this.counts.aligned++;
      this.counts.spellings += spellingCount(choices);
      if (canWrite(choices, word)) this.counts.recalled++;
    });
  }

  private choices(token: string, sentenceStart: boolean): TokenChoices {
    const key = sentenceStart ? '\n' + token : token;
    let choices = this.cache.get(key);
    if (!choices) {
      choices = tokenChoices(token, this.lang, this.lexicon, this.options, sentenceStart);
      this.cache.set(key, choices);
    }
    return choices;
  }
}

/** Recall and spellings per word, in percent and as a mean (null where nothing was counted). */
export interface CandidateSummary {
  recall: number | null;
  spellings_per_word: number | null;
}

/** Turns counts into a recall percentage (4 decimals) and the mean spellings per aligned word (3 decimals). */
export function summarizeCandidates(counts: CandidateCounts): CandidateSummary {
  return {
    recall: counts.words === 0 ? null : Math.round((counts.recalled / counts.words) * 1_000_000) / 10_000,
    spellings_per_word: counts.aligned === 0 ? null : Math.round((counts.spellings / counts.aligned) * 1000) / 1000,
  };
}
