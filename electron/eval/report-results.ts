/**
 * The results behind models/EVAL.md, kept as models/eval-results.json so that a later run can add or
 * refresh some systems (e.g. `npm run eval -- --systems model`) without re-running every baseline.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { LanguageCode } from '../shared/types.ts';
import type { CandidateCell, CandidateFailure } from './report-candidates.ts';
import type { Cell } from './report-cells.ts';
import { SYSTEM_ALIASES, type SystemName } from './systems/index.ts';

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

/** Candidate recall per language (report-candidates.ts), with when and how it was last measured. */
export interface CandidateResults {
  cells: CandidateCell[];
  failures: CandidateFailure[];
  run?: SystemRun;
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
  /** The candidates section (absent until first measured). */
  candidates?: CandidateResults;
}

/** An empty result set. */
export function emptyResults(): ReportResults {
  return { version: 1, cells: [], jobs: [], runs: {} };
}

/** Reads previous results, or none when the file is absent or from another version. */
export function loadResults(path: string): ReportResults {
  if (!existsSync(path)) return emptyResults();
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<ReportResults>;
  return parsed.version === 1 ? renameAliases({ ...emptyResults(), ...parsed } as ReportResults) : emptyResults();
}

/**
 * Results saved under a system's earlier name (SYSTEM_ALIASES: model-lexicon) under its current one, so the
 * report shows one column. Where both names have results for the same thing, the current name's are kept.
 */
export function renameAliases(results: ReportResults): ReportResults {
  const aliased = (name: string): boolean => SYSTEM_ALIASES[name] !== undefined;
  const rename = <T extends string>(name: T): T | SystemName => SYSTEM_ALIASES[name] ?? name;
  const cellKey = (cell: Cell): string =>
    cell.kind === 'ud' ? `ud/${cell.system}/${cell.lang}/${cell.taskId}` : `ufal/${cell.system}/${cell.set}`;
  const jobKey = (job: JobRecord): string => `${job.system}/${job.lang}`;
  const cells = results.cells.filter((cell) => !aliased(cell.system));
  const taken = new Set(cells.map(cellKey));
  for (const cell of results.cells.filter((c) => aliased(c.system))) {
    const renamed = { ...cell, system: rename(cell.system) } as Cell;
    if (!taken.has(cellKey(renamed))) cells.push(renamed);
  }
  const jobs = results.jobs.filter((job) => !aliased(job.system));
  const ran = new Set(jobs.map(jobKey));
  for (const job of results.jobs.filter((j) => aliased(j.system))) {
    const renamed = { ...job, system: rename(job.system) };
    if (!ran.has(jobKey(renamed))) jobs.push(renamed);
  }
  const runs: ReportResults['runs'] = {};
  for (const [name, run] of Object.entries(results.runs)) {
    if (!aliased(name) || !results.runs[rename(name) as SystemName]) runs[rename(name) as SystemName] = run;
  }
  const lastRun = results.lastRun && { ...results.lastRun, systems: [...new Set(results.lastRun.systems.map(rename))] };
  return { ...results, cells, jobs, runs, ...(lastRun ? { lastRun } : {}) };
}

/** Writes results as stable, diff-friendly JSON. */
export function saveResults(path: string, results: ReportResults): void {
  writeFileSync(path, `${JSON.stringify(results, null, 1)}\n`);
}

function cellLang(cell: Cell): LanguageCode {
  return cell.kind === 'ud' ? cell.lang : 'cs';
}

/**
 * Replaces what the new jobs re-measured: the cells of each (system, language) pair that was run again, of the
 * tasks run (`tasks`: report task ids; all where not given), and their job records; everything else is kept, so a
 * run of one task leaves the other tasks' tables as they were.
 */
export function mergeResults(previous: ReportResults,
  fresh: { cells: Cell[]; jobs: JobRecord[]; tasks?: readonly string[] }): ReportResults {
  const rerun = new Set(fresh.jobs.map((job) => `${job.system}/${job.lang}`));
  const tasks = fresh.tasks ? new Set(fresh.tasks) : null;
  const naplavaFresh = fresh.cells.some((cell) => cell.kind === 'cs-ufal' && cell.system === 'naplava');
  // The Czech real-user sets run with the cs job, but not with every choice of tasks: kept unless measured again.
  const ufalFresh = new Set(fresh.cells.filter((cell) => cell.kind === 'cs-ufal').map((cell) => cell.system));
  const replaced = (cell: Cell) => rerun.has(`${cell.system}/${cellLang(cell)}`) &&
    (tasks === null || (cell.kind === 'ud' ? tasks.has(cell.taskId) : ufalFresh.has(cell.system)));
  const kept = previous.cells.filter((cell) => !replaced(cell) && !(naplavaFresh && cell.system === 'naplava'));
  return {
    ...previous,
    cells: [...kept, ...fresh.cells],
    jobs: [...previous.jobs.filter((job) => !rerun.has(`${job.system}/${job.lang}`)), ...fresh.jobs],
  };
}

/** Replaces the candidate results of the languages measured again (cells and failures); keeps the rest. */
export function mergeCandidates(
  previous: CandidateResults | undefined,
  fresh: { cells: CandidateCell[]; failures: CandidateFailure[]; langs: readonly LanguageCode[]; run: SystemRun },
): CandidateResults {
  const again = new Set(fresh.langs);
  return {
    cells: [...(previous?.cells ?? []).filter((cell) => !again.has(cell.lang)), ...fresh.cells],
    failures: [...(previous?.failures ?? []).filter((failure) => !again.has(failure.lang)), ...fresh.failures],
    run: fresh.run,
  };
}
