import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../electron/shared/types.ts';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const json = (path: string) => JSON.parse(readFileSync(repo + path, 'utf8'));

/** models/languages.json is the one list (order included: it indexes the networks' language tags). */
const source = json('models/languages.json') as { languages: string[]; paper: string[] };

describe('one language list (models/languages.json)', () => {
  it('is what the app offers (electron/shared/types.ts LANGUAGES), in the same order', () => {
    expect([...LANGUAGES]).toEqual(source.languages);
    expect(source.paper.every((lang) => source.languages.includes(lang))).toBe(true);
  });

  it('is what the noise tables cover, in the same order', () => {
    expect(Object.keys(json('electron/engine/noise/noise-tables.json').strip.languages)).toEqual(source.languages);
  });

  it('is what the shipped model folder says it was trained on', () => {
    expect(json('models/manifest.json').languages).toEqual(source.languages);
    const taggers = readdirSync(repo + 'models').filter((f) => /^tagger\..+\.json$/.test(f));
    expect(taggers.length).toBeGreaterThan(0);
    for (const tagger of taggers) expect(json(`models/${tagger}`).languages).toEqual(source.languages);
  });

  it('is what the Python training code reads (byte model vocabulary, corpus, lexicon, LM, tagger)', () => {
    const script = [
      'import json, sys', "sys.path[:0] = ['models/training', 'models/training/tagger']",
      'import vocab, noise, alphabet, models.training.corpus.build as c, models.training.lexicon.build as x, models.training.lm.build as m',
      'print(json.dumps([vocab.LANGUAGES, list(noise.LANGUAGES), alphabet.LANGUAGES, c.LANGS, x.LANGS, m.LANGS]))',
    ].join('\n');
    const run = spawnSync('/usr/bin/python3', ['-c', script], { cwd: repo, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    for (const list of JSON.parse(run.stdout) as string[][]) expect(list).toEqual(source.languages);
  }, 60_000);
});
