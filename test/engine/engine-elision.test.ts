/**
 * Words typed without their apostrophe get it back (electron/engine/lexicon/elision.ts), through the engine with the
 * shipped model, lexicons and language models. Before, a typo fix took the elided letter away: fr "Jai pas le temps,
 * cest trop tard" -> "Ai pas le temps, est trop tard", it "Lamico" -> "Amico", en "youre" -> "your", "Ive" -> "Ve".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCorrector, type LocalCorrector } from '../../electron/engine/index.ts';
import type { LanguageCode } from '../../electron/shared/types.ts';
import { shippedModelReady } from '../support/shipped-model.ts';

process.env.ORT_DISABLE_TELEMETRY = '1';
const READY = shippedModelReady('engine-elision', 'lexicon/fr.lex.br', 'lexicon/it.lex.br', 'lexicon/en.lex.br');

describe.skipIf(!READY)('words typed without their apostrophe', () => {
  let corrector: LocalCorrector;
  beforeAll(async () => {
    corrector = await createCorrector({ providers: ['cpu'], languages: ['fr', 'it', 'en'] });
  }, 120_000);
  afterAll(async () => { await corrector?.dispose(); });

  it.each([
    ['fr', 'Jai pas le temps, cest trop tard. Daccord, a demain.', "J'ai pas le temps, c'est trop tard. D'accord, à demain."],
    ['fr', 'Il a dit quil viendrait, mais lhomme nest pas venu.', "Il a dit qu'il viendrait, mais l'homme n'est pas venu."],
    ['fr', 'Merci davance, jespere que ca va.', "Merci d'avance, j'espère que ça va."],
    // Words of their own stay: "test" is no "t'est", "lune" no "l'une", "dont" no "d'ont".
    ['fr', 'Cest un test, la lune est belle, dont acte.', "C'est un test, la lune est belle, dont acte."],
    // Nor a word of the dictionary whose letters an elision has ("dune", "d'une").
    ['fr', 'Une dune de sable et une plage.', 'Une dune de sable et une plage.'],
    ['it', 'Lamico di mio padre e arrivato. Unaltra volta, lho visto.',
      "L'amico di mio padre è arrivato. Un'altra volta, l'ho visto."],
    ['en', 'I dont know, Im sure youre right, thats fine. Ive been there.',
      "I don't know, I'm sure you're right, that's fine. I've been there."],
    // English words that are contractions' letters too stay as typed.
    ['en', 'I wont go, its late and Ill be ill.', 'I wont go, its late and Ill be ill.'],
  ])('%s: %j -> %j', async (lang, input, expected) => {
    expect((await corrector.correct(input, { language: lang as LanguageCode })).text).toBe(expected);
  });
});
