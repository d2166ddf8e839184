/**
 * The jobs of `ogonek eval-report`: one child process per (system, language), at most N at a time, each
 * with a time limit. A process per job keeps nspell's multi-gigabyte dictionaries and the engine's threads
 * from piling up in one heap, and lets a stuck job be killed without losing the others.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { LanguageCode } from '../shared/types.ts';
import { REPO_ROOT } from './paths.ts';
import type { Cell } from './report-cells.ts';
import { languagesFor, systemApplies, type ReportTask } from './report-plan.ts';
import type { JobRecord } from './report-results.ts';
import type { SystemName } from './systems/index.ts';

const BIN = join(REPO_ROOT, 'bin', 'ogonek.js');

/** One (system, language) job and the `eval-report --cell` arguments that run it. */
export interface ReportJob {
  system: SystemName;
  lang: LanguageCode;
  args: string[];
}

/** Plans the jobs: every system for every language, on the tasks where both apply. */
export function planJobs(options: {
  systems: SystemName[];
  langs: LanguageCode[];
  tasks: readonly ReportTask[];
  limitOf: (system: SystemName) => number;
  extraArgs: string[];
}): ReportJob[] {
  const jobs: ReportJob[] = [];
  for (const system of options.systems) {
    for (const lang of options.langs) {
      const ids = options.tasks
        .filter((t) => languagesFor(t).includes(lang) && systemApplies(system, t))
        .map((t) => t.id);
      if (ids.length === 0) continue;
      // The Czech real-user sets are a diacritics task; the spell checker does not run on those.
      const ufal = lang === 'cs' && system !== 'spell' && ids.includes('diacritics');
      jobs.push({
        system,
        lang,
        args: [
          '--system',
          system,
          '--lang',
          lang,
          '--tasks',
          ids.join(','),
          '--limit',
          String(options.limitOf(system)),
          ...(ufal ? ['--ufal'] : []),
          ...options.extraArgs,
        ],
      });
    }
  }
  return jobs;
}

/** Runs one job in a child process; resolves with its cells, or none and the reason. */
function runChild(job: ReportJob, timeoutS: number): Promise<{ cells: Cell[]; record: JobRecord }> {
  const started = performance.now();
  return new Promise((resolve) => {
    // Node's default heap on purpose: nspell's expansion of dictionary-hu outgrows even 8 GB, and a
    // bigger heap only makes that failure slower and squeezes whatever else runs on the machine.
    const child = spawn(process.execPath, [BIN, 'eval-report', '--cell', ...job.args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    const timer = setTimeout(() => ((timedOut = true), child.kill('SIGKILL')), timeoutS * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      const record: JobRecord = {
        system: job.system,
        lang: job.lang,
        wallSeconds: Math.round((performance.now() - started) / 100) / 10,
      };
      if (code === 0 && !timedOut) return resolve({ cells: JSON.parse(stdout) as Cell[], record });
      // V8 ends an out-of-memory crash with a native stack trace; its FATAL ERROR line says what happened.
      const fatal = /FATAL ERROR: (.*)/u.exec(stderr)?.[1];
      const lastLine =
        fatal ??
        stderr
          .trim()
          .split('\n')
          .at(-1)
          ?.replace(/^ogonek[\w -]*: /u, '') ??
        '';
      // The cell job logs "loaded in" once the system is up: say which phase ran out of time.
      const phase = /: loaded in /u.test(stderr) ? 'did not finish its sentences' : 'did not finish loading';
      record.error =
        `${job.system} ${job.lang}: ` +
        (timedOut ? `${phase} within the limit of ${timeoutS} s per language` : lastLine || `exit code ${code}`);
      resolve({ cells: [], record });
    });
  });
}

/** Runs `jobs` with at most `parallel` at a time, each stopped after `timeoutOf(job)` seconds. */
export async function runJobs(
  jobs: readonly ReportJob[],
  parallel: number,
  timeoutOf: (job: ReportJob) => number,
): Promise<{ cells: Cell[]; records: JobRecord[] }> {
  const cells: Cell[] = [];
  const records: JobRecord[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      console.error(`[${next}/${jobs.length}] ${job.system} ${job.lang}`);
      const done = await runChild(job, timeoutOf(job));
      cells.push(...done.cells);
      records.push(done.record);
      console.error(done.record.error ? `  failed: ${done.record.error}` : `  done in ${done.record.wallSeconds} s`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, jobs.length) }, worker));
  return { cells, records };
}
