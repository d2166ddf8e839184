/**
 * The suffix-class models (models/lm/<lang>.sfx.br) through the engine with the shipped models: Czech sentences of
 * the dev split whose agreement the word trigrams have no counts for ("hladoví a žízniví", "vaši rodiče", "byl zabit")
 * are restored with the model's ending sequences, and not without them (suffixWeight 0; the ending-class model off in
 * both). The same for the ending-class models (<lang>.end.br: "možných slovníků", endingWeight 0). Skipped while
 * the shipped model or the Czech suffix and ending models are absent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorrector, type LocalCorrector } from '../../electron/engine/index.ts';
import { shippedModelReady } from '../support/shipped-model.ts';
import { ENDING_WEIGHTS, SUFFIX_WEIGHTS } from '../../electron/engine/local-corrector.ts';
import { stripDiacritics } from '../../electron/engine/noise/index.ts';

process.env.ORT_DISABLE_TELEMETRY = '1';
const READY = shippedModelReady('engine-word-endings', 'lm/cs.sfx.br', 'lm/cs.end.br');

describe.skipIf(!READY)('word endings in context: the suffix-class models', () => {
  let withEndings: LocalCorrector;
  let without: LocalCorrector;
  beforeAll(async () => {
    // The ending-class model off in both, so that each sentence shows what the suffix classes alone add.
    [withEndings, without] = await Promise.all([
      createCorrector({ providers: ['cpu'], languages: ['cs'], endingWeight: 0 }),
      createCorrector({ providers: ['cpu'], languages: ['cs'], suffixWeight: 0, endingWeight: 0 }),
    ]);
  }, 120_000);
  afterAll(async () => { await Promise.all([withEndings?.dispose(), without?.dispose()]); });

  it('ships a weight for Czech', () => {
    expect(SUFFIX_WEIGHTS.cs).toBeGreaterThan(0);
  });

  it.each([
    // "žízniví" agrees with "Hladoví" (masculine animate plural), not the non-word "žíznivi". (Until session 16 this
    // case was "Scénka byla předvedena ...", which the byte model got wrong without the suffix model; since the
    // priors alone decide stripped Czech, the word trigrams restore it without the suffix model too.)
    'Hladoví a žízniví, konečně jsme dosáhli hostince.',
    // "vaši rodiče" (nominative plural), not "vaší" (genitive/dative singular feminine)
    'Kde jsou teď vaši rodiče?',
    // "byl zabit" (was killed), not the infinitive "zabít"
    'Kdysi se mi zdálo, jak jsem byl zabit ve druhé světové válce.',
  ])('%s', async (gold) => {
    const input = stripDiacritics(gold, 'cs');
    expect((await withEndings.correct(input, { language: 'cs' })).text).toBe(gold);
    expect((await without.correct(input, { language: 'cs' })).text).not.toBe(gold);
  });
});

describe.skipIf(!READY)('agreement in context: the ending-class models', () => {
  let withEndings: LocalCorrector;
  let without: LocalCorrector;
  beforeAll(async () => {
    [withEndings, without] = await Promise.all([
      createCorrector({ providers: ['cpu'], languages: ['cs', 'pl'] }),
      createCorrector({ providers: ['cpu'], languages: ['cs', 'pl'], endingWeight: 0 }),
    ]);
  }, 120_000);
  afterAll(async () => { await Promise.all([withEndings?.dispose(), without?.dispose()]); });

  it('ships weights for Czech and Polish', () => {
    expect(ENDING_WEIGHTS.cs).toBeGreaterThan(0);
    expect(ENDING_WEIGHTS.pl).toBeGreaterThan(0);
  });

  it.each<['cs' | 'pl', string]>([
    // genitive plural after genitive plural: "možných slovníků", not "slovníku" (genitive singular)
    ['cs', 'Díval jsem se do všech možných slovníků.'],
    // "Kolik Kanaďanů" (how many Canadians: genitive plural), not "Kanaďanu"
    ['cs', 'Kolik Kanaďanů tady u vás pracuje?'],
    // "Miesięczna składka" (nominative, as its noun), not "Miesięczną" (instrumental)
    ['pl', 'Miesięczna składka tego ubezpieczenia wynosi 10 tys. jenów.'],
  ])('%s: %s', async (language, gold) => {
    const input = stripDiacritics(gold, language);
    expect((await withEndings.correct(input, { language })).text).toBe(gold);
    expect((await without.correct(input, { language })).text).not.toBe(gold);
  });
});
