/**
 * The candidates section of `ogonek eval-report` (`npm run eval -- --systems candidates`): candidate recall
 * (candidates.ts) per language on the diacritics and typos-0.02 tasks, on the same gold sentences and noise as
 * the systems. It needs only the lexicons, so it runs in the report's own process, language after language.
 */
import { join } from 'node:path';
import type { Lexicon } from '../engine/lexicon/lexicon.ts';
import type { LanguageCode } from '../shared/types.ts';
import { CandidateCounter, type CandidateCounts } from './candidates.ts';
import { EvalInputError, readGoldLines, type GoldLine } from './gold-file.ts';
import { languagesFor, REPORT_SEED, reportTask } from './report-plan.ts';
import { makeInput } from './tasks.ts';

/** The report tasks candidate recall is measured on (issue 10's targets name these two). */
export const CANDIDATE_TASK_IDS = ['diacritics', 'typos-0.02'] as const;

/** Candidate recall of one language and task. */
export interface CandidateCell {
  lang: LanguageCode;
  taskId: string;
  /** Sentences per UD file. */
  limit: number;
  counts: CandidateCounts;
}

/** A language whose candidates could not be measured, and why (e.g. its lexicon is missing). */
export interface CandidateFailure {
  lang: LanguageCode;
  error: string;
}

/** Counts candidate recall of `lines` on report task `taskId` with `lexicon`. */
export function measureTask(
  lines: readonly GoldLine[],
  lang: LanguageCode,
  lexicon: Lexicon,
  taskId: string,
): CandidateCounts {
  const task = reportTask(taskId);
  if (!task) throw new Error(`unknown report task ${taskId}`);
  const counter = new CandidateCounter(lang, lexicon);
  const noise = { p: task.p ?? 0, seed: REPORT_SEED };
  for (const line of lines)
    counter.add({ gold: line.text, input: makeInput(task.task, line.text, lang, line.index, noise) });
  return counter.counts;
}

/**
 * Measures every language of `langs` on the candidate tasks among `taskIds` that apply to it. A language whose
 * lexicon or gold file cannot be read becomes a failure (shown in the report), not the end of the run.
 */
export async function runCandidates(options: {
  langs: readonly LanguageCode[];
  taskIds: readonly string[];
  limit: number;
  benchmarksDir: string;
  loadLexicon: (lang: LanguageCode) => Promise<Lexicon>;
  log: (line: string) => void;
}): Promise<{ cells: CandidateCell[]; failures: CandidateFailure[] }> {
  const cells: CandidateCell[] = [];
  const failures: CandidateFailure[] = [];
  for (const lang of options.langs) {
    const ids = CANDIDATE_TASK_IDS.filter(
      (id) => options.taskIds.includes(id) && languagesFor(reportTask(id)!).includes(lang),
    );
    if (ids.length === 0) continue;
    const started = performance.now();
    try {
      const lines = readGoldLines(join(options.benchmarksDir, 'ud', `${lang}.txt`), options.limit);
      const lexicon = await options.loadLexicon(lang);
      for (const taskId of ids) {
        const counts = measureTask(lines, lang, lexicon, taskId);
        cells.push({ lang, taskId, limit: options.limit, counts });
        const recall = ((100 * counts.recalled) / Math.max(counts.words, 1)).toFixed(2);
        options.log(`candidates ${lang} ${taskId}: recall ${recall} % of ${counts.words} words`);
      }
      options.log(`candidates ${lang}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      if (!(error instanceof EvalInputError)) throw error;
      failures.push({ lang, error: `candidates ${lang}: ${error.message}` });
      options.log(`candidates ${lang}: failed: ${error.message}`);
    }
  }
  return { cells, failures };
}
