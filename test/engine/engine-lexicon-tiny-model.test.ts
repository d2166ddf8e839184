/**
 * Lexicon decoding on the real ONNX graphs of the tiny random-weight model: its choices are noise, which is
 * the point here: whatever the model picks, the output keeps every separator and non-word token of the
 * input byte for byte, and every changed word is one of the candidate forms.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOS_ID, BYTE_OFFSET, encoderIds, utf8Bytes } from '../../electron/engine/text/byte-codec.ts';
import { createCorrector, type LocalCorrector } from '../../electron/engine/index.ts';
import { lexiconFromForms, lexiconPath } from '../../electron/engine/lexicon/lexicon.ts';
import { AutomatonBuilder } from '../../electron/engine/lexicon/word-automaton.ts';
import { buildPlan, DEFAULT_PLAN_OPTIONS, type PlanOptions } from '../../electron/engine/lexicon/lexicon-plan.ts';
import { loadModel, type LoadedModel } from '../../electron/engine/model/model-loader.ts';
import { stripDiacritics } from '../../electron/engine/noise/index.ts';
import { tempDirs } from '../support/temp-dirs.ts';

// Also removes the folders of a test that timed out, whose finally never runs.
const tempDir = tempDirs();

const TINY = fileURLToPath(new URL('../fixtures/tiny-model', import.meta.url));
const strip = (text: string) => stripDiacritics(text.normalize('NFC'), 'pl');

const PL_FORMS: Array<[string, number]> = [['że', 900], ['ze', 300], ['się', 800], ['sie', 5], ['żółw', 20], ['zolw', 1],
  ['łącze', 30], ['łączę', 25], ['lacze', 2], ['może', 700], ['moze', 3], ['już', 600], ['są', 500], ['sa', 9],
  ['gęśla', 4], ['jaźń', 6], ['jazn', 1], ['zażółć', 3]];

/** The lexicon file of PL_FORMS, as models/lexicon/<lang>.lex.br holds one (all forms here are below U+FFFF). */
function lexiconFile(): Buffer {
  const builder = new AutomatonBuilder();
  for (const [form, count] of [...PL_FORMS].sort(([a], [b]) => (a < b ? -1 : 1))) builder.add(form, count);
  return brotliCompressSync(builder.finish({ lang: 'pl' }));
}

const SENTENCES = [
  'Ze sie zolw moze, juz sa tu.',
  '„Zazolc gesla jazn” -- 12 razy; e-mail: ze@sie.pl, x86, CO2!',
  'Lacze (lacze) [LACZE] {Lacze}... sa? SA! Sa.',
  'Rodzina 👩‍👩‍👧‍👦 juz sie   bawi\tze zolwiem.',
  'Москва и ze sie 3-ze 5km moze.',
  "l'ze rusko-zolw ZE-SIE.",
  'Pchnąć w tę łódź jeża lub ośm skrzyń fig.',
];

/** A regular expression that matches exactly the outputs allowed for `text`. */
function allowedOutputs(text: string, plan: Partial<PlanOptions>): RegExp {
  const lexicon = lexiconFromForms('pl', PL_FORMS);
  const bytes = utf8Bytes(text);
  const dec = new TextDecoder();
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let at = 0;
  let pattern = '';
  for (const word of buildPlan(text, 'pl', lexicon, { ...DEFAULT_PLAN_OPTIONS, ...plan }).words) {
    pattern += escape(dec.decode(bytes.subarray(at, word.start)));
    pattern += `(?:${word.candidates.map((c) => escape(dec.decode(c.bytes))).join('|')})`;
    at = word.end;
  }
  return new RegExp(`^${pattern}${escape(dec.decode(bytes.subarray(at)))}$`, 'u');
}

describe.each([
  [0, true],
  [20, true],
  // Typed diacritics up for change: candidates may then take them away, and the check below sees that path.
  [0, false],
] as const)('lexicon decoding with the tiny model, lambda %d, keep typed diacritics: %s', (lambda, keep) => {
  const plan: Partial<PlanOptions> = { keepTypedDiacritics: keep };
  let dir: string;
  let corrector: LocalCorrector;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ogonek-forms-'));
    await writeFile(lexiconPath(dir, 'pl'), lexiconFile());
    // lambda 0: the random model alone decides; lambda 20: the frequency prior decides (many changes).
    corrector = await createCorrector({ modelDir: TINY, providers: ['cpu'], lexiconDir: dir, decoding: 'lexicon',
      lambda, lexiconPlan: plan });
  });
  afterAll(async () => {
    await corrector?.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps separators and non-word tokens byte for byte; changed words are candidate forms', async () => {
    let changed = 0;
    for (const text of SENTENCES) {
      const result = await corrector.correct(text, { language: 'pl' });
      expect(result.text, text).toMatch(allowedOutputs(text, plan));
      for (const s of result.suggestions) {
        // a typo candidate (a form within 2 edits of an unknown word) is a spelling change, the rest diacritics
        expect(s.kind).toBe(strip(s.original) === strip(s.replacement) ? 'diacritics' : 'spelling');
        expect(text.slice(s.span.start, s.span.end)).toBe(s.original);
      }
      changed += result.suggestions.length;
    }
    // With the prior in charge, the frequent forms must come through (else the check above proves little).
    if (lambda > 0) expect(changed).toBeGreaterThan(10);
  });

  // A lexicon folder must hold every language asked for (a model without a lexicon folder decodes freely).
  it('refuses a language whose lexicon file is missing, naming the file (it fell back to free decoding before)',
    async () => {
      await expect(corrector.correct('Tai labai grazus oras.', { language: 'lt' })).rejects.toThrow(
        `The lt lexicon ${lexiconPath(dir, 'lt')} is missing`);
    });
});

describe('scoring calls of the ONNX decoder', () => {
  let loaded: LoadedModel;
  beforeAll(async () => {
    loaded = await loadModel(TINY, ['cpu'], 1);
  });
  afterAll(async () => loaded?.model.release());

  it('agree with step() and give the same log-probabilities after a restore as in one long call', async () => {
    const src = utf8Bytes('Zazolc gesla jazn.');
    const session = await loaded.model.start(encoderIds(src, 'pl'));
    const ids = Int32Array.from([BOS_ID, ...[...src].map((b) => b + BYTE_OFFSET)]);
    const whole = await session.score(ids, 0);
    const V = whole.vocab;
    expect(whole.logProbs.length).toBe(ids.length * V);
    // A detour (another candidate), then back to the first 7 positions' cache and on with the rest.
    const head = await session.score(ids.subarray(0, 7), 0);
    await session.score(Int32Array.from([200, 201, 202]), 7);
    session.restore(head.cache);
    const tail = await session.score(ids.subarray(7), 7);
    for (let i = 0; i < tail.logProbs.length; i++) {
      expect(tail.logProbs[i]).toBeCloseTo(whole.logProbs[7 * V + i]!, 4);
    }
    const step = await session.step(ids.subarray(7, 8), 7);
    const row = whole.logProbs.subarray(7 * V, 8 * V);
    expect(step.nextIds[0]).toBe(row.indexOf(Math.max(...row)));
  });
});

describe('ogonek fix --decoding', () => {
  it.each([
    // the tiny model has no lexicon folder: lexicon decoding decodes freely
    ['lexicon', 0],
    ['speculative', 0],
    // greedy decoding is the tests' and the benchmark's reference, no longer a mode of the product
    ['greedy', 2],
    ['sampling', 2],
  ])('--decoding %s exits with %i', async (decoding, code) => {
    const { run } = await import('../../electron/cli/fix-command.ts');
    const dir = tempDir('ogonek-fix-');
    const written: string[] = [];
    const errors: string[] = [];
    const write = process.stdout.write;
    const error = console.error;
    // The output sink waits for each write's callback (it reports write errors): the stand-in must call it.
    process.stdout.write = ((chunk: string, ...rest: unknown[]) => {
      written.push(String(chunk));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      if (done) queueMicrotask(done);
      return true;
    }) as typeof process.stdout.write;
    console.error = (...args: unknown[]) => void errors.push(args.join(' '));
    try {
      await writeFile(join(dir, 'in.txt'), 'Ze sie, 12 zolw!');
      expect(await run(['--lang', 'pl', '--model', TINY, '--decoding', decoding, join(dir, 'in.txt')])).toBe(code);
    } finally {
      process.stdout.write = write;
      console.error = error;
      await rm(dir, { recursive: true, force: true });
    }
    if (code === 0) expect(written.join('')).toMatch(/^\S+ \S+, 12 \S+!$/u);
    else expect(errors.join('\n')).toContain(`unknown decoding '${decoding}'`);
  });
});
