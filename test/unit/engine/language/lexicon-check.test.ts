import { describe, expect, it } from 'vitest';
import { candidateLanguages, detectWithLexicons, lexiconLogLikelihood, partLanguage }
  from '../../../../electron/engine/language/lexicon-check.ts';
import { type Lexicon, lexiconFromForms } from '../../../../electron/engine/lexicon/lexicon.ts';
import { LANGUAGES, type LanguageCode } from '../../../../electron/shared/types.ts';

// Two small lexicons (their counts are stored quantised: ratios below hold to a few per cent).
const CS = lexiconFromForms('cs', [['s', 1000], ['pozdravem', 99], ['jiří', 9], ['dvořák', 0]]);
const SL = lexiconFromForms('sl', [['s', 1000], ['viri', 99], ['pozdravim', 49]]);
const score = (text: string, lexicon = CS) => lexiconLogLikelihood(text, lexicon.lang, lexicon);

describe('lexiconLogLikelihood: the words of a text as a unigram model of the lexicon (keys: diacritics do not matter)', () => {
  it.each([
    // word, about ln((count + 1) / largest count); a word only the dictionary knows (count 0) as one seen once,
    // an unknown one as a hundredth of that
    ['S', Math.log(1001 / 1000)],
    ['pozdravem', Math.log(100 / 1000)],
    ['Jiri', Math.log(10 / 1000)],
    ['Jiří', Math.log(10 / 1000)],
    ['Dvorak', Math.log(1 / 1000)],
    ['Novak', Math.log(0.01 / 1000)],
  ])('%j: %f', (word, expected) => {
    expect(score(word)).toBeCloseTo(expected, 0);
  });

  it('adds up over the words; numbers, punctuation and empty text count nothing', () => {
    expect(score('S pozdravem, Jiri 2024!')).toBeCloseTo(score('S') + score('pozdravem') + score('Jiri'), 9);
    expect(score('')).toBe(0);
    expect(score('2024 !')).toBe(0);
  });
});

describe('detectWithLexicons: the n-grams\' likeliest languages re-ranked by their lexicons', () => {
  // Scores in LANGUAGES order; only cs and sl matter here (sl ahead by 2 nats over 30 known n-grams).
  const scoresOf = (values: Partial<Record<LanguageCode, number>>) => ({
    scores: Float64Array.from(LANGUAGES, (l) => values[l] ?? -1000), known: 30 });
  const both = new Map<LanguageCode, Lexicon | null>([['sl', SL], ['cs', CS]]);

  it('candidateLanguages: the likeliest first', () => {
    expect(candidateLanguages(scoresOf({ sl: -100, cs: -102, hr: -105 }))).toEqual(['sl', 'cs', 'hr']);
    expect(candidateLanguages(scoresOf({ sl: -100, cs: -102, hr: -105 }), 2)).toEqual(['sl', 'cs']);
    // within LEXICON_GAP (0.3) nats per known n-gram of the best: 9 nats over 30 n-grams
    expect(candidateLanguages(scoresOf({ sl: -100, cs: -108, hr: -110 }))).toEqual(['sl', 'cs']);
    expect(candidateLanguages(scoresOf({ sl: -100, cs: -110 }))).toEqual(['sl']);
  });

  it.each([
    // text, the n-grams' scores, the detection
    ['S pozdravem, Jiri Dvorak', { sl: -100, cs: -102 }, 'cs'],
    ['Viri pozdravim', { sl: -100, cs: -102 }, 'sl'],
    ['S pozdravem, Jiri Dvorak', { sl: -100, cs: -1000 }, 'sl'], // the n-grams far apart: their say wins
  ] as const)('%j with %o: %s', (text, values, language) => {
    expect(detectWithLexicons(text, scoresOf(values), both)?.language).toBe(language);
  });

  it('reliable with enough known n-grams and a clear margin (per n-gram) on the combined scores', () => {
    expect(detectWithLexicons('S pozdravem, Jiri Dvorak', scoresOf({ sl: -100, cs: -102 }), both))
      .toMatchObject({ language: 'cs', reliable: true });
    const few = { ...scoresOf({ sl: -100, cs: -102 }), known: 5 };
    expect(detectWithLexicons('S pozdravem, Jiri Dvorak', few, both)).toMatchObject({ language: 'cs', reliable: false });
    // "s" alone: the two lexicons agree, the n-grams' 2 nats over 30 n-grams are a margin of 0.067 per n-gram
    expect(detectWithLexicons('s', scoresOf({ sl: -100, cs: -102 }), both)?.margin).toBeCloseTo(2 / 30, 1);
  });

  it('no opinion (null) where a candidate has no lexicon', () => {
    expect(detectWithLexicons('S pozdravem', scoresOf({ sl: -100, cs: -102 }), new Map([['sl', SL], ['cs', null]]))).toBeNull();
  });
});

describe('partLanguage: a part inside its parent\'s language switches where n-grams and lexicons together say so', () => {
  const scoresOf = (values: Partial<Record<LanguageCode, number>>, known = 30) => ({
    scores: Float64Array.from(LANGUAGES, (l) => values[l] ?? -1000), known });
  const both = new Map<LanguageCode, Lexicon | null>([['sl', SL], ['cs', CS]]);

  it.each([
    // text, the n-grams' scores, the parent, the part's language
    ['S pozdravem, Jiri Dvorak', { sl: -100, cs: -102 }, 'cs', 'cs'], // names read as Slovenian: the lexicons keep it
    ['S pozdravem, Jiri Dvorak', { sl: -100, cs: -102 }, 'sl', 'cs'], // and take it to Czech inside Slovenian text
    ['Viri pozdravim', { sl: -100, cs: -102 }, 'cs', 'sl'],
    ['s', { sl: -100, cs: -102 }, 'cs', 'cs'], // the lexicons agree; 2 nats over 30 n-grams is under the margin
  ] as const)('%j with %o inside %s: %s', (text, values, parent, expected) => {
    expect(partLanguage(text, scoresOf(values), parent, both)).toBe(expected);
  });

  it('a single candidate the n-grams cannot call keeps the parent; a missing lexicon leaves it to the n-grams (null)', () => {
    expect(partLanguage('Viri pozdravim', scoresOf({ sl: -100 }, 5), 'cs', both)).toBe('cs');
    expect(partLanguage('Viri pozdravim', scoresOf({ sl: -100, cs: -102 }), 'cs', new Map([['sl', SL], ['cs', null]])))
      .toBeNull();
  });
});
