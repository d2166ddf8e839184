import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AutomatonBuilder } from '../../../electron/engine/lexicon/word-automaton.ts';
import { scoreUfal } from '../../../electron/eval/cs-ufal.ts';
import { emptyCounts, summarize } from '../../../electron/eval/metric.ts';
import type { Cell, UdCell } from '../../../electron/eval/report-cells.ts';
import { planJobs, runJobs } from '../../../electron/eval/report-jobs.ts';
import { renderReport } from '../../../electron/eval/report-markdown.ts';
import { REPORT_TASKS } from '../../../electron/eval/report-plan.ts';
import { emptyResults, mergeResults, renameAliases, type ReportResults } from '../../../electron/eval/report-results.ts';
import type { SystemName } from '../../../electron/eval/systems/index.ts';
import type { LanguageCode } from '../../../electron/shared/types.ts';
import { tempDirs } from '../../support/temp-dirs.ts';

const tempDir = tempDirs();

describe('cs-ufal scoring (the recipe of the folder README)', () => {
  it.each([
    ['exact, case-insensitive', ['Myslím , že'], ['myslím , že'], ['111'], 100, 3, 0],
    ['masked tokens are not scored', ['Myslím , že'], ['myslim , ze'], ['101'], 0, 2, 0],
    ['one of two right', ['Já vím'], ['ja vím'], ['11'], 50, 2, 0],
    ['a line with another token count is skipped', ['a b', 'č d'], ['a b', 'cd'], ['11', '11'], 100, 2, 1],
  ])('%s', (_name, gold, predicted, mask, accuracy, tokens, skipped) => {
    expect(scoreUfal({ gold, mask }, predicted)).toEqual({
      accuracy,
      tokens,
      correct: (accuracy / 100) * tokens,
      skipped_lines: skipped,
    });
  });
});

describe('planJobs', () => {
  const plan = (systems: SystemName[], langs: LanguageCode[]) =>
    planJobs({
      systems,
      langs,
      tasks: REPORT_TASKS,
      limitOf: (s) => (s === 'spell' ? 50 : 300),
      extraArgs: [],
    }).map((job) => `${job.system} ${job.lang}: ${job.args.slice(4).join(' ')}`);

  it('runs spell only on typos and clean text, English only as a control, cs-ufal for Czech', () => {
    expect(plan(['unigram', 'spell'], ['cs', 'en'])).toEqual([
      'unigram cs: --tasks diacritics,typos-0.02,typos-0.05,clean,partial,typed-typos-0.02 --limit 300 --ufal',
      'unigram en: --tasks typos-0.02,typos-0.05,clean --limit 300',
      'spell cs: --tasks typos-0.02,typos-0.05,clean,typed-typos-0.02 --limit 50',
      'spell en: --tasks typos-0.02,typos-0.05,clean --limit 50',
    ]);
  });
});

function cell(system: SystemName, lang: LanguageCode, taskId: string, accuracy: number): UdCell {
  const counts = { ...emptyCounts(), sentences: 10, words: 100, wordsCorrect: accuracy, correctInputWords: 50 };
  const result = {
    system,
    lang,
    task: 'diacritics' as const,
    ...summarize(counts),
    seconds: 1,
    sentences_per_second: 10,
  };
  return { kind: 'ud', system, lang, taskId, limit: 10, result };
}

describe('renderReport', () => {
  const results: ReportResults = {
    ...emptyResults(),
    cells: [
      cell('keep', 'lt', 'diacritics', 60),
      cell('unigram', 'lt', 'diacritics', 85),
      cell('keep', 'cs', 'diacritics', 40),
      cell('unigram', 'cs', 'diacritics', 80),
    ],
    jobs: [
      {
        system: 'unigram',
        lang: 'lv',
        wallSeconds: 900,
        error: 'unigram lv: did not finish loading within the limit of 900 s per language',
      },
      { system: 'keep', lang: 'lt', wallSeconds: 1 },
      { system: 'keep', lang: 'cs', wallSeconds: 1 },
      { system: 'unigram', lang: 'lt', wallSeconds: 2 },
      { system: 'unigram', lang: 'cs', wallSeconds: 4 },
    ],
    runs: {
      keep: { date: '2026-11-26T00:00:00Z', limit: 10, command: 'x' },
      unigram: { date: '2026-11-26T00:00:00Z', limit: 10, command: 'x' },
    },
  };
  const text = renderReport(results);

  it('has a row per language and a column per system', () => {
    expect(text).toContain('| lang | words | keep | unigram |');
    expect(text).toContain('| lt | 100 | 60.00 | 85.00 |');
    expect(text).toContain('| cs | 100 | 40.00 | 80.00 |');
  });

  it('averages over languages only when every language has a number', () => {
    expect(text).toContain('| **mean, all 3** |  | — | — |'); // lv failed for unigram, and keep has no lv
    const complete = renderReport({ ...results, jobs: results.jobs.filter((job) => !job.error) });
    expect(complete).toContain('| **mean, all 2** |  | 50.00 | 82.50 |');
    expect(text).toContain('| **mean, 13 ByT5-paper languages** |  | — | — |');
  });

  it('explains a failed job in the notes', () => {
    expect(text).toContain('| lv | 0 | — | n/a [1] |');
    expect(text).toMatch(/## Notes\n\n1\. unigram lv: did not finish loading within the limit of 900 s per language/u);
  });

  it('totals the run time per system', () => {
    expect(text).toContain('| unigram | 3 | 15.1 |');
  });

  it('is deterministic', () => expect(renderReport(results)).toBe(text));

  it('labels a column whose sample size differs from the others', () => {
    const withSpell = renderReport({
      ...results,
      cells: [
        ...results.cells,
        { ...cell('spell', 'lt', 'typos-0.02', 70), limit: 5 },
        cell('keep', 'lt', 'typos-0.02', 50),
      ],
      runs: { ...results.runs, spell: { date: '2026-11-26T00:00:00Z', limit: 5, command: 'x' } },
    });
    expect(withSpell).toContain('| lang | words | keep | unigram | spell (first 5) |');
  });
});

describe('renderReport: the candidates section', () => {
  const candidates = (words: number, recalled: number, aligned: number, spellings: number) => ({
    sentences: 10,
    words,
    recalled,
    aligned,
    spellings,
  });
  const results: ReportResults = {
    ...emptyResults(),
    // Saved under the product's old name: it must still fill the product columns.
    cells: [{ ...cell('product', 'lt', 'diacritics', 85), system: 'model-lexicon' as SystemName }],
    candidates: {
      cells: [
        { lang: 'lt', taskId: 'diacritics', limit: 10, counts: candidates(100, 90, 100, 150) },
        { lang: 'lt', taskId: 'typos-0.02', limit: 10, counts: candidates(100, 80, 98, 196) },
        { lang: 'en', taskId: 'typos-0.02', limit: 10, counts: candidates(50, 49, 50, 55) },
      ],
      failures: [{ lang: 'lv', error: 'candidates lv: The lv lexicon /x/lv.lex.br is missing.' }],
      run: { date: '2026-12-01T00:00:00Z', limit: 10, command: 'npm run eval -- --systems candidates' },
    },
  };
  const text = renderReport(results);

  it.each([
    [
      'the header',
      '| lang | words | recall, diacritics | recall, typos 0.02 | spellings per word, diacritics | ' +
        'spellings per word, typos 0.02 | product, diacritics | product, typos 0.02 |',
    ],
    [
      'recall, spellings per aligned word and the product beside them',
      '| lt | 100 | 90.00 | 80.00 | 1.50 | 2.00 | 85.00 | — |',
    ],
    ['a failed language', '| lv | — | n/a | n/a | — | — | — | — |'],
    ['English: typos only', '| en | 50 | — | 98.00 | — | 1.10 | — | — |'],
    // Means need every language of the group; English has no diacritics column, so it is left out of that one.
    ['means over the languages each task has', '| **mean, all 3** |  | — | — | — | — | — | — |'],
    ['why a language has no numbers', '- candidates lv: The lv lexicon /x/lv.lex.br is missing.'],
    [
      'how it was measured',
      'Measured on the first 10 sentences per language by `npm run eval -- --systems candidates` on 2026-12-01.',
    ],
  ])('%s', (_name, line) => expect(text.split('\n')).toContain(line));

  it('means over complete groups', () => {
    const complete = renderReport({
      ...results,
      candidates: { ...results.candidates!, failures: [], cells: results.candidates!.cells },
    });
    // lt and en: diacritics over lt alone, typos over both.
    expect(complete.split('\n')).toContain('| **mean, all 2** |  | 90.00 | 89.00 | 1.50 | 1.55 | 85.00 | — |');
  });

  it('shows the product in one column whether saved as product or model-lexicon', () => {
    expect(text).toContain('| product | the product: exactly what `ogonek fix --lang <lang>` does by default');
    expect(text).not.toContain('model-lexicon |');
  });
});

describe("renameAliases: results saved as model-lexicon are the product's", () => {
  it("renames cells, jobs and runs, and keeps the current name's results where both exist", () => {
    const renamed = renameAliases({
      ...emptyResults(),
      cells: [
        { ...cell('product', 'lt', 'diacritics', 90) },
        { ...cell('product', 'lt', 'diacritics', 80), system: 'model-lexicon' as SystemName },
        { ...cell('product', 'cs', 'diacritics', 70), system: 'model-lexicon' as SystemName },
      ],
      jobs: [{ system: 'model-lexicon' as SystemName, lang: 'cs', wallSeconds: 3 }],
      runs: { ['model-lexicon' as SystemName]: { date: 'd', limit: 300, command: 'c' } },
      lastRun: { date: 'd', wallSeconds: 1, systems: ['model', 'model-lexicon' as SystemName], jobs: 1, command: 'c' },
    });
    expect(
      renamed.cells.map((c) => c.kind === 'ud' && `${c.system} ${c.lang} ${c.result.alpha_word_accuracy}`),
    ).toEqual(['product lt 90', 'product cs 70']);
    expect(renamed.jobs).toEqual([{ system: 'product', lang: 'cs', wallSeconds: 3 }]);
    expect(Object.keys(renamed.runs)).toEqual(['product']);
    expect(renamed.lastRun?.systems).toEqual(['model', 'product']);
  });
});

describe('mergeResults', () => {
  it('replaces the (system, language) pairs that were run again and keeps the rest', () => {
    const before: Cell[] = [
      cell('keep', 'lt', 'diacritics', 60),
      cell('unigram', 'lt', 'diacritics', 85),
      cell('unigram', 'cs', 'diacritics', 80),
    ];
    const merged = mergeResults(
      { ...emptyResults(), cells: before, jobs: [] },
      { cells: [cell('unigram', 'lt', 'diacritics', 90)], jobs: [{ system: 'unigram', lang: 'lt', wallSeconds: 1 }] },
    );
    expect(merged.cells.map((c) => c.kind === 'ud' && `${c.system} ${c.lang} ${c.result.alpha_word_accuracy}`)).toEqual(
      ['keep lt 60', 'unigram cs 80', 'unigram lt 90'],
    );
  });

  it('a run of some tasks replaces only those tasks\' cells of the pairs run again', () => {
    const before: Cell[] = [cell('unigram', 'lt', 'diacritics', 85), cell('unigram', 'lt', 'partial', 70)];
    const merged = mergeResults(
      { ...emptyResults(), cells: before, jobs: [] },
      { cells: [cell('unigram', 'lt', 'partial', 75)], jobs: [{ system: 'unigram', lang: 'lt', wallSeconds: 1 }],
        tasks: ['partial'] },
    );
    expect(merged.cells.map((c) => c.kind === 'ud' && `${c.taskId} ${c.result.alpha_word_accuracy}`)).toEqual(
      ['diacritics 85', 'partial 75'],
    );
  });

  it('keeps the Czech real-user cells of a run that did not measure them again', () => {
    const ufal = { kind: 'cs-ufal', system: 'unigram', set: 'romi' } as unknown as Cell;
    const merged = mergeResults(
      { ...emptyResults(), cells: [ufal], jobs: [] },
      { cells: [cell('unigram', 'cs', 'partial', 75)], jobs: [{ system: 'unigram', lang: 'cs', wallSeconds: 1 }],
        tasks: ['partial'] },
    );
    expect(merged.cells).toHaveLength(2);
    expect(mergeResults({ ...emptyResults(), cells: [ufal], jobs: [] },
      { cells: [], jobs: [{ system: 'unigram', lang: 'cs', wallSeconds: 1 }] }).cells).toEqual([]);
  });
});

describe('runJobs', () => {
  it('stops a job at its time limit and records why, without results', async () => {
    // nspell needs far more than a second to expand the Lithuanian dictionary.
    const jobs = planJobs({ systems: ['spell'], langs: ['lt'], tasks: REPORT_TASKS, limitOf: () => 5, extraArgs: [] });
    const { cells, records } = await runJobs(jobs, 1, () => 1);
    expect(cells).toEqual([]);
    expect(records).toMatchObject([
      { system: 'spell', lang: 'lt', error: 'spell lt: did not finish loading within the limit of 1 s per language' },
    ]);
    expect(records[0]!.wallSeconds).toBeLessThan(30);
  });
});

describe('ogonek eval-report (end to end on the shared benchmarks)', () => {
  it('--systems candidates measures candidate recall alone, from --lexicon-dir; a language without a lexicon gets a note', () => {
    const dir = tempDir('ogonek-report-');
    const lexicons = tempDir('ogonek-lexicons-');
    const builder = new AutomatonBuilder();
    for (const [form, count] of [
      ['ir', 50],
      ['kad', 30],
      ['tai', 25],
      ['yra', 20],
      ['į', 40],
    ] as const)
      builder.add(form, count);
    writeFileSync(join(lexicons, 'lt.lex.br'), brotliCompressSync(builder.finish()));
    const bin = new URL('../../../bin/ogonek.js', import.meta.url).pathname;
    const out = join(dir, 'EVAL.md');
    const args = ['eval-report', '--systems', 'candidates', '--langs', 'lt,en', '--limit', '20'];
    const run = spawnSync(process.execPath, [bin, ...args, '--lexicon-dir', lexicons, '--out', out], {
      encoding: 'utf8',
    });
    expect(run.stderr).toMatch(/wrote .*EVAL\.md/u);
    expect(run.status).toBe(0);
    const report = readFileSync(out, 'utf8');
    // The tiny lexicon lets only a few words get their diacritics back: recall is between 0 and 100.
    expect(report).toMatch(
      /## Candidates[^]*\n\| lt \| \d+ \| \d+\.\d\d \| \d+\.\d\d \| 1\.\d\d \| 1\.\d\d \| — \| — \|\n\| en \| — \| n\/a /u,
    );
    expect(report).toMatch(/- candidates en: The en lexicon .*en\.lex\.br is missing/u);
    const json = JSON.parse(readFileSync(join(dir, 'eval-results.json'), 'utf8')) as ReportResults;
    expect(json.cells).toEqual([]); // no system ran
    expect(json.candidates?.cells.map((c) => `${c.lang} ${c.taskId}`)).toEqual(['lt diacritics', 'lt typos-0.02']);
    const render = spawnSync(process.execPath, [bin, 'eval-report', '--render', '--out', out], { encoding: 'utf8' });
    expect(render.status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(report);
  });

  it('writes EVAL.md and eval-results.json for the systems and languages asked for', () => {
    const dir = tempDir('ogonek-report-');
    const bin = new URL('../../../bin/ogonek.js', import.meta.url).pathname;
    const run = spawnSync(
      process.execPath,
      [
        bin,
        'eval-report',
        '--systems',
        'keep',
        '--langs',
        'lt,en',
        '--tasks',
        'diacritics,clean',
        '--limit',
        '20',
        '--out',
        join(dir, 'EVAL.md'),
      ],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toMatch(/wrote .*EVAL\.md/u);
    expect(run.status).toBe(0);
    const report = readFileSync(join(dir, 'EVAL.md'), 'utf8');
    expect(report).toMatch(/## Diacritics restoration[^]*\| lt \| \d+ \| \d+\.\d\d \|/u);
    expect(report).toMatch(/## Clean text[^]*\| en \| \d+ \| 100\.00 \|/u);
    const json = JSON.parse(readFileSync(join(dir, 'eval-results.json'), 'utf8')) as ReportResults;
    expect(json.cells).toHaveLength(3); // lt diacritics, lt clean, en clean
    // --render rebuilds the same report from the saved results without running anything.
    const render = spawnSync(process.execPath, [bin, 'eval-report', '--render', '--out', join(dir, 'EVAL.md')], {
      encoding: 'utf8',
    });
    expect(render.status).toBe(0);
    expect(readFileSync(join(dir, 'EVAL.md'), 'utf8')).toBe(report);
  });
});
