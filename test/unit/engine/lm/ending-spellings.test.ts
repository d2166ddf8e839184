/**
 * Respelling an unknown word's ending (electron/engine/lm/ending-spellings.ts) with a letter model of the words as
 * written, built by `spelling.py --spelled` from a few Czech sentences: the engine reads it as Python scores it, and
 * beside the word LM (a damaged file named in the error); the ending takes the diacritics the language's words give
 * it, in the writer's case, and the stem keeps its letters.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endingSpellings } from '../../../../electron/engine/lm/ending-spellings.ts';
import { NgramModelError, readNgramModel } from '../../../../electron/engine/lm/ngram-model.ts';
import { readSpellingModel, spellingModelPath, type SpellingModel } from '../../../../electron/engine/lm/spelling-model.ts';

const repo = fileURLToPath(new URL('../../../..', import.meta.url));
const TRAIN = ['Paní Nováková a paní Svobodová přišly s Dvořákovou.', 'Byla to nová, hotová a zdravá věc.',
  'Řekl to paní Novákové a Svobodové.', 'Vidím mladé ženy a staré muže.', 'Karel a Marek šli domů.'];
const fail = (reason: string) => new Error(reason);

describe('endingSpellings with a letter model of Czech words as written', () => {
  let dir: string;
  let model: SpellingModel;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ogonek-spelled-'));
    await mkdir(join(dir, 'corpus'));
    await writeFile(join(dir, 'corpus', 'cs.train.txt'), TRAIN.join('\n') + '\n');
    const build = spawnSync('/usr/bin/python3', ['-S', '-m', 'models.training.lm.spelling', '--spelled', '--langs', 'cs',
      '--data', dir, '--out', dir], { cwd: repo, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    model = await readSpellingModel(dir, 'cs', fail, true);
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('reads the file spelling.py --spelled writes, with the scores of spelling.py --query', () => {
    const words = ['nováková', 'parryová', 'parryova'];
    const query = spawnSync('/usr/bin/python3', ['-S', '-m', 'models.training.lm.spelling', '--query',
      spellingModelPath(dir, 'cs', true)], { cwd: repo, encoding: 'utf8', input: words.join('\n') + '\n' });
    expect(query.status, query.stderr).toBe(0);
    const python = query.stdout.trim().split('\n').map((line) => JSON.parse(line) as { logProb: number });
    words.forEach((w, i) => expect(model.logProb(w)).toBeCloseTo(python[i]!.logProb, 9));
  });

  it('is loaded with the word LM where the folder has one, and a damaged one fails the language\'s models, named', async () => {
    const lmDir = join(dir, 'with-lm');
    await mkdir(lmDir);
    const lm = spawnSync('/usr/bin/python3', ['-S', '-m', 'models.training.lm.build', '--langs', 'cs', '--data', dir,
      '--more', join(dir, 'corpus'), '--out', lmDir], { cwd: repo, encoding: 'utf8' });
    expect(lm.status, lm.stderr).toBe(0);
    expect((await readNgramModel(lmDir, 'cs')).spelled).toBeNull();
    await copyFile(spellingModelPath(dir, 'cs', true), spellingModelPath(lmDir, 'cs', true));
    expect((await readNgramModel(lmDir, 'cs')).spelled?.logProb('nováková')).toBe(model.logProb('nováková'));
    await writeFile(spellingModelPath(lmDir, 'cs', true), 'garbage');
    const error = await readNgramModel(lmDir, 'cs').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NgramModelError);
    expect((error as Error).message).toContain(spellingModelPath(lmDir, 'cs', true));
  });

  it.each([
    // word as typed -> its likeliest spelling: the ending only, in the writer's case
    ['Parryova', 'Parryová'],
    ['PARRYOVA', 'PARRYOVÁ'],
    ['Parryove', 'Parryové'],
    ['zelenova', 'zelenová'],
  ])('%s -> %s', (word, best) => {
    expect(endingSpellings(word, 'cs', model, 4)[0]!.text).toBe(best);
  });

  it('keeps the letters before the ending as typed, and lists the word as typed among the spellings', () => {
    const spellings = endingSpellings('Dvorakova', 'cs', model, 4).map((s) => s.text);
    expect(spellings.every((s) => s.startsWith('Dvorak'))).toBe(true);
    expect(spellings).toContain('Dvorakova');
    expect(spellings).toContain('Dvoraková');
  });

  it('ranks the spellings by ln P, best first', () => {
    const lps = endingSpellings('Svobodove', 'cs', model, 4).map((s) => s.logProb);
    expect(lps).toEqual([...lps].sort((a, b) => b - a));
  });

  it('a word with no vowel in its ending is only itself', () => {
    expect(endingSpellings('Xyzkh', 'cs', model, 2)).toEqual([{ text: 'Xyzkh', logProb: model.logProb('xyzkh') }]);
  });

  it('respells vowels only: a consonant\'s háček belongs to the stem', () => {
    const spellings = endingSpellings('Petronas', 'cs', model, 2).map((s) => s.text);
    expect(spellings).toContain('Petronás');
    expect(spellings.filter((s) => /[šř]/u.test(s))).toEqual([]);
  });
});
