/**
 * Unknown words' endings through the engine with the shipped models: in Czech typed without diacritics, a name the
 * lexicon lacks gets the ending the language inflects it with ("Fiona Parryova" -> "Parryová") from the letter model
 * of the words as written (models/lm/cs.spelled.br), and not without it (spelledWeight 0), also where the writer
 * skipped some diacritics; a sentence typed with all of them keeps its unknown words as typed, and a foreign name's
 * final consonant gets no háček. Skipped while the shipped model or cs.spelled.br is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorrector, DEFAULT_MODEL_DIR, type LocalCorrector } from '../../electron/engine/index.ts';
import { shippedModelReady } from '../support/shipped-model.ts';
import { SPELLED_WEIGHTS } from '../../electron/engine/local-corrector.ts';
import { stripDiacritics } from '../../electron/engine/noise/index.ts';

process.env.ORT_DISABLE_TELEMETRY = '1';
const READY = shippedModelReady('engine-ending-spellings', 'lm/cs.spelled.br');

describe.skipIf(!READY)('unknown words\' endings: the letter model of Czech words as written', () => {
  let respelling: LocalCorrector;
  let without: LocalCorrector;
  beforeAll(async () => {
    [respelling, without] = await Promise.all([
      createCorrector({ providers: ['cpu'], languages: ['cs'] }),
      createCorrector({ providers: ['cpu'], languages: ['cs'], spelledWeight: 0 }),
    ]);
  }, 120_000);
  afterAll(async () => { await Promise.all([respelling?.dispose(), without?.dispose()]); });

  it('ships a weight for Czech only where its model ships', () => {
    expect(SPELLED_WEIGHTS.cs).toBeGreaterThan(0);
    for (const lang of Object.keys(SPELLED_WEIGHTS)) {
      expect(existsSync(join(DEFAULT_MODEL_DIR, 'lm', `${lang}.spelled.br`)), lang).toBe(true);
    }
  });

  it.each([
    // a woman's surname the lexicon lacks: "-ová", not the possessive "-ova"
    'Včera o tom mluvila Fiona Parryová z Londýna.',
    // its dative: "-ové"
    'Dopis poslali paní Thunbergové.',
  ])('%s', async (gold) => {
    const input = stripDiacritics(gold, 'cs');
    expect((await respelling.correct(input, { language: 'cs' })).text).toBe(gold);
    expect((await without.correct(input, { language: 'cs' })).text).not.toBe(gold);
  });

  it('suggests the respelled name as a model\'s text, not a dictionary\'s', async () => {
    const result = await respelling.correct('Dopis poslali pani Thunbergove do Stockholmu.', { language: 'cs' });
    const name = result.suggestions.find((s) => s.original === 'Thunbergove');
    expect(name).toMatchObject({ replacement: 'Thunbergové', kind: 'diacritics', source: 'model' });
    expect(result.suggestions.find((s) => s.original === 'pani')).toMatchObject({ replacement: 'paní', source: 'lexicon' });
  });

  it('in a sentence typed with some diacritics and others skipped ("prisla"), too', async () => {
    const input = 'Včera k nám prisla Fiona Parryova z Londýna.';
    expect((await respelling.correct(input, { language: 'cs' })).text).toBe('Včera k nám přišla Fiona Parryová z Londýna.');
    expect((await without.correct(input, { language: 'cs' })).text).toBe('Včera k nám přišla Fiona Parryova z Londýna.');
  });

  it.each([
    // typed with diacritics, none skipped: the writer's unknown word stays as typed
    ['Přišla i Marie Ivanova.', 'Ivanova'],
    // a foreign name's final consonant takes no háček ("Walmarť")
    ['Obchod Walmart otevrel.', 'Walmart'],
  ])('%s keeps %s', async (input, word) => {
    const out = (await respelling.correct(input, { language: 'cs' })).text;
    expect(out.split(/[\s.]+/u)).toContain(word);
  });
});
