/**
 * Runs one system for one language over the report's tasks (and, for Czech, the real-user sets): one
 * "cell job" of `ogonek eval-report`. The system is loaded once and reused across tasks, which matters for
 * the spell checker (nspell expands its whole dictionary on load) and for the model.
 */
import { join } from 'node:path';
import type { LanguageCode } from '../shared/types.ts';
import { readUfalSet, scoreUfal, UFAL_SETS, type UfalScore, type UfalSet } from './cs-ufal.ts';
import { readGoldLines } from './gold-file.ts';
import { REPORT_SEED, reportTask, systemApplies } from './report-plan.ts';
import { evaluate, type EvalResult } from './run-eval.ts';
import { createSystem, type SystemName, type SystemOptions } from './systems/index.ts';

/** A UD-benchmark result of one system, language and task. */
export interface UdCell {
  kind: 'ud';
  system: SystemName;
  lang: LanguageCode;
  taskId: string;
  limit: number;
  result: EvalResult;
}

/** A cs-ufal-other-domain result of one system and set. */
export interface UfalCell {
  kind: 'cs-ufal';
  system: SystemName | 'naplava';
  set: UfalSet;
  lines: number;
  score: UfalScore;
  seconds: number;
}

/** Any result row of the report. */
export type Cell = UdCell | UfalCell;

/** What one cell job runs. */
export interface CellJob extends Omit<SystemOptions, 'lang'> {
  system: SystemName;
  lang: LanguageCode;
  taskIds: string[];
  /** Sentences per UD file. */
  limit: number;
  /** Also run the Czech real-user sets (lang cs only), at most `ufalLimit` lines each (all when absent). */
  ufal: boolean;
  ufalLimit?: number;
  benchmarksDir: string;
}

/** Runs `job`; `log` receives one progress line per result. */
export async function runCellJob(job: CellJob, log: (line: string) => void): Promise<Cell[]> {
  const { system: name, lang } = job;
  const started = performance.now();
  const system = await createSystem(name, { ...job, lang });
  log(`${name} ${lang}: loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const cells: Cell[] = [];
  try {
    for (const taskId of job.taskIds) {
      const task = reportTask(taskId);
      if (!task) throw new Error(`unknown report task ${taskId}`);
      if (!systemApplies(name, task)) continue;
      const lines = readGoldLines(join(job.benchmarksDir, 'ud', `${lang}.txt`), job.limit);
      const noise = { p: task.p ?? 0, seed: REPORT_SEED };
      const { result } = await evaluate(system, lines, { lang, task: task.task, noise });
      log(`${name} ${lang} ${taskId}: ${result.alpha_word_accuracy} % in ${result.seconds} s`);
      cells.push({ kind: 'ud', system: name, lang, taskId, limit: job.limit, result });
    }
    if (job.ufal && lang === 'cs') {
      for (const set of UFAL_SETS) {
        const data = readUfalSet(join(job.benchmarksDir, 'cs-ufal-other-domain'), set, job.ufalLimit);
        const begun = performance.now();
        const outputs = await system.correct(data.input);
        const seconds = (performance.now() - begun) / 1000;
        const score = scoreUfal(data, outputs);
        log(`${name} cs-ufal ${set}: ${score.accuracy} % in ${seconds.toFixed(1)} s`);
        cells.push({
          kind: 'cs-ufal',
          system: name,
          set,
          lines: data.gold.length,
          score,
          seconds: Math.round(seconds * 1000) / 1000,
        });
      }
    }
  } finally {
    await system.dispose();
  }
  return cells;
}

/** The published reference: Náplava et al. 2021's outputs scored by the same recipe. */
export function naplavaCells(benchmarksDir: string, ufalLimit?: number): UfalCell[] {
  return UFAL_SETS.map((set) => {
    const data = readUfalSet(join(benchmarksDir, 'cs-ufal-other-domain'), set, ufalLimit);
    return {
      kind: 'cs-ufal',
      system: 'naplava',
      set,
      lines: data.gold.length,
      score: scoreUfal(data, data.system),
      seconds: 0,
    };
  });
}
