/**
 * The three evaluation tasks of DESIGN.md section 5 and how each turns a gold sentence into the input a
 * system sees. The noise functions are the same ones the training data is made with.
 */
import { addTypos, stripDiacritics } from '../engine/noise/index.ts';
import { mulberry32 } from '../engine/noise/mulberry32.ts';
import type { LanguageCode } from '../shared/types.ts';

/**
 * diacritics: strip all diacritics; typos: strip, then typo noise; clean: the gold text itself; partial: each
 * whitespace token's diacritics stripped with probability 1/2 (a writer who types some and skips others);
 * typed-typos: typo noise on the gold, diacritics kept (a writer who types them and slips).
 */
export const TASKS = ['diacritics', 'typos', 'clean', 'partial', 'typed-typos'] as const;

/** One of {@link TASKS}. */
export type EvalTask = (typeof TASKS)[number];

/** Noise settings of the typos task. */
export interface NoiseOptions {
  /** Per-character typo probability. */
  p: number;
  /** Base seed; line i of the gold file uses seed + i, so every line's noise is fixed and independent. */
  seed: number;
}

/** Default noise: p = 0.02 (the lighter of the two reported levels), seed 1. */
export const DEFAULT_NOISE: NoiseOptions = { p: 0.02, seed: 1 };

/** Makes the input of line `lineIndex` (0-based line number in the gold file) for `task`. */
export function makeInput(
  task: EvalTask,
  gold: string,
  lang: LanguageCode,
  lineIndex: number,
  noise: NoiseOptions = DEFAULT_NOISE,
): string {
  switch (task) {
    case 'diacritics':
      return stripDiacritics(gold, lang);
    case 'typos':
      return addTypos(stripDiacritics(gold, lang), lang, noise.p, noise.seed + lineIndex);
    case 'clean':
      return gold;
    case 'partial':
      return stripSomeWords(gold, lang, noise.seed + lineIndex);
    case 'typed-typos':
      return addTypos(gold, lang, noise.p, noise.seed + lineIndex);
  }
}

/** `text` with each whitespace token's diacritics stripped with probability 1/2 (mulberry32 seeded with `seed`). */
export function stripSomeWords(text: string, lang: LanguageCode, seed: number): string {
  const next = mulberry32(seed);
  return text.split(/(\s+)/u).map((part, i) => (i % 2 === 0 && next() < 2 ** 31 ? stripDiacritics(part, lang) : part)).join('');
}

/** True when `value` names a task. */
export function isTask(value: string): value is EvalTask {
  return (TASKS as readonly string[]).includes(value);
}
