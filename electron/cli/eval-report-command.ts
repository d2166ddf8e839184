/**
 * `ogonek eval-report` (`npm run eval`): runs every system on every benchmark language and task, measures
 * candidate recall, and regenerates models/EVAL.md and models/eval-results.json (the data it is rendered from).
 * Systems not run this time keep their previous results, so `npm run eval -- --systems model` adds the model
 * column alone and `npm run eval -- --systems candidates` refreshes the candidates section alone.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LANGUAGES, type LanguageCode } from '../shared/types.ts';
import { EvalInputError } from '../eval/gold-file.ts';
import { DEFAULT_MODEL_DIR, REPO_ROOT, sharedDir } from '../eval/paths.ts';
import { runCandidates } from '../eval/report-candidates.ts';
import { naplavaCells, runCellJob } from '../eval/report-cells.ts';
import { planJobs, runJobs } from '../eval/report-jobs.ts';
import { renderReport } from '../eval/report-markdown.ts';
import { REPORT_TASKS } from '../eval/report-plan.ts';
import { emptyResults, loadResults, mergeCandidates, mergeResults, saveResults } from '../eval/report-results.ts';
import { lexiconDirOf, loadEvalLexicon, resolveSystemName, type SystemName } from '../eval/systems/index.ts';

/** The name in --systems of the candidate recall measurement (no system: it needs only the lexicons). */
const CANDIDATES = 'candidates';

const USAGE = `Usage: ogonek eval-report [options]      (npm run eval -- [options])
  --systems a,b     systems to run (keep unigram spell model product; model-lexicon is product's old name), and
                    candidates: the candidate recall of the lexicons (no model; seconds per language)
                    (default keep,unigram,spell,candidates, plus model,product when models/manifest.json exists)
  --langs a,b       languages (default all)
  --tasks a,b       ${REPORT_TASKS.map((t) => t.id).join(',')} (default all)
  --limit N         sentences per language (default 300)
  --spell-limit N   sentences per language for spell (default 50: nspell suggestions are slow)
  --cs-limit N      lines per Czech real-user set (default all)
  --jobs N          parallel processes (default 1; more skews the speed columns)
  --timeout S       seconds per (system, language) process (default 900)
  --spell-timeout S the same for spell (default 120: nspell expands whole dictionaries on load; those
                    that load at all take seconds, lt lv pt it et did not finish in 5 minutes)
  --fresh           drop previous results instead of keeping those of systems not run
  --render          only re-render the report from the saved results (no system is run)
  --out FILE        report path (default models/EVAL.md); eval-results.json is written beside it
  --lexicon-dir DIR (complete lexicons <lang>.lex.br; default <model-dir>/lexicon), --model-dir DIR, --threads N`;

const OPTIONS = {
  systems: { type: 'string' },
  langs: { type: 'string' },
  tasks: { type: 'string' },
  limit: { type: 'string' },
  'spell-limit': { type: 'string' },
  'cs-limit': { type: 'string' },
  jobs: { type: 'string' },
  timeout: { type: 'string' },
  'spell-timeout': { type: 'string' },
  out: { type: 'string' },
  'lexicon-dir': { type: 'string' },
  'model-dir': { type: 'string' },
  render: { type: 'boolean' },
  threads: { type: 'string' },
  fresh: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  // Internal: run one (system, language) job and print its cells as JSON (see report-jobs.ts).
  cell: { type: 'boolean' },
  system: { type: 'string' },
  lang: { type: 'string' },
  ufal: { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

function list(value: string | undefined, fallback: readonly string[]): string[] {
  return value === undefined
    ? [...fallback]
    : value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean);
}

function positive(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new EvalInputError(`invalid --${name}: ${value}`);
  return n;
}

function systemOptions(values: Values): { lexiconDir?: string; modelDir?: string; threads?: number } {
  const threads = positive('threads', values.threads);
  return {
    ...(values['lexicon-dir'] ? { lexiconDir: values['lexicon-dir'] } : {}),
    ...(values['model-dir'] ? { modelDir: values['model-dir'] } : {}),
    ...(threads ? { threads } : {}),
  };
}

async function runCell(values: Values): Promise<number> {
  const system = resolveSystemName(values.system ?? '');
  const lang = values.lang ?? '';
  if (!system || !(LANGUAGES as readonly string[]).includes(lang)) throw new EvalInputError('bad --cell job');
  const ufalLimit = positive('cs-limit', values['cs-limit']);
  const cells = await runCellJob(
    {
      system,
      lang: lang as LanguageCode,
      taskIds: list(values.tasks, []),
      limit: positive('limit', values.limit) ?? 300,
      ufal: values.ufal === true,
      ...(ufalLimit ? { ufalLimit } : {}),
      benchmarksDir: join(sharedDir(), 'benchmarks'),
      ...systemOptions(values),
    },
    (line) => console.error(`  ${line}`),
  );
  process.stdout.write(JSON.stringify(cells));
  return 0;
}

function renderOnly(values: Values): number {
  const out = values.out ?? join(REPO_ROOT, 'models', 'EVAL.md');
  const resultsPath = join(out, '..', 'eval-results.json');
  if (!existsSync(resultsPath)) throw new EvalInputError(`--render needs ${resultsPath}; run without --render first`);
  writeFileSync(out, renderReport(loadResults(resultsPath)));
  console.error(`wrote ${out} from ${resultsPath}`);
  return 0;
}

async function runReport(values: Values, args: string[]): Promise<number> {
  if (values.render) return renderOnly(values);
  const modelDir = values['model-dir'] ?? DEFAULT_MODEL_DIR;
  const withModel = existsSync(join(modelDir, 'manifest.json'));
  const defaults = ['keep', 'unigram', 'spell', ...(withModel ? ['model', 'product'] : []), CANDIDATES];
  const asked = list(values.systems, defaults);
  const candidates = asked.includes(CANDIDATES);
  const systems: SystemName[] = [];
  for (const name of asked.filter((s) => s !== CANDIDATES)) {
    const system = resolveSystemName(name);
    if (!system) throw new EvalInputError(`unknown system ${name}`);
    if (!systems.includes(system)) systems.push(system);
  }
  const askedLangs = list(values.langs, LANGUAGES);
  const benchmarks = join(sharedDir(), 'benchmarks');
  const langs = askedLangs.filter((lang) => existsSync(join(benchmarks, 'ud', `${lang}.txt`)));
  const skipped = askedLangs
    .filter((lang) => !langs.includes(lang))
    .map((lang) => `${lang}: no benchmark file ${join('../shared/benchmarks/ud', `${lang}.txt`)}, so no row`);
  const taskIds = list(
    values.tasks,
    REPORT_TASKS.map((t) => t.id),
  );
  for (const l of askedLangs)
    if (!(LANGUAGES as readonly string[]).includes(l)) throw new EvalInputError(`unknown language ${l}`);
  for (const t of taskIds) if (!REPORT_TASKS.some((r) => r.id === t)) throw new EvalInputError(`unknown task ${t}`);
  const limit = positive('limit', values.limit) ?? 300;
  const spellLimit = positive('spell-limit', values['spell-limit']) ?? 50;
  const csLimit = positive('cs-limit', values['cs-limit']);
  const parallel = positive('jobs', values.jobs) ?? 1;
  const out = values.out ?? join(REPO_ROOT, 'models', 'EVAL.md');
  const resultsPath = join(out, '..', 'eval-results.json');
  const limitOf = (system: SystemName): number => (system === 'spell' ? spellLimit : limit);

  const started = performance.now();
  const jobs = planJobs({
    systems,
    langs: langs as LanguageCode[],
    tasks: REPORT_TASKS.filter((t) => taskIds.includes(t.id)),
    limitOf,
    extraArgs: ['lexicon-dir', 'model-dir', 'threads', 'cs-limit'].flatMap((name) => {
      const v = values[name as keyof Values];
      return v ? [`--${name}`, String(v)] : [];
    }),
  });
  const timeout = positive('timeout', values.timeout) ?? 900;
  const spellTimeout = positive('spell-timeout', values['spell-timeout']) ?? 120;
  const { cells, records } = await runJobs(jobs, parallel, (job) => (job.system === 'spell' ? spellTimeout : timeout));
  if (systems.length > 0 && langs.includes('cs') && taskIds.includes('diacritics')) {
    cells.push(...naplavaCells(benchmarks, csLimit));
  }
  const date = new Date().toISOString();
  const command = `npm run eval${args.length ? ` -- ${args.join(' ')}` : ''}`;
  const measured = candidates
    ? await runCandidates({
        langs: langs as LanguageCode[],
        taskIds,
        limit,
        benchmarksDir: benchmarks,
        loadLexicon: (lang) => loadEvalLexicon(lexiconDirOf({ ...systemOptions(values), modelDir }), lang),
        log: (line) => console.error(`  ${line}`),
      })
    : undefined;

  const results = mergeResults(values.fresh ? emptyResults() : loadResults(resultsPath),
    { cells, jobs: records, tasks: taskIds });
  for (const system of systems) {
    results.runs[system] = { date, limit: limitOf(system), command, ...(csLimit ? { ufalLimit: csLimit } : {}) };
  }
  if (measured) {
    const run = { date, limit, command };
    results.candidates = mergeCandidates(results.candidates, { ...measured, langs: langs as LanguageCode[], run });
  }
  results.skipped = skipped;
  // A run of the candidates alone ran no system: the last systems' run stays the one described.
  if (systems.length > 0) {
    results.lastRun = {
      date,
      wallSeconds: Math.round((performance.now() - started) / 1000),
      systems,
      jobs: parallel,
      command,
    };
  }
  saveResults(resultsPath, results);
  writeFileSync(out, renderReport(results));
  const failed = records.filter((r) => r.error).length + (measured?.failures.length ?? 0);
  console.error(
    `wrote ${out} and ${resultsPath} in ${((performance.now() - started) / 60_000).toFixed(1)} min` +
      (failed ? `; ${failed} job(s) gave no results (see the report)` : ''),
  );
  return 0;
}

/** Runs the command; returns the exit code (2: usage, 1: bad input). */
export async function run(args: string[]): Promise<number> {
  let values: Values;
  try {
    values = parseArgs({ args, options: OPTIONS }).values;
  } catch (error) {
    console.error(`ogonek eval-report: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    return values.cell ? await runCell(values) : await runReport(values, args);
  } catch (error) {
    if (!(error instanceof EvalInputError)) throw error;
    console.error(`ogonek eval-report: ${error.message}`);
    return 1;
  }
}
