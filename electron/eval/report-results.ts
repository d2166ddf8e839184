/**
 * The results behind models/EVAL.md, kept as models/eval-results.json so that a later run can add or
 * refresh some systems (e.g. `npm run eval -- --systems model`) without re-running every baseline.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { LanguageCode } from '../shared/types.ts';
import type { Cell } from './report-cells.ts';
import type { SystemName } from './systems/index.ts';

/** How one (system, language) job went. */
export interface JobRecord {
  system: SystemName;
  lang: LanguageCode;
  /** Wall seconds of the job's process (loading included). */
  wallSeconds: number;
  /** Why the job produced no results, when it did not. */
  error?: string;
}

/** Settings a system was last run with (shown in EVAL.md). */
export interface SystemRun {
  date: string;
  limit: number;
  ufalLimit?: number;
  command: string;
}

/** Everything EVAL.md is rendered from. */
export interface ReportResults {
  version: 1;
  cells: Cell[];
  jobs: JobRecord[];
  runs: Partial<Record<SystemName, SystemRun>>;
  /** Languages left out of the last run, with the reason (e.g. no benchmark file). */
  skipped?: string[];
  /** Wall seconds of the last `ogonek eval-report` run and what it ran. */
  lastRun?: { date: string; wallSeconds: number; systems: SystemName[]; jobs: number; command: string };
}

/** An empty result set. */
export function emptyResults(): ReportResults {
  return { version: 1, cells: [], jobs: [], runs: {} };
}

/** Reads previous results, or none when the file is absent or from another version. */
export function loadResults(path: string): ReportResults {
  if (!existsSync(path)) return emptyResults();
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<ReportResults>;
  return parsed.version === 1 ? ({ ...emptyResults(), ...parsed } as ReportResults) : emptyResults();
}

/** Writes results as stable, diff-friendly JSON. */
export function saveResults(path: string, results: ReportResults): void {
  writeFileSync(path, `${JSON.stringify(results, null, 1)}\n`);
}

function cellLang(cell: Cell): LanguageCode {
  return cell.kind === 'ud' ? cell.lang : 'cs';
}

/**
 * Replaces what the new jobs re-measured: every cell and job record of each (system, language) pair that
 * was run again; everything else is kept.
 */
export function mergeResults(previous: ReportResults, fresh: { cells: Cell[]; jobs: JobRecord[] }): ReportResults {
  const rerun = new Set(fresh.jobs.map((job) => `${job.system}/${job.lang}`));
  const naplavaFresh = fresh.cells.some((cell) => cell.kind === 'cs-ufal' && cell.system === 'naplava');
  const kept = previous.cells.filter(
    (cell) => !rerun.has(`${cell.system}/${cellLang(cell)}`) && !(naplavaFresh && cell.system === 'naplava'),
  );
  return {
    ...previous,
    cells: [...kept, ...fresh.cells],
    jobs: [...previous.jobs.filter((job) => !rerun.has(`${job.system}/${job.lang}`)), ...fresh.jobs],
  };
}
