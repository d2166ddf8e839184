import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addSentence, emptyCounts, mergeCounts, summarize, type MetricSummary } from '../../../electron/eval/metric.ts';
import { isAlphaWord, splitWords } from '../../../electron/eval/words.ts';

// Any letter that NFD splits into base + mark counts as "carrying a diacritic" (real runs use stripDiacritics).
const hasDiacritic = (word: string): boolean => word.normalize('NFD') !== word;

function score(rows: [gold: string, input: string, output: string][]): MetricSummary {
  const counts = emptyCounts();
  for (const [gold, input, output] of rows) addSentence(counts, { gold, input, output }, hasDiacritic);
  return summarize(counts);
}

describe('words', () => {
  it.each([
    ['Šiandien labai  gražus oras.', ['Šiandien', 'labai', 'gražus', 'oras.']],
    ['  leading and trailing\tspace\n', ['leading', 'and', 'trailing', 'space']],
    ['', []],
    ['   ', []],
  ])('splitWords(%j)', (text, words) => expect(splitWords(text)).toEqual(words));

  it.each([
    ['oras.', true],
    ['„Taip“', true],
    ['m.', true],
    ['1984', false],
    [',', false],
    ['—', false],
    ['COVID-19', true],
    ['20%', false],
    ['ß', true],
    ['日本', true],
  ])('isAlphaWord(%j) = %s', (word, alpha) => expect(isAlphaWord(word)).toBe(alpha));
});

describe('metric: hand-computed examples', () => {
  const gold = 'Šiandien labai gražus oras.';
  const input = 'Siandien labai grazus oras.';
  // columns: output -> alpha-word accuracy, diacritic-word accuracy, damage rate, correct input words
  it.each([
    ['all restored', gold, 100, 100, 0],
    ['left as is', input, 50, 0, 0],
    ['one of two restored', 'Siandien labai gražus oras.', 75, 50, 0],
    ['restored but one correct word damaged', 'Šiandien labal gražus oras.', 75, 100, 50],
    ['punctuation lost: the word is wrong', 'Šiandien labai gražus oras', 75, 100, 50],
    ['case counts', 'šiandien labai gražus oras.', 75, 50, 0],
    ['a word dropped', 'Šiandien gražus oras.', 75, 100, 50],
    ['a word added', 'Šiandien labai labai gražus oras.', 100, 100, 0],
    ['empty output', '', 0, 0, 100],
  ])('%s', (_name, output, accuracy, diacritics, damage) => {
    const result = score([[gold, input, output]]);
    expect([result.alpha_word_accuracy, result.diacritic_word_accuracy, result.damage_rate]).toEqual([
      accuracy,
      diacritics,
      damage,
    ]);
    expect([result.words, result.diacritic_words, result.correct_input_words]).toEqual([4, 2, 2]);
  });

  it('counts only tokens with a letter; punctuation and numbers are aligned but not scored', () => {
    const result = score([['Tai 1984 m. , ne ?', 'Tai 1984 m. , ne ?', 'Tai 1985 m ; ne ?']]);
    // alpha words: Tai, m., ne -> "m." became "m" (wrong); the number and the punctuation do not count.
    expect(result).toMatchObject({ words: 3, alpha_word_accuracy: 66.6667, damage_rate: 33.3333 });
  });

  it('aligns words that a system split or merged', () => {
    // gold "nevím to": the output "ne vím to" gets "to" right and "nevím" wrong, not both wrong.
    expect(score([['nevím to', 'nevim to', 'ne vím to']]).alpha_word_accuracy).toBe(50);
  });

  it('damage is measured against the input aligned to the gold (typos can merge input words)', () => {
    // Input "ahojsvete" has no correct word, so nothing can be damaged: the rate is undefined (null).
    const result = score([['ahoj svete', 'ahojsvete', 'ahoj svete']]);
    expect(result).toMatchObject({ alpha_word_accuracy: 100, correct_input_words: 0, damage_rate: null });
  });

  it('reports null where nothing was counted (no diacritics in English)', () => {
    expect(score([['Hello world.', 'Hello world.', 'Hello world.']])).toMatchObject({
      alpha_word_accuracy: 100,
      diacritic_word_accuracy: null,
      damage_rate: 0,
      input_alpha_word_accuracy: 100,
    });
  });

  it('sums over sentences, not averages of sentences', () => {
    const result = score([
      ['a b c d', 'a b c d', 'a b c x'],
      ['e f', 'e f', 'e f'],
    ]);
    expect(result).toMatchObject({ sentences: 2, words: 6, alpha_word_accuracy: 83.3333 });
  });

  it('mergeCounts adds two counters field by field', () => {
    const one = emptyCounts();
    const two = emptyCounts();
    addSentence(one, { gold: 'a b', input: 'a b', output: 'a x' }, hasDiacritic);
    addSentence(two, { gold: 'č d', input: 'c d', output: 'č d' }, hasDiacritic);
    expect(summarize(mergeCounts(one, two))).toMatchObject({
      sentences: 2,
      words: 4,
      alpha_word_accuracy: 75,
      diacritic_word_accuracy: 100,
      damage_rate: 33.3333,
    });
  });
});

describe('metric: properties', () => {
  const sentence = fc.array(fc.constantFrom('a', 'ą', 'b.', '1', ',', 'Č'), { maxLength: 10 }).map((w) => w.join(' '));

  it('output = gold scores 100 % and damages nothing', () => {
    fc.assert(
      fc.property(sentence, sentence, (gold, input) => {
        const result = score([[gold, input, gold]]);
        if (result.words > 0) expect(result.alpha_word_accuracy).toBe(100);
        expect(result.damaged_words).toBe(0);
      }),
    );
  });

  it('output = input scores the input accuracy and damages nothing', () => {
    fc.assert(
      fc.property(sentence, sentence, (gold, input) => {
        const result = score([[gold, input, input]]);
        expect(result.alpha_word_accuracy).toBe(result.input_alpha_word_accuracy);
        expect(result.damaged_words).toBe(0);
      }),
    );
  });

  it('percentages stay within 0..100', () => {
    fc.assert(
      fc.property(sentence, sentence, sentence, (gold, input, output) => {
        const result = score([[gold, input, output]]);
        for (const value of [result.alpha_word_accuracy, result.diacritic_word_accuracy, result.damage_rate]) {
          if (value !== null) expect(value).toBeGreaterThanOrEqual(0);
          if (value !== null) expect(value).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});
