/**
 * Renders models/EVAL.md from the report results: a table per task (a row per language, a column per
 * system), detail tables, candidate recall beside the product, the Czech real-user sets next to Náplava et
 * al.'s published outputs, and how long the run took. Pure: the same results always give the same text.
 */
import { LANGUAGES, type LanguageCode } from '../shared/types.ts';
import { summarizeCandidates } from './candidates.ts';
import { UFAL_SETS } from './cs-ufal.ts';
import type { MetricSummary } from './metric.ts';
import { CANDIDATE_TASK_IDS } from './report-candidates.ts';
import type { UdCell, UfalCell } from './report-cells.ts';
import {
  languagesFor,
  PAPER_LANGUAGES,
  REPORT_TASKS,
  reportTask,
  systemApplies,
  type ReportTask,
} from './report-plan.ts';
import { renameAliases, type ReportResults } from './report-results.ts';
import { SYSTEMS, type SystemName } from './systems/index.ts';

const DESCRIPTIONS: Record<SystemName, string> = {
  keep: 'the input unchanged',
  unigram:
    'each word -> the most frequent attested form of its key in the complete lexicon (models/lexicon/<lang>.lex.br), else unchanged',
  spell: 'nspell + npm dictionary-<lang>; each unknown word -> its suggestion most frequent in ../shared/wordfreq',
  model: 'the network alone (models/manifest.json): the diacritics tagger letter by letter in the languages one knows (models/tagger.<langs>.json), free decoding elsewhere',
  product:
    'the product: exactly what `ogonek fix --lang <lang>` does by default: each word\'s candidates from the complete lexicon, their priors re-scored in context by the word language model, then ranked by the model (until issue 10, named model-lexicon)',
  lexicon: 'ablation: the complete lexicon\'s candidates, each word its candidate of highest frequency prior (no language model, no model)',
  'lexicon-lm': 'ablation: the candidates with their priors re-scored by the word language model, the best taken (no model)',
  'product-nolm': 'ablation: the product without the word language model (the model ranks candidates by their frequency priors)',
};

const fixed = (value: number | null | undefined, digits = 2): string =>
  value === null || value === undefined ? '—' : value.toFixed(digits);
const count = (value: number): string => value.toLocaleString('en-US');
const mean = (values: (number | null | undefined)[]): number | null =>
  values.length === 0 || values.some((v) => v === null || v === undefined)
    ? null
    : (values as number[]).reduce((a, b) => a + b, 0) / values.length;
const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;

/** The two mean rows under a per-language table: the 13 ByT5-paper languages, then all of `langs`. */
function meanRows(langs: readonly LanguageCode[],
  columns: ReadonlyArray<(group: readonly LanguageCode[]) => number | null>): string[] {
  const groups: [string, readonly LanguageCode[]][] = [
    ['mean, 13 ByT5-paper languages', PAPER_LANGUAGES],
    [`mean, all ${langs.length}`, langs],
  ];
  return groups.map(([label, group]) => row([`**${label}**`, '', ...columns.map((value) => fixed(value(group)))]));
}
/** A table header; the first `text` columns are left-aligned, the rest (numbers) right-aligned. */
const header = (cells: string[], text = 1): string[] => [
  row(cells),
  row(cells.map((_, i) => (i < text ? '---' : '---:'))),
];

/** A system's column title, with its sample size when it differs from that of most columns. */
function limitLabel(results: ReportResults, system: SystemName, columns: SystemName[]): string {
  const limits = columns.map((c) => results.runs[c]?.limit);
  const usual = limits.reduce((best, limit) =>
    limits.filter((l) => l === limit).length > limits.filter((l) => l === best).length ? limit : best,
  );
  const limit = results.runs[system]?.limit;
  return limit !== undefined && limit !== usual ? `${system} (first ${limit})` : system;
}

/** Systems with at least one result, in the canonical order. */
function presentSystems(results: ReportResults): SystemName[] {
  return SYSTEMS.filter(
    (system) =>
      results.cells.some((cell) => cell.system === system) || results.jobs.some((job) => job.system === system),
  );
}

function taskSection(
  results: ReportResults,
  task: ReportTask,
  systems: SystemName[],
  notes: Map<string, number>,
): string[] {
  const cells = results.cells.filter((cell): cell is UdCell => cell.kind === 'ud' && cell.taskId === task.id);
  const failed = (system: SystemName, lang: LanguageCode): boolean =>
    results.jobs.some((job) => job.system === system && job.lang === lang && job.error !== undefined);
  const inTable = (system: SystemName, lang: LanguageCode): boolean =>
    cells.some((cell) => cell.system === system && cell.lang === lang) ||
    (systemApplies(system, task) && failed(system, lang));
  const columns = systems.filter((system) => languagesFor(task).some((lang) => inTable(system, lang)));
  if (columns.length === 0) return [];
  const find = (system: SystemName, lang: LanguageCode): MetricSummary | undefined =>
    cells.find((cell) => cell.system === system && cell.lang === lang)?.result;
  const note = (system: SystemName, lang: LanguageCode): string => {
    const error = results.jobs.find((job) => job.system === system && job.lang === lang)?.error;
    if (!error) return '—';
    if (!notes.has(error)) notes.set(error, notes.size + 1);
    return `n/a [${notes.get(error)}]`;
  };
  const langs = languagesFor(task).filter((lang) => columns.some((system) => inTable(system, lang)));
  // The words column counts the main sample; spell may run on fewer sentences (its column says so).
  const reference = (lang: LanguageCode): MetricSummary | undefined =>
    find(columns.find((system) => system !== 'spell' && find(system, lang)) ?? columns[0]!, lang);
  const lines = [
    `## ${task.title}`,
    '',
    'Alpha-word accuracy, %.',
    '',
    ...header(['lang', 'words', ...columns.map((system) => limitLabel(results, system, columns))]),
  ];
  for (const lang of langs) {
    lines.push(
      row([
        lang,
        count(reference(lang)?.words ?? 0),
        ...columns.map((system) => {
          const result = find(system, lang);
          return result ? fixed(result.alpha_word_accuracy) : note(system, lang);
        }),
      ]),
    );
  }
  lines.push(...meanRows(langs, columns.map((system) => (group) =>
    mean(group.map((lang) => find(system, lang)?.alpha_word_accuracy)))));
  // Leaving text alone takes no time: a speed column for keep would only show timer noise.
  const timed = columns.filter((system) => system !== 'keep');
  lines.push(
    '',
    '<details><summary>Diacritic-word accuracy / damage rate (%) and speed (sentences/s)</summary>',
    '',
    ...header(['lang', ...columns.map((s) => `${s}: diacritic / damage`), ...timed.map((s) => `${s}: sent/s`)]),
  );
  for (const lang of langs) {
    const both = (r: MetricSummary | undefined): string =>
      r ? `${fixed(r.diacritic_word_accuracy)} / ${fixed(r.damage_rate)}` : '—';
    lines.push(
      row([
        lang,
        ...columns.map((system) => both(find(system, lang))),
        ...timed.map((system) =>
          fixed(cells.find((c) => c.system === system && c.lang === lang)?.result.sentences_per_second, 1),
        ),
      ]),
    );
  }
  lines.push('', '</details>', '');
  return lines;
}

function ufalSection(results: ReportResults, systems: SystemName[]): string[] {
  const cells = results.cells.filter((cell): cell is UfalCell => cell.kind === 'cs-ufal');
  if (cells.length === 0) return [];
  const columns = [...systems.filter((s) => cells.some((c) => c.system === s)), 'naplava' as const];
  const names = columns.map((c) =>
    c === 'naplava' ? 'Náplava et al. 2021' : c === 'keep' ? 'keep (input as given)' : c,
  );
  const lines = [
    '## Czech real-user texts (../shared/benchmarks/cs-ufal-other-domain)',
    '',
    "Scored by that folder's recipe so the published reference fits in: case-insensitive word accuracy over the",
    'tokens with mask 1, token by token; a line whose output has a different token count is skipped (count in',
    'brackets). The input is given (lowercased, stripped). Reference: Náplava, Straka, Straková 2021, PBML 116.',
    '',
    ...header(['set', 'lines', 'tokens', ...names]),
  ];
  for (const set of UFAL_SETS) {
    const find = (system: string): UfalCell | undefined => cells.find((c) => c.set === set && c.system === system);
    const any = find('naplava') ?? cells.find((c) => c.set === set);
    if (!any) continue;
    lines.push(
      row([
        set,
        count(any.lines),
        count(find('keep')?.score.tokens ?? any.score.tokens),
        ...columns.map((system) => {
          const cell = find(system);
          if (!cell) return '—';
          return fixed(cell.score.accuracy) + (cell.score.skipped_lines ? ` (${cell.score.skipped_lines})` : '');
        }),
      ]),
    );
  }
  return [...lines, ''];
}

/** A column of the candidates table: a value per language on one task. */
interface CandidateColumn {
  title: string;
  taskId: string;
  value: (lang: LanguageCode) => number | null | undefined;
}

/** The candidates table: candidate recall and spellings per word beside the product's accuracy. */
function candidatesSection(results: ReportResults): string[] {
  const measured = results.candidates;
  if (!measured || (measured.cells.length === 0 && measured.failures.length === 0)) return [];
  const summary = (lang: LanguageCode, taskId: string) => {
    const found = measured.cells.find((c) => c.lang === lang && c.taskId === taskId);
    return found && summarizeCandidates(found.counts);
  };
  const product = (lang: LanguageCode, taskId: string) =>
    results.cells.find(
      (c): c is UdCell => c.kind === 'ud' && c.system === 'product' && c.lang === lang && c.taskId === taskId,
    )?.result.alpha_word_accuracy;
  const short = (taskId: string): string => (taskId === 'diacritics' ? 'diacritics' : 'typos 0.02');
  const columns: CandidateColumn[] = [
    ...CANDIDATE_TASK_IDS.map((taskId) => ({
      title: `recall, ${short(taskId)}`,
      taskId,
      value: (lang: LanguageCode) => summary(lang, taskId)?.recall,
    })),
    ...CANDIDATE_TASK_IDS.map((taskId) => ({
      title: `spellings per word, ${short(taskId)}`,
      taskId,
      value: (lang: LanguageCode) => summary(lang, taskId)?.spellings_per_word,
    })),
    ...CANDIDATE_TASK_IDS.map((taskId) => ({
      title: `product, ${short(taskId)}`,
      taskId,
      value: (lang: LanguageCode) => product(lang, taskId),
    })),
  ];
  const langs = LANGUAGES.filter(
    (lang) => measured.cells.some((c) => c.lang === lang) || measured.failures.some((f) => f.lang === lang),
  );
  const notes: string[] = [];
  const run = measured.run;
  const lines = [
    '## Candidates',
    '',
    'Whether the product could write the right word at all. Lexicon decoding chooses, for each letter run of a',
    'word, among the spellings `candidatesFor` (electron/engine/lexicon/lexicon-plan.ts, default options) gives for the',
    'input, the input itself among them; every other character is copied. Recall = gold words (counted and',
    'aligned to the input as by the metric) that one of those spellings reproduces / all gold words: a bound on',
    "the product's accuracy that needs no model. Spellings per word: how many it chooses among, per aligned input",
    'word (1: nothing to choose). Same sentences and noise as the tables above (typos: p = 0.02, seed 1 + line).',
    'The product columns repeat its alpha-word accuracy from those tables (— where it was not run).',
    ...(run
      ? [
          '',
          `Measured on the first ${count(run.limit)} sentences per language by \`${run.command}\` on ${run.date.slice(0, 10)}.`,
        ]
      : []),
    '',
    ...header(['lang', 'words', ...columns.map((column) => column.title)]),
  ];
  for (const lang of langs) {
    const error = measured.failures.find((f) => f.lang === lang)?.error;
    if (error) notes.push(`- ${error.replaceAll('\n', ' ')}`);
    const words = measured.cells.find((c) => c.lang === lang)?.counts.words;
    lines.push(
      row([
        lang,
        words ? count(words) : '—',
        ...columns.map((column) => (error && column.title.startsWith('recall') ? 'n/a' : fixed(column.value(lang)))),
      ]),
    );
  }
  // English has no diacritics task: a column's mean is over the languages its task has.
  lines.push(...meanRows(langs, columns.map((column) => (group) =>
    mean(group.filter((lang) => languagesFor(reportTask(column.taskId)!).includes(lang)).map(column.value)))));
  return [...lines, '', ...(notes.length > 0 ? [...notes, ''] : [])];
}

/** Renders EVAL.md. */
export function renderReport(saved: ReportResults): string {
  // Results kept under a system's earlier name (model-lexicon) go in that system's one column.
  const results = renameAliases(saved);
  const systems = presentSystems(results);
  const notes = new Map<string, number>();
  const tasks = REPORT_TASKS.flatMap((task) => taskSection(results, task, systems, notes));
  const last = results.lastRun;
  const lines = [
    '# Evaluation',
    '',
    '<!-- Generated by `npm run eval` (electron/cli/eval-report-command.ts) from models/eval-results.json. Do not edit. -->',
    '',
    'Every system is run by the same harness (`npx ogonek eval`, electron/eval/) on held-out gold sentences of',
    '../shared/benchmarks/ud (never trained on). The input is made from the gold: diacritics stripped',
    '(`stripDiacritics`), then for the typo tasks keyboard typos added (`addTypos`, seed 1 + line number).',
    'The engine\'s systems read a language\'s inputs as the lines of one file, in the pieces `ogonek fix` corrects',
    'at once (up to 4,096 characters, cut at line breaks, each with up to 64 KB of the text before it), so that',
    'what the engine reads from a whole text (the names it repeats) counts as it does there; the engine never',
    'corrects across a line break.',
    '',
    '**Metric** (DESIGN.md section 5): words are whitespace tokens, compared whole and case-sensitively, so',
    'punctuation attached to a word is part of it; a token counts if it has a letter. Output words are aligned',
    'to gold words by word-level edit distance. Alpha-word accuracy = gold words reproduced exactly / gold words.',
    'Diacritic-word accuracy: the same over gold words that stripping changes. Damage rate: of the gold words',
    'the input already had right, the share the output got wrong.',
    '',
    ...header(['system', 'what it does', 'sentences per language', 'last run'], 4),
    ...systems.map((system) => {
      const run = results.runs[system];
      return row([
        system,
        DESCRIPTIONS[system],
        run ? `first ${count(run.limit)}` : '—',
        run ? run.date.slice(0, 10) : '—',
      ]);
    }),
    '',
    ...(last
      ? [
          `Last run: \`${last.command}\` on ${last.date.slice(0, 16).replace('T', ' ')} UTC took ` +
            `${(last.wallSeconds / 60).toFixed(1)} min wall time with ${last.jobs} parallel job(s) (${last.systems.join(', ')}).`,
          '',
        ]
      : []),
    ...tasks,
    ...candidatesSection(results),
    ...ufalSection(results, systems),
  ];
  const skipped = (results.skipped ?? []).map((reason) => `- ${reason}`);
  // nspell builds every affixed form of a dictionary in memory when it loads: the reason for its gaps.
  const spellGaps = [...notes.keys()].some((error) => error.startsWith('spell '))
    ? [
        'nspell (the spell baseline) builds every affixed word form of the dictionary in memory as it loads;',
        'for the dictionaries below that takes longer than the time limit or more than the default heap.',
        '',
      ]
    : [];
  if (notes.size > 0 || skipped.length > 0) {
    lines.push(
      '## Notes',
      '',
      ...spellGaps,
      ...[...notes].map(([error, n]) => `${n}. ${error.replaceAll('\n', ' ')}`),
      ...(notes.size > 0 && skipped.length > 0 ? [''] : []),
      ...skipped,
      '',
    );
  }
  const byJob = systems.map((system) => {
    const jobs = results.jobs.filter((job) => job.system === system);
    return row([system, String(jobs.length), (jobs.reduce((sum, job) => sum + job.wallSeconds, 0) / 60).toFixed(1)]);
  });
  lines.push(
    '## Run time',
    '',
    "Wall time of each system's jobs (one process per language: loading plus every task).",
    '',
    ...header(['system', 'languages', 'minutes'], 1),
    ...byJob,
    '',
  );
  return lines.join('\n');
}
