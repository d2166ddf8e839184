/**
 * The letter model of spellings (electron/engine/lm/spelling-model.ts): the same scores as Python's
 * `spelling.py --query` on a model built by models/training/lm/spelling.py, word-like letters above slips, and the
 * file's place beside the word LM (loaded with it where present, named in the error where damaged), and what the
 * shipped Turkish model makes of unknown words from the dev split: real words the lexicon lacks against typos.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLexicon } from '../../../../electron/engine/lexicon/lexicon.ts';
import { candidatesFor, DEFAULT_PLAN_OPTIONS } from '../../../../electron/engine/lexicon/lexicon-plan.ts';
import { ngramModelPath, NgramModelError, readNgramModel } from '../../../../electron/engine/lm/ngram-model.ts';
import { readSpellingModel, spellingModelPath } from '../../../../electron/engine/lm/spelling-model.ts';

const repo = fileURLToPath(new URL('../../../..', import.meta.url));
const PYTHON = ['/usr/bin/python3', '-S'];
const TRAIN = ['Šiandien labai gražus oras.', 'Vakar buvo labai šalta, rytoj bus šilta.', 'Mes einame namo į mokyklą.',
  'Jie eina namo. Labas vakaras!', 'Namas, namai, namuose; vakarai ir vakarais.'];
const KEYS = ['labai', 'vakarai', 'namuose', 'vkaarai', 'nqmas', 'xyz', 'a', ''];
const fail = (reason: string) => new Error(reason);

describe('the same scores as the Python builder', () => {
  let dir: string;
  let python: Array<{ key: string; logProb: number }>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ogonek-spell-'));
    await mkdir(join(dir, 'corpus'));
    await writeFile(join(dir, 'corpus', 'lt.train.txt'), TRAIN.join('\n') + '\n');
    const build = spawnSync(PYTHON[0]!, [...PYTHON.slice(1), '-m', 'models.training.lm.spelling', '--langs', 'lt',
      '--data', dir, '--out', join(dir, 'out')], { cwd: repo, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const query = spawnSync(PYTHON[0]!, [...PYTHON.slice(1), '-m', 'models.training.lm.spelling', '--query',
      spellingModelPath(join(dir, 'out'), 'lt')], { cwd: repo, encoding: 'utf8', input: KEYS.join('\n') + '\n' });
    expect(query.status, query.stderr).toBe(0);
    python = query.stdout.trim().split('\n').map((line) => JSON.parse(line));
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('ln P of each key equals spelling.py --query (same keys, quantized values and arithmetic)', async () => {
    const model = await readSpellingModel(join(dir, 'out'), 'lt', fail);
    expect(python.map((p) => p.key)).toEqual(KEYS);
    KEYS.forEach((key, i) => expect(model.logProb(key)).toBeCloseTo(python[i]!.logProb, 9));
  });

  it.each([
    ['vakarai', 'vkaarai'], // two letters swapped
    ['namuose', 'nqmuose'], // a neighbouring key
    ['labai', 'labaj'],
  ])('%j reads more like the language than %j', async (word, slip) => {
    const model = await readSpellingModel(join(dir, 'out'), 'lt', fail);
    expect(model.logProb(word)).toBeGreaterThan(model.logProb(slip));
  });

  it('is loaded with the word LM where the folder has one, and is absent where not', async () => {
    const lmDir = join(dir, 'with-lm');
    await mkdir(lmDir);
    const lm = spawnSync(PYTHON[0]!, [...PYTHON.slice(1), '-m', 'models.training.lm.build', '--langs', 'lt',
      '--data', dir, '--more', join(dir, 'corpus'), '--out', lmDir], { cwd: repo, encoding: 'utf8' });
    expect(lm.status, lm.stderr).toBe(0);
    expect((await readNgramModel(lmDir, 'lt')).spelling).toBeNull();
    await copyFile(spellingModelPath(join(dir, 'out'), 'lt'), spellingModelPath(lmDir, 'lt'));
    expect((await readNgramModel(lmDir, 'lt')).spelling?.logProb('labai')).toBe(python[0]!.logProb);
    // a damaged spelling model fails the language's models, naming its file
    await writeFile(spellingModelPath(lmDir, 'lt'), 'garbage');
    const error = await readNgramModel(lmDir, 'lt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NgramModelError);
    expect((error as Error).message).toContain(spellingModelPath(lmDir, 'lt'));
    expect(ngramModelPath(lmDir, 'lt')).not.toBe(spellingModelPath(lmDir, 'lt'));
  });

  it('a word LM file is no spelling model (order 3, not 5)', async () => {
    const lmDir = join(dir, 'with-lm');
    const wrong = join(dir, 'wrong');
    await mkdir(wrong);
    await copyFile(ngramModelPath(lmDir, 'lt'), spellingModelPath(wrong, 'lt'));
    await expect(readSpellingModel(wrong, 'lt', fail)).rejects.toThrow(/header without order 5/);
  });
});

describe('the shipped Turkish models: an unknown word meant as typed, or a typo', () => {
  it.each([
    // real words the lexicon lacks (stripped): açıkladılar, çarklarını, evliydiler, portakalları
    ['acikladilar', true], ['carklarini', true], ['evliydiler', true], ['portakallari', true],
    // typos of known words: hakkında (j for n), erkeğe (an extra w), bilmediğini (a dropped e)
    ['hakkijda', false], ['erkewge', false], ['bilmdigini', false],
  ])('%j: meant as typed %s', async (word, real) => {
    const [lm, lexicon] = await Promise.all([readNgramModel(join(repo, 'models', 'lm'), 'tr'),
      readLexicon(join(repo, 'models', 'lexicon'), 'tr')]);
    const withSpelling = candidatesFor(word, 'tr', lexicon, DEFAULT_PLAN_OPTIONS, lm.spelling!)!;
    const without = candidatesFor(word, 'tr', lexicon, DEFAULT_PLAN_OPTIONS)!;
    expect(Math.exp(without[0]!.logPrior)).toBeCloseTo(0.5, 12); // the input share alone cannot tell
    expect(Math.exp(withSpelling[0]!.logPrior) > 0.5).toBe(real);
  });
});
