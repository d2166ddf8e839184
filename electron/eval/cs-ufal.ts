/**
 * The Czech real-user sets of Náplava et al. 2021 (../shared/benchmarks/cs-ufal-other-domain), scored by
 * the recipe in that folder's README so our numbers sit next to theirs: case-insensitive accuracy over the
 * tokens whose mask character is 1, token i of the prediction against token i of the gold; lines whose
 * token count differs from the gold cannot be paired and are skipped (and counted).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeUtf8, EvalInputError } from './gold-file.ts';

/** The four sets, in the README's order. */
export const UFAL_SETS = ['natives_formal', 'natives_informal', 'romi', 'second_learners'] as const;

/** One of {@link UFAL_SETS}. */
export type UfalSet = (typeof UFAL_SETS)[number];

/** A set's line-aligned files. */
export interface UfalData {
  gold: string[];
  input: string[];
  mask: string[];
  /** Náplava et al.'s published output. */
  system: string[];
}

/** Scores of one prediction file. */
export interface UfalScore {
  accuracy: number | null;
  tokens: number;
  correct: number;
  skipped_lines: number;
}

function readLines(path: string): string[] {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new EvalInputError(`cannot read ${path}`);
  }
  const lines = decodeUtf8(bytes, path).split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Reads the gold, input, mask and system files of `set` from `dir` (first `limit` lines). */
export function readUfalSet(dir: string, set: UfalSet, limit?: number): UfalData {
  const read = (kind: string): string[] => readLines(join(dir, `${set}-${kind}.txt`)).slice(0, limit);
  const data = { gold: read('gold'), input: read('input'), mask: read('mask'), system: read('system') };
  if (new Set([data.gold.length, data.input.length, data.mask.length, data.system.length]).size !== 1) {
    throw new EvalInputError(`${set}: gold, input, mask and system files differ in length`);
  }
  return data;
}

/** Scores `predictions` against the set's gold by the README's recipe. */
export function scoreUfal(data: Pick<UfalData, 'gold' | 'mask'>, predictions: readonly string[]): UfalScore {
  let tokens = 0;
  let correct = 0;
  let skipped = 0;
  data.gold.forEach((line, i) => {
    const gold = line.split(' ');
    const predicted = (predictions[i] ?? '').split(' ');
    const mask = data.mask[i] ?? '';
    if (predicted.length !== gold.length) {
      skipped++;
      return;
    }
    gold.forEach((word, j) => {
      if (mask[j] !== '1') return;
      tokens++;
      if (predicted[j]!.toLowerCase() === word.toLowerCase()) correct++;
    });
  });
  return {
    accuracy: tokens === 0 ? null : Math.round((correct / tokens) * 100 * 10_000) / 10_000,
    tokens,
    correct,
    skipped_lines: skipped,
  };
}
