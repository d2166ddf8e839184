/**
 * The diacritics tagger through the engine, on a real graph: a random-weight tagger exported by the training
 * pipeline's own export (models/training/tagger/export.py) into a copy of the tiny model's folder and listed in its
 * manifest. Its choices are noise, which is the point: whatever it prefers, restoration only turns letters into
 * their own language's variants, lexicon decoding with it still writes only lexicon candidates, and a damaged
 * tagger file fails the start with a message naming it.
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
import type { DiacriticsTagger } from '../../electron/engine/tagger/diacritics-tagger.ts';
import { loadTagger } from '../../electron/engine/tagger/load-tagger.ts';
import { tempDirs } from '../support/temp-dirs.ts';

process.env.ORT_DISABLE_TELEMETRY = '1';
const REPO = fileURLToPath(new URL('../..', import.meta.url));
const TINY = join(REPO, 'test/fixtures/tiny-model');
const tempDir = tempDirs();
const hasTorch = spawnSync('/usr/bin/python3', ['-c', 'import torch, onnx']).status === 0;

/** A copy of the tiny model with a random tagger (trained "on" lt and pl) listed in its manifest. */
function modelWithTagger(): string {
  const dir = tempDir('ogonek-tagger-');
  cpSync(TINY, dir, { recursive: true });
  const script = [
    'import sys, torch', `sys.path.insert(0, ${JSON.stringify(join(REPO, 'models/training/tagger'))})`,
    'from network import Tagger, TaggerConfig', 'from export import export, register',
    'from pathlib import Path', 'torch.manual_seed(3)',
    'm = Tagger(TaggerConfig(d_model=16, n_heads=2, d_ff=32, layers=1))',
    `register(Path(${JSON.stringify(dir)}), export(m, Path(${JSON.stringify(dir)}), tagged=['lt', 'pl']))`,
  ].join('\n');
  const run = spawnSync('/usr/bin/python3', ['-c', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`tagger export failed: ${run.stderr}`);
  return dir;
}

const PL_FORMS: Array<[string, number]> = [['że', 900], ['ze', 300], ['się', 800], ['sie', 5], ['może', 700],
  ['moze', 3], ['już', 600], ['są', 500], ['sa', 9], ['łącze', 30], ['łączę', 25], ['lacze', 2]];

describe.skipIf(!hasTorch)('a tagger in the model folder', () => {
  let dir: string;
  let tagger: DiacriticsTagger;
  beforeAll(async () => {
    dir = modelWithTagger();
    tagger = (await loadTagger(dir))!;
  }, 60_000);
  afterAll(() => tagger?.release());

  it('is found through the manifest and tags only the languages it was trained on', () => {
    expect(tagger).toBeTruthy();
    expect(['lt', 'pl', 'cs', 'en'].map((l) => tagger.tags(l))).toEqual([true, true, false, false]);
  });

  it.each([
    ['lt', 'Siandien labai grazus oras, 3 kartus: ES/EU!'],
    ['pl', 'Zazolc gesla jazn, ze moze juz sa tu.'],
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

  it('fails the start with the file named when the tagger graph is damaged', async () => {
    const broken = tempDir('ogonek-tagger-broken-');
    cpSync(dir, broken, { recursive: true });
    const graph = join(broken, 'tagger.int8.onnx');
    writeFileSync(graph, Buffer.alloc(readFileSync(graph).length, 7));
    await expect(createCorrector({ modelDir: broken, providers: ['cpu'], lexiconDir: null, decoding: 'lexicon' }))
      .rejects.toThrow(/tagger\.int8\.onnx: corrupt: sha256/);
  }, 60_000);
});
