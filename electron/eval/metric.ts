/**
 * The evaluation metric of DESIGN.md section 5, accumulated sentence by sentence:
 * - alpha-word accuracy: gold words with a letter that the output reproduces exactly (after word alignment);
 * - diacritic-word accuracy: the same over gold words that carry a diacritic (stripping changes them);
 * - damage rate: among gold words the input already had right, the share the output made wrong.
 * Output and input are aligned to the gold separately, so typo noise that merges or splits words is handled.
 */
import { alignedToGold } from './alignment.ts';
import { isAlphaWord, splitWords } from './words.ts';

/** Raw counts; add sentences with {@link addSentence}, turn into percentages with {@link summarize}. */
export interface MetricCounts {
  sentences: number;
  /** Gold alpha words (the denominator of alpha-word accuracy). */
  words: number;
  wordsCorrect: number;
  diacriticWords: number;
  diacriticCorrect: number;
  /** Gold alpha words whose aligned input word already equals them. */
  correctInputWords: number;
  /** Of those, how many the output changed into something else. */
  damagedWords: number;
}

/** Percentages (0-100) and counts, as printed by `ogonek eval --json`. Null where nothing was counted. */
export interface MetricSummary {
  alpha_word_accuracy: number | null;
  diacritic_word_accuracy: number | null;
  damage_rate: number | null;
  /** Alpha-word accuracy of the input itself: what leaving the text alone scores. */
  input_alpha_word_accuracy: number | null;
  sentences: number;
  words: number;
  diacritic_words: number;
  correct_input_words: number;
  damaged_words: number;
}

/** A counter at zero. */
export function emptyCounts(): MetricCounts {
  return {
    sentences: 0,
    words: 0,
    wordsCorrect: 0,
    diacriticWords: 0,
    diacriticCorrect: 0,
    correctInputWords: 0,
    damagedWords: 0,
  };
}

/**
 * Adds one sentence to `counts`. `hasDiacritic(word)` says whether a gold word carries a diacritic
 * (in the harness: stripDiacritics(word, lang) !== word).
 */
export function addSentence(
  counts: MetricCounts,
  sentence: { gold: string; input: string; output: string },
  hasDiacritic: (word: string) => boolean,
): void {
  const gold = splitWords(sentence.gold);
  const fromOutput = alignedToGold(gold, splitWords(sentence.output));
  const fromInput = alignedToGold(gold, splitWords(sentence.input));
  counts.sentences++;
  gold.forEach((word, index) => {
    if (!isAlphaWord(word)) return;
    const right = fromOutput[index] === word;
    counts.words++;
    if (right) counts.wordsCorrect++;
    if (hasDiacritic(word)) {
      counts.diacriticWords++;
      if (right) counts.diacriticCorrect++;
    }
    if (fromInput[index] === word) {
      counts.correctInputWords++;
      if (!right) counts.damagedWords++;
    }
  });
}

/** Sums two counters (for totals over files). */
export function mergeCounts(a: MetricCounts, b: MetricCounts): MetricCounts {
  const sum = emptyCounts();
  for (const key of Object.keys(sum) as (keyof MetricCounts)[]) sum[key] = a[key] + b[key];
  return sum;
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 100 * 10_000) / 10_000;
}

/** Turns counts into percentages (rounded to 4 decimals). */
export function summarize(counts: MetricCounts): MetricSummary {
  const inputCorrect = counts.correctInputWords;
  return {
    alpha_word_accuracy: percent(counts.wordsCorrect, counts.words),
    diacritic_word_accuracy: percent(counts.diacriticCorrect, counts.diacriticWords),
    damage_rate: percent(counts.damagedWords, inputCorrect),
    input_alpha_word_accuracy: percent(inputCorrect, counts.words),
    sentences: counts.sentences,
    words: counts.words,
    diacritic_words: counts.diacriticWords,
    correct_input_words: inputCorrect,
    damaged_words: counts.damagedWords,
  };
}
