/**
 * One evaluation run: gold lines -> task input -> system output -> metric, with the system's time.
 * Shared by `ogonek eval` (one file) and `ogonek eval-report` (every language and task).
 */
import { stripDiacritics } from '../engine/noise/index.ts';
import type { LanguageCode } from '../shared/types.ts';
import type { GoldLine } from './gold-file.ts';
import { addSentence, emptyCounts, summarize, type MetricCounts, type MetricSummary } from './metric.ts';
import type { EvalSystem } from './systems/index.ts';
import { makeInput, type EvalTask, type NoiseOptions } from './tasks.ts';

/** What `ogonek eval --json` prints. */
export interface EvalResult extends MetricSummary {
  system: string;
  lang: LanguageCode;
  task: EvalTask;
  /** Typo probability and base seed (typos task only). */
  p?: number;
  seed?: number;
  /** Seconds spent inside the system's correct() (loading excluded). */
  seconds: number;
  sentences_per_second: number;
}

/** A scored run with its raw counts and texts, for reports that sum or show examples. */
export interface EvalRun {
  result: EvalResult;
  counts: MetricCounts;
  inputs: string[];
  outputs: string[];
}

/** Runs `system` on `lines` for `task` and scores it. */
export async function evaluate(
  system: EvalSystem,
  lines: readonly GoldLine[],
  options: { lang: LanguageCode; task: EvalTask; noise: NoiseOptions },
): Promise<EvalRun> {
  const { lang, task, noise } = options;
  const inputs = lines.map((line) => makeInput(task, line.text, lang, line.index, noise));
  const started = performance.now();
  const outputs = await system.correct(inputs);
  const seconds = (performance.now() - started) / 1000;
  if (outputs.length !== inputs.length) {
    throw new Error(`system ${system.name} returned ${outputs.length} outputs for ${inputs.length} inputs`);
  }
  const counts = emptyCounts();
  const hasDiacritic = (word: string): boolean => stripDiacritics(word, lang) !== word;
  lines.forEach((line, i) => {
    // NFC vs NFD is invisible to the reader, so it is not held against a system.
    addSentence(counts, { gold: line.text, input: inputs[i]!, output: outputs[i]!.normalize('NFC') }, hasDiacritic);
  });
  const result: EvalResult = {
    system: system.name,
    lang,
    task,
    ...(task === 'typos' ? { p: noise.p, seed: noise.seed } : {}),
    ...summarize(counts),
    seconds: Math.round(seconds * 1000) / 1000,
    sentences_per_second: Math.round((lines.length / Math.max(seconds, 1e-6)) * 100) / 100,
  };
  return { result, counts, inputs, outputs };
}
