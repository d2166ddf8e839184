import { describe, expect, it } from 'vitest';
import { lexiconFromForms } from '../../../electron/engine/lexicon/lexicon.ts';
import {
  CandidateCounter,
  canWrite,
  spellingCount,
  summarizeCandidates,
  tokenChoices,
  type TokenChoices,
} from '../../../electron/eval/candidates.ts';
import { measureTask } from '../../../electron/eval/report-candidates.ts';

// A tiny Lithuanian lexicon: attested forms with counts, one form the dictionary alone knows (count 0).
const lexicon = lexiconFromForms('lt', [
  ['šiandien', 9],
  ['labai', 5],
  ['gražus', 5],
  ['oras', 4],
  ['aš', 7],
  ['einu', 3],
  ['namo', 2],
  ['žodis', 0],
]);

describe('tokenChoices + canWrite: can the product write the gold token from this input token?', () => {
  it.each([
    ['grazus,', 'gražus,', true], // punctuation is copied, the letter run has its candidates
    ['Siandien', 'Šiandien', true], // candidates carry the writer's capitalisation
    ['zodis', 'žodis', true], // a dictionary-only form is a candidate too
    ['labai', 'labai', true], // known and nothing else to choose (null): the input itself
    ['lbai', 'labai', true], // unknown lowercase word of 4+ letters: the forms a typo away
    ['Lbai', 'Labai', false], // capitalised unknown words get no typo candidates (mostly names) ...
    ['vilniu', 'vilnių', false], // unknown, nothing near: only the input, which is not the gold
    ['grazus-oras', 'gražus-oras', true], // each letter run of a compound has its own choices
    ['grazus-oras', 'grazus-oras', true], // ... the input among them
    ['1984', '1984', true], // not a word: copied
    ['gra', 'gražus', false], // a word split by a typo keeps only what its part can become
  ])('%s -> %s: %s', (input, gold, expected) => {
    expect(canWrite(tokenChoices(input, 'lt', lexicon), gold)).toBe(expected);
  });

  it.each([
    ['Lbai', 'Labai', true], // ... except where the word starts a sentence, as in the product (buildPlan)
    ['„Lbai', '„Labai', true], // after an opening quote too
    ['-Lbai', '-Labai', false], // a dash is no sentence start
  ])('at a sentence start: %s -> %s: %s', (input, gold, expected) => {
    expect(canWrite(tokenChoices(input, 'lt', lexicon, undefined, true), gold)).toBe(expected);
  });

  it.each<[string, TokenChoices, string, boolean]>([
    ['choices of different lengths, the longer', ['a', ['b', 'bc'], 'd'], 'abcd', true],
    ['choices of different lengths, the shorter', ['a', ['b', 'bc'], 'd'], 'abd', true],
    ['a literal must match', ['a', ['b', 'bc'], 'd'], 'abce', false],
    ['nothing may be left over', ['a', ['b']], 'abb', false],
  ])('canWrite: %s', (_name, choices, gold, expected) => expect(canWrite(choices, gold)).toBe(expected));

  it.each<[string, number]>([
    ['Siandien', 2], // Siandien, Šiandien
    ['labai', 1],
    ['grazus-oras', 2], // 2 x 1
    ['1984', 1],
  ])('spellingCount(%s) = %i', (input, expected) =>
    expect(spellingCount(tokenChoices(input, 'lt', lexicon))).toBe(expected),
  );
});

describe('CandidateCounter: recall over gold alpha words, aligned as the metric aligns them', () => {
  const gold = ['Šiandien labai gražus oras.', 'Aš einu į Vilnių, 1984 m.'];

  it.each<[string, string[], { words: number; recalled: number; aligned: number; spellings: number }]>([
    // Recalled: Šiandien labai gražus oras. | Aš einu m. Not: į (1 letter: no typo candidates), Vilnių, (unknown
    // name). 1984 is no alpha word. Spellings: Siandien 2, grazus 2, As 2, the other six 1.
    [
      'diacritics (stripped input)',
      ['Siandien labai grazus oras.', 'As einu i Vilniu, 1984 m.'],
      { words: 9, recalled: 7, aligned: 9, spellings: 12 },
    ],
    // A typo inside a word (lbai) is recalled through near(); so is a split word (ei nu) since two-letter words
    // may be typos too (typoMinLength 2): the half aligned to einu reaches it with two letters added.
    [
      'typos (stripped, then typos)',
      ['Siandien lbai grazus oras.', 'As ei nu i Vilniu, 1984 m.'],
      { words: 9, recalled: 7, aligned: 9, spellings: expect.any(Number) as unknown as number },
    ],
    // A dropped word has no input partner: not recalled, and not in the spellings mean.
    [
      'a word lost to the noise',
      ['Siandien labai grazus oras.', 'As einu i Vilniu,1984 m.'],
      { words: 9, recalled: 7, aligned: 8, spellings: 11 },
    ],
  ])('%s', (_name, inputs, expected) => {
    const counter = new CandidateCounter('lt', lexicon);
    gold.forEach((text, i) => counter.add({ gold: text, input: inputs[i]! }));
    expect(counter.counts).toMatchObject({ sentences: 2, ...expected });
  });

  it('pairs words by their keys: compared whole, stripped "Siandien" would tie with a shift and pair Šiandien with "gra"', () => {
    const counter = new CandidateCounter('lt', lexicon);
    counter.add({ gold: 'Šiandien gražus oras.', input: 'Siandien gra zus oras.' });
    expect(counter.counts).toMatchObject({ words: 3, recalled: 2, aligned: 3 }); // Šiandien and oras.
  });

  it('gives a capitalised typo candidates where it starts a sentence, not in the middle of one', () => {
    const counter = new CandidateCounter('lt', lexicon);
    counter.add({ gold: 'Labai gražus oras. Labai!', input: 'Lbai grazus oras. Lbai!' });
    counter.add({ gold: 'Oras Labai gražus.', input: 'Oras Lbai grazus.' });
    expect(counter.counts).toMatchObject({ words: 7, recalled: 6 }); // all but the mid-sentence "Lbai"
  });

  it('summarizes as a percentage and a mean', () => {
    expect(summarizeCandidates({ sentences: 2, words: 9, recalled: 7, aligned: 9, spellings: 12 })).toEqual({
      recall: 77.7778,
      spellings_per_word: 1.333,
    });
    expect(summarizeCandidates({ sentences: 0, words: 0, recalled: 0, aligned: 0, spellings: 0 })).toEqual({
      recall: null,
      spellings_per_word: null,
    });
  });

  it('measureTask makes the input as the eval does (diacritics: stripped gold)', () => {
    const lines = gold.map((text, index) => ({ index, text }));
    expect(measureTask(lines, 'lt', lexicon, 'diacritics')).toEqual({
      sentences: 2,
      words: 9,
      recalled: 7,
      aligned: 9,
      spellings: 12,
    });
    // Typo noise can only lose words that stripping alone would let the lexicon recover.
    expect(measureTask(lines, 'lt', lexicon, 'typos-0.02').recalled).toBeLessThanOrEqual(7);
  });
});
