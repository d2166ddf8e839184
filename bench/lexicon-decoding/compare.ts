/**
 * Lexicon-aware decoding against the baselines, with the same harness as `ogonek eval` (run-eval.ts):
 *   npx tsx bench/lexicon-decoding/compare.ts --set dev --langs lt,cs --lambdas 0.5,1,2,5/1 --limit 300
 *   npx tsx bench/lexicon-decoding/compare.ts --set ud --tasks diacritics,typos,clean --json out.json
 * --set dev reads data/corpus/<lang>.dev.txt (tuning), --set news data/news-dev/<lang>.txt (news that no training
 * step saw: `python3 -m models.training news-dev`), --set informal data/informal-dev/<lang>.txt (game dialogue, spoken
 * register, cs pl fr es de it en: `python3 -m models.training informal-dev`), --set FOLDER/ its <lang>.txt, --set ud
 * ../shared/benchmarks/ud/<lang>.txt (the held-out report). Systems: unigram, model (free speculative decoding),
 * lexicon@<lambda> for each lambda.
 * Prints a markdown table per task (alpha-word accuracy, then damage rate) and the seconds per sentence.
 * --outputs FILE appends every sentence's gold, input and output (one JSON object per line, with its language, task,
 * system and line number), for listings of what a setting changed (bench/lexicon-decoding/word-diff.ts).
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCorrector, type Decoding } from '../../electron/engine/index.ts';
import { readGoldLines } from '../../electron/eval/gold-file.ts';
import { evaluate, type EvalResult } from '../../electron/eval/run-eval.ts';
import { createSystem, type EvalSystem } from '../../electron/eval/systems/index.ts';
import { correctAll } from '../../electron/eval/systems/model.ts';
import type { EvalTask } from '../../electron/eval/tasks.ts';
import type { Corrector, LanguageCode } from '../../electron/shared/types.ts';
import { TUNING_SETS, tuningSetFile } from './tuning-sets.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: {
  set: { type: 'string', default: 'dev' },
  langs: { type: 'string', default: 'lt,lv,cs,sk,pl,hr,ro,hu,fr,es,ga,tr,vi' },
  tasks: { type: 'string', default: 'diacritics' },
  lambdas: { type: 'string', default: '1' },
  systems: { type: 'string', default: 'unigram,model,lexicon' },
  limit: { type: 'string', default: '300' },
  p: { type: 'string', default: '0.02' },
  'model-dir': { type: 'string', default: join(REPO, 'models') },
  json: { type: 'string' },
  outputs: { type: 'string' },
  'input-count': { type: 'string' },
  'typo-min-length': { type: 'string' },
  'min-share': { type: 'string' },
  'max-candidates': { type: 'string' },
  'typo-sentence-start': { type: 'boolean' },
  'tagger-sentence-start': { type: 'boolean' },
  'typo-capitalised-share': { type: 'string' },
  'typo-name-share': { type: 'string' },
  'typo-input-share': { type: 'string' },
  'typo-max': { type: 'string' },
  'dictionary-count': { type: 'string' },
  'typo-cost-weight': { type: 'string' },
  'typo-max-edits': { type: 'string' },
  'typo-spelling-weight': { type: 'string' },
  'typo-spelling-margin': { type: 'string' },
  'real-word-typo-rate': { type: 'string' },
  'typed-input-count': { type: 'string' },
  'marked-input-count': { type: 'string' },
  'typo-margin-letters': { type: 'string' },
  'typo-slip-words': { type: 'string' },
  'compound-share': { type: 'string' },
  'compound-fix-factor': { type: 'string' },
  'compound-capitalised': { type: 'string' },
  'tagger-spelled-weight': { type: 'string' },
  'lm-weights': { type: 'string', default: '' },
  'typed-lm-weight': { type: 'string' },
  'tagger-weights': { type: 'string', default: '' },
  'suffix-weights': { type: 'string', default: '' },
  'ending-weights': { type: 'string', default: '' },
  'spelled-weights': { type: 'string', default: '' },
  'ending-spelling-letters': { type: 'string' },
  'tagger-spelling-weights': { type: 'string', default: '' },
} });

const langs = values.langs.split(',') as LanguageCode[];
const tasks = values.tasks.split(',') as EvalTask[];
// 'a' weighs the prior by a in every sentence; 'a/b' by a without diacritics and by b in sentences that have some;
// 'a/b/c' by c for a word that may be a typo; 'a/b/c/d' by d in sentences with diacritics whose writer skipped some
// (skipsDiacritics; else b); Infinity: the priors decide alone; 'default' (whole or one place): the engine's weights
// (per language: lexicon-decode.ts MODEL_RANKED_LANGUAGES).
const lambdas = values.lambdas.split(',');
const wanted = values.systems.split(',');
const limit = Number(values.limit);
const modelDir = values['model-dir'];

function goldPath(lang: LanguageCode): string {
  // A tuning set by name or a folder of <lang>.txt; any other name is a benchmark's folder.
  if ((TUNING_SETS as readonly string[]).includes(values.set) || values.set.includes('/')) return tuningSetFile(values.set, lang);
  return join(REPO, '..', 'shared', 'benchmarks', values.set, `${lang}.txt`);
}

function engineSystem(name: string, corrector: Corrector, lang: LanguageCode): EvalSystem {
  return {
    name: 'model',
    correct: (sentences) => correctAll(corrector, lang, sentences),
    dispose: async () => {},
    toString: () => name,
  } as EvalSystem;
}

const engines: Array<{ name: string; corrector: Corrector }> = [];
async function engine(name: string, decoding: Decoding, lambdas?: string, lmWeight?: number, taggerWeight?: number,
  taggerSpellingWeight?: number, suffixWeight?: number, endingWeight?: number, spelledWeight?: number) {
  const [stripped, typed = stripped, typo, skipping = typed] = lambdas?.split('/') ?? [];
  // "default/2": the engine's own weight for sentences without diacritics (per language), 2 for typed ones.
  const weight = (w?: string) => (w === undefined || w === 'default' ? undefined : Number(w));
  const [lambda, typedLambda, typoLambda, skippingLambda] = [stripped, typed, typo, skipping].map(weight);
  const lexiconPlan = { ...(values['input-count'] ? { inputCount: Number(values['input-count']) } : {}),
    ...(values['typo-min-length'] ? { typoMinLength: Number(values['typo-min-length']) } : {}),
    ...(values['min-share'] ? { minShare: Number(values['min-share']) } : {}),
    ...(values['max-candidates'] ? { maxCandidates: Number(values['max-candidates']) } : {}),
    ...(values['typo-sentence-start'] ? { typoSentenceStart: true } : {}),
    ...(values['tagger-sentence-start'] ? { taggerSentenceStart: true } : {}),
    ...(values['typo-capitalised-share'] ? { typoCapitalisedShare: Number(values['typo-capitalised-share']) } : {}),
    ...(values['typo-name-share'] ? { typoNameShare: Number(values['typo-name-share']) } : {}),
    ...(values['typo-input-share'] ? { typoInputShare: Number(values['typo-input-share']) } : {}),
    ...(values['typo-max'] ? { typoMaxCandidates: Number(values['typo-max']) } : {}),
    ...(values['dictionary-count'] ? { dictionaryCount: Number(values['dictionary-count']) } : {}),
    ...(values['typo-cost-weight'] ? { typoCostWeight: Number(values['typo-cost-weight']) } : {}),
    ...(values['typo-max-edits'] ? { typoMaxEdits: Number(values['typo-max-edits']) } : {}),
    ...(values['typo-spelling-weight'] ? { typoSpellingWeight: Number(values['typo-spelling-weight']) } : {}),
    ...(values['typo-spelling-margin'] ? { typoSpellingMargin: Number(values['typo-spelling-margin']) } : {}),
    ...(values['real-word-typo-rate'] ? { realWordTypoRate: Number(values['real-word-typo-rate']) } : {}),
    ...(values['typed-input-count'] ? { typedInputCount: Number(values['typed-input-count']) } : {}),
    ...(values['marked-input-count'] ? { markedInputCount: Number(values['marked-input-count']) } : {}),
    ...(values['typo-slip-words'] ? { typoSlipWords: values['typo-slip-words'] === '1' } : {}),
    ...(values['compound-share'] ? { compoundShare: Number(values['compound-share']) } : {}),
    ...(values['compound-fix-factor'] ? { compoundFixFactor: Number(values['compound-fix-factor']) } : {}),
    ...(values['compound-capitalised'] ? { compoundCapitalised: values['compound-capitalised'] === '1' } : {}),
    ...(values['tagger-spelled-weight'] ? { taggerSpelledWeight: Number(values['tagger-spelled-weight']) } : {}),
    ...(values['typo-margin-letters'] ? { typoMarginLetters: Number(values['typo-margin-letters']) } : {}),
    ...(values['ending-spelling-letters'] ? { endingSpellingLetters: Number(values['ending-spelling-letters']) } : {}) };
  engines.push({ name,
    corrector: await createCorrector({ modelDir, providers: ['cpu'], decoding, lambda, typedLambda, typoLambda, skippingLambda,
      lexiconPlan,
      ...(lmWeight === undefined ? {} : { lmWeight }),
      ...(taggerWeight === undefined ? {} : { taggerWeight }),
      ...(taggerSpellingWeight === undefined ? {} : { taggerSpellingWeight }),
      ...(suffixWeight === undefined ? {} : { suffixWeight }),
      ...(endingWeight === undefined ? {} : { endingWeight }),
      ...(spelledWeight === undefined ? {} : { spelledWeight }),
      ...(values['typed-lm-weight'] ? { typedLmWeight: Number(values['typed-lm-weight']) } : {}) }) });
}
if (wanted.includes('model')) await engine('model', 'speculative');
// --lm-weights 0,1,2: one lexicon system per (lambda, LM weight); without it, the engine's default weight.
const lmWeights = values['lm-weights'] ? values['lm-weights'].split(',').map(Number) : [undefined];
// --tagger-weights 0,1,2: the same for the diacritics tagger's weight.
const taggerWeights = values['tagger-weights'] ? values['tagger-weights'].split(',').map(Number) : [undefined];
// --tagger-spelling-weights 0,1: and for the weight of the tagger's spellings of unknown words.
const spellingWeights = values['tagger-spelling-weights']
  ? values['tagger-spelling-weights'].split(',').map(Number) : [undefined];
// --suffix-weights 0,0.5: and for the share of the suffix-class model beside the word LM.
const suffixWeights = values['suffix-weights'] ? values['suffix-weights'].split(',').map(Number) : [undefined];
// --ending-weights 0,0.5: and for the share of the ending-class model.
const endingWeights = values['ending-weights'] ? values['ending-weights'].split(',').map(Number) : [undefined];
// --spelled-weights 0,1: and for the weight of the letter model's respellings of unknown words' endings.
const spelledWeights = values['spelled-weights'] ? values['spelled-weights'].split(',').map(Number) : [undefined];
for (const l of wanted.includes('lexicon') ? lambdas : []) {
  for (const w of lmWeights) {
    for (const t of taggerWeights) {
      for (const u of spellingWeights) {
        for (const x of suffixWeights) {
          for (const [e, v] of endingWeights.flatMap((e) => spelledWeights.map((v) => [e, v] as const))) {
            const name = `lexicon@${l}${w === undefined ? '' : `+lm${w}`}${t === undefined ? '' : `+tag${t}`}` +
              `${u === undefined ? '' : `+spell${u}`}${x === undefined ? '' : `+sfx${x}`}${e === undefined ? '' : `+end${e}`}` +
              `${v === undefined ? '' : `+spelled${v}`}`;
            await engine(name, 'lexicon', l === 'default' ? undefined : l, w, t, u, x, e, v);
          }
        }
      }
    }
  }
}

const rows: Array<EvalResult & { name: string }> = [];
for (const lang of langs) {
  const path = goldPath(lang);
  if (!existsSync(path)) continue;
  const lines = readGoldLines(path, limit);
  const systems: Array<{ name: string; system: EvalSystem }> = [];
  if (wanted.includes('unigram')) systems.push({ name: 'unigram', system: await createSystem('unigram', { lang }) });
  for (const e of engines) {
    await (e.corrector as Corrector & { prepare?(l: LanguageCode): Promise<void> }).prepare?.(lang);
    systems.push({ name: e.name, system: engineSystem(e.name, e.corrector, lang) });
  }
  for (const task of tasks) {
    for (const { name, system } of systems) {
      const { result, inputs, outputs } = await evaluate(system, lines,
        { lang, task, noise: { p: Number(values.p), seed: 1 } });
      rows.push({ ...result, name });
      if (values.outputs) {
        appendFileSync(values.outputs, lines.map((line, i) => `${JSON.stringify({ lang, task, system: name,
          line: line.index, gold: line.text, input: inputs[i], output: outputs[i] })}\n`).join(''));
      }
      console.error(`${lang} ${task} ${name}: ${result.alpha_word_accuracy?.toFixed(2)} % ` +
        `(damage ${result.damage_rate?.toFixed(2)} %, ${(1000 * result.seconds / result.sentences).toFixed(1)} ms/sentence)`);
    }
  }
}
for (const e of engines) await e.corrector.dispose();

const names = [...new Set(rows.map((r) => r.name))];
const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(2));
for (const task of tasks) {
  for (const [label, pick] of [['alpha-word accuracy %', (r: EvalResult) => r.alpha_word_accuracy],
    ['damage rate %', (r: EvalResult) => r.damage_rate],
    ['ms per sentence', (r: EvalResult) => (1000 * r.seconds) / r.sentences]] as const) {
    console.log(`\n### ${task}${task === 'typos' ? ` p=${values.p}` : ''}: ${label} (${values.set}, first ${limit})\n`);
    console.log(`| lang | ${names.join(' | ')} |\n| --- |${names.map(() => ' ---: |').join('')}`);
    const means = names.map(() => [] as number[]);
    for (const lang of langs) {
      const cells = names.map((n, i) => {
        const r = rows.find((x) => x.lang === lang && x.task === task && x.name === n);
        const v = r ? pick(r) : null;
        if (v !== null && v !== undefined) means[i]!.push(v);
        return fmt(v);
      });
      if (cells.some((c) => c !== '—')) console.log(`| ${lang} | ${cells.join(' | ')} |`);
    }
    console.log(`| **mean** | ${means.map((m) => fmt(m.length ? m.reduce((a, b) => a + b, 0) / m.length : null)).join(' | ')} |`);
  }
}
if (values.json) writeFileSync(values.json, JSON.stringify(rows, null, 1));
