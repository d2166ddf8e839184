/**
 * The diacritics taggers through the engine, on real graphs: two random-weight taggers (one trained "on" lt and pl,
 * one on cs) exported by the training pipeline's own export (models/training/tagger/export.py) into a copy of the
 * tiny model's folder and listed in its manifest. Their choices are noise, which is the point: whatever they prefer,
 * restoration only turns letters into their own language's variants, each language goes to the tagger that knows
 * it, lexicon decoding with them still writes only lexicon candidates, and a damaged tagger file fails the start
 * with a message naming it.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorrector, type LocalCorrector } from '../../electron/engine/index.ts';
import { lexiconPath } from '../../electron/engine/lexicon/lexicon.ts';
import { AutomatonBuilder } from '../../electron/engine/lexicon/word-automaton.ts';
import { stripDiacritics } from '../../electron/engine/noise/index.ts';
import { loadTaggers, MAX_OPEN_TAGGERS, type TaggerSet } from '../../electron/engine/tagger/load-tagger.ts';
import { tempDirs } from '../support/temp-dirs.ts';

process.env.ORT_DISABLE_TELEMETRY = '1';
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const TINY = join(REPO, 'test/fixtures/tiny-model');
const tempDir = tempDirs();
const hasTorch = spawnSync('/usr/bin/python3', ['-c', 'import torch, onnx']).status === 0;

/** A copy of the tiny model with three random taggers (trained "on" lt and pl; cs; sk) listed in its manifest. */
function modelWithTaggers(): string {
  const dir = tempDir('ogonek-tagger-');
  cpSync(TINY, dir, { recursive: true });
  const script = [
    'import sys, torch', `sys.path.insert(0, ${JSON.stringify(join(REPO, 'models/training/tagger'))})`,
    'from network import Tagger, TaggerConfig', 'from export import export, register',
    'from pathlib import Path', 'torch.manual_seed(3)',
    `d = Path(${JSON.stringify(dir)})`,
    'for seed, tagged in ((3, ["lt", "pl"]), (4, ["cs"]), (5, ["sk"])):',
    '    torch.manual_seed(seed)',
    '    m = Tagger(TaggerConfig(d_model=16, n_heads=2, d_ff=32, layers=1))',
    '    export(m, d, tagged=tagged, stem="tagger." + "-".join(tagged))',
    '    register(d, "-".join(tagged))',
  ].join('\n');
  const run = spawnSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`tagger export failed: ${run.stderr}`);
  return dir;
}

const PL_FORMS: Array<[string, number]> = [['że', 900], ['ze', 300], ['się', 800], ['sie', 5], ['może', 700],
  ['moze', 3], ['już', 600], ['są', 500], ['sa', 9], ['łącze', 30], ['łączę', 25], ['lacze', 2]];

describe.skipIf(!hasTorch)('taggers in the model folder', () => {
  let dir: string;
  let tagger: TaggerSet;
  beforeAll(async () => {
    dir = modelWithTaggers();
    tagger = (await loadTaggers(dir))!;
  }, 60_000);
  afterAll(() => tagger?.release());

  it('are found through the manifest and tag only the languages they were trained on', () => {
    expect(tagger).toBeTruthy();
    expect(['lt', 'pl', 'cs', 'sk', 'hu', 'en'].map((l) => tagger.tags(l))).toEqual([true, true, true, true, false, false]);
    expect(tagger.languages.sort()).toEqual(['cs', 'lt', 'pl', 'sk']);
  });

  it(`keeps at most ${MAX_OPEN_TAGGERS} sessions open, the languages used last, and reopens a closed one`, async () => {
    const set = (await loadTaggers(dir))!;
    expect(set.openSessions).toBe(0); // nothing opened before a sentence asks
    const first = (await set.score(['Zmones cia'], 'lt'))[0]!.restore();
    const opened: number[] = [];
    for (const lang of ['pl', 'cs', 'sk', 'lt', 'cs']) {
      await set.score(['Zazolc'], lang);
      opened.push(set.openSessions);
    }
    // pl shares lt's graph; then each language closes the one before it (MAX_OPEN_TAGGERS 1)
    expect(opened).toEqual([1, 2, 2, 2, 2].map((n) => Math.min(n, MAX_OPEN_TAGGERS)));
    expect((await set.score(['Zmones cia'], 'lt'))[0]!.restore()).toBe(first);
    // all at once: each runs, none is closed under a running score
    const all = await Promise.all(['lt', 'cs', 'sk', 'pl', 'sk', 'lt'].map((lang) => set.score(['Zazolc gesla'], lang)));
    expect(all.map(([s]) => [...s!.restore()].length)).toEqual(Array(6).fill(12));
    await set.release();
    expect(set.openSessions).toBe(0);
  }, 60_000);

  it.each([
    ['lt', 'Siandien labai grazus oras, 3 kartus: ES/EU!'],
    ['pl', 'Zazolc gesla jazn, ze moze juz sa tu.'],
    ['cs', 'Prilis zlutoucky kun upel dabelske ody.'],
    ['lt', 'Žmonės ėjo; ąžuolas 😀 čia'],
  ])('%s: restoring %j changes nothing but diacritics of the language\'s own letters', async (lang, text) => {
    const [scores] = await tagger.score([text], lang);
    const out = scores!.restore();
    expect([...out]).toHaveLength([...text].length);
    expect(stripDiacritics(out, lang as never)).toBe(stripDiacritics(text, lang as never));
    // letters the writer typed with diacritics are kept
    [...text].forEach((ch, i) => { if (stripDiacritics(ch, lang as never) !== ch) expect([...out][i]).toBe(ch); });
  });

  it('joins lexicon decoding, which still writes only lexicon candidates', async () => {
    const lexicons = tempDir('ogonek-tagger-lex-');
    const builder = new AutomatonBuilder();
    for (const [form, count] of [...PL_FORMS].sort(([a], [b]) => (a < b ? -1 : 1))) builder.add(form, count);
    writeFileSync(lexiconPath(lexicons, 'pl'), brotliCompressSync(builder.finish({ lang: 'pl' })));
    for (const taggerWeight of [0, 1, 50]) {
      const corrector: LocalCorrector = await createCorrector({ modelDir: dir, providers: ['cpu'], lexiconDir: lexicons,
        lmDir: null, decoding: 'lexicon', taggerWeight });
      const { text } = await corrector.correct('Ze sie moze, juz sa tu lacze.', { language: 'pl' });
      await corrector.dispose();
      const words = text.match(/\p{L}+/gu)!;
      expect(words.slice(0, 5).every((w) => PL_FORMS.some(([f]) => f === w.toLowerCase()))).toBe(true);
      expect(stripDiacritics(text, 'pl')).toBe('Ze sie moze, juz sa tu lacze.');
    }
  }, 60_000);

  it('writes its spelling of a word no lexicon knows only with that word\'s own letters, as the model\'s', async () => {
    const lexicons = tempDir('ogonek-tagger-lex-');
    const builder = new AutomatonBuilder();
    for (const [form, count] of [...PL_FORMS].sort(([a], [b]) => (a < b ? -1 : 1))) builder.add(form, count);
    writeFileSync(lexiconPath(lexicons, 'pl'), brotliCompressSync(builder.finish({ lang: 'pl' })));
    // Far from every lexicon form: no typo fixes, so only the tagger can change them. A capitalised word is mostly a
    // name: the tagger writes no spelling of its own for it.
    const text = 'Zazolc gesla pchnac, ze sie moze.';
    const unknown = ['gesla', 'pchnac'];
    for (const taggerSpellingWeight of [0, 50]) {
      const corrector: LocalCorrector = await createCorrector({ modelDir: dir, providers: ['cpu'], lexiconDir: lexicons,
        lmDir: null, decoding: 'lexicon', taggerWeight: 0, taggerSpellingWeight });
      const result = await corrector.correct(text, { language: 'pl' });
      await corrector.dispose();
      expect(stripDiacritics(result.text, 'pl')).toBe(text);
      const spelled = result.suggestions.filter((s) => unknown.includes(s.original));
      // Weight 50 makes the random tagger's slightest preference win; with 0 no unknown word changes.
      expect(spelled.length > 0).toBe(taggerSpellingWeight > 0);
      for (const s of spelled) expect([s.source, s.kind]).toEqual(['model', 'diacritics']);
      expect(result.text.startsWith('Zazolc ')).toBe(true);
    }
  }, 60_000);

  it('fails the start with the file named when the tagger graph is damaged', async () => {
    const broken = tempDir('ogonek-tagger-broken-');
    cpSync(dir, broken, { recursive: true });
    const graph = join(broken, 'tagger.cs.int8.onnx');
    writeFileSync(graph, Buffer.alloc(readFileSync(graph).length, 7));
    await expect(createCorrector({ modelDir: broken, providers: ['cpu'], lexiconDir: null, decoding: 'lexicon' }))
      .rejects.toThrow(/tagger\.cs\.int8\.onnx: corrupt: sha256/);
  }, 60_000);

  it('fails the start with the role named when a graph is listed without its alphabet', async () => {
    const half = tempDir('ogonek-tagger-half-');
    cpSync(dir, half, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(half, 'manifest.json'), 'utf8'));
    delete manifest.files['tagger_alphabet.cs'];
    writeFileSync(join(half, 'manifest.json'), JSON.stringify(manifest));
    await expect(loadTaggers(half)).rejects.toThrow(/no 'tagger_alphabet\.cs' file listed/);
  });
});
