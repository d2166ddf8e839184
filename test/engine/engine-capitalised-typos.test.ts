/**
 * Typos in capitalised words through the engine with the shipped models and lexicons: a name the language writes,
 * one slip away (a neighbour key, a doubled letter, a swap), is fixed where the language has a name share (lt
 * "Vilniasu" -> "Vilniaus", fr "Frnace"; models/lexicon/<lang>.names.br), and not without it; a capital slipped into the word ("nUiversidad") is a typo anywhere; foreign names
 * no lexicon has, and brands written with inner capitals, stay as typed. Skipped while the shipped model is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorrector, DEFAULT_MODEL_DIR, type LocalCorrector } from '../../electron/engine/index.ts';
import { shippedModelReady } from '../support/shipped-model.ts';
import { TYPO_NAME_SHARES } from '../../electron/engine/lexicon/lexicon-plan.ts';

process.env.ORT_DISABLE_TELEMETRY = '1';
const READY = shippedModelReady('engine-capitalised-typos', 'lexicon/lt.names.br');

describe.skipIf(!READY)('typos in capitalised words', () => {
  let corrector: LocalCorrector;
  let withoutNames: LocalCorrector;
  beforeAll(async () => {
    [corrector, withoutNames] = await Promise.all([
      createCorrector({ providers: ['cpu'], languages: ['lt', 'fr', 'es'] }),
      createCorrector({ providers: ['cpu'], languages: ['lt'], lexiconPlan: { typoNameShare: 1 } }),
    ]);
  }, 120_000);
  afterAll(async () => { await Promise.all([corrector?.dispose(), withoutNames?.dispose()]); });

  it('ships a name share for Lithuanian, and a names file for every language with one', () => {
    expect(TYPO_NAME_SHARES.lt).toBeLessThan(1);
    for (const lang of Object.keys(TYPO_NAME_SHARES)) {
      expect(existsSync(join(DEFAULT_MODEL_DIR, 'lexicon', `${lang}.names.br`)), lang).toBe(true);
    }
  });

  it.each([
    // names the language writes, a slip away, inside a sentence
    ['lt', 'Vakar buvau Vilniasu ir Kinijoe.', 'Vakar buvau Vilniaus ir Kinijos.'],
    ['fr', 'Il vit en Frnace depuis 2010.', 'Il vit en France depuis 2010.'],
    // foreign names no lexicon has, also one edit of another kind from a name ("Javid", "David"; "Morneau", "Moreau")
    ['lt', 'Vakar koncertavo Bruce Springsteen ir Madonna.', 'Vakar koncertavo Bruce Springsteen ir Madonna.'],
    ['fr', 'Il a parle avec Javid et Morneau hier.', 'Il a parlé avec Javid et Morneau hier.'],
    // a capital slipped into a word (a swapped "Un")
    ['es', 'Estudio en la nUiversidad de Salamanca.', 'Estudio en la Universidad de Salamanca.'],
    // brands: inner capitals, no form near
    ['es', 'Compre un iPhone nuevo y un XCeed.', 'Compré un iPhone nuevo y un XCeed.'],
  ] as const)('%s: %s', async (lang, input, expected) => {
    expect((await corrector.correct(input, { language: lang })).text).toBe(expected);
  });

  it('without the name share, a Lithuanian name with a typo inside a sentence is left as typed', async () => {
    expect((await withoutNames.correct('Vakar buvau Vilniasu ir Kinijoe.', { language: 'lt' })).text)
      .toBe('Vakar buvau Vilniasu ir Kinijoe.');
  });
});
