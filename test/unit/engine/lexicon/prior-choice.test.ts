import { describe, expect, it } from 'vitest';
import { lexiconFromForms } from '../../../../electron/engine/lexicon/lexicon.ts';
import { buildPlan, choosePriorBest } from '../../../../electron/engine/lexicon/lexicon-plan.ts';

const LT = lexiconFromForms('lt', [['šiandien', 800], ['labai', 9000], ['gražus', 5000], ['gražūs', 900], ['oras', 100],
  ['žmonės', 3000], ['žmones', 400], ['čia', 91000], ['cia', 2]]);

describe('decoding without the model: each word takes its most likely candidate', () => {
  it.each([
    ['Siandien labai grazus oras.', 'Šiandien labai gražus oras.'],
    ['ZMONES cia, o ne ten!', 'ŽMONĖS čia, o ne ten!'],
    ['Gražūs žmonės.', 'Gražūs žmonės.'], // typed diacritics are kept
    ['Niekas 123 nepasikeite', 'Niekas 123 nepasikeite'], // unknown words stay
  ])('%j -> %j', (input, expected) => {
    expect(choosePriorBest(input, buildPlan(input, 'lt', LT))).toBe(expected);
  });
});
