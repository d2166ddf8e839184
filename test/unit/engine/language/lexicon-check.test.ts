import { describe, expect, it } from 'vitest';
import { lexiconLogLikelihood, staysInParent } from '../../../../electron/engine/language/lexicon-check.ts';
import { lexiconFromForms } from '../../../../electron/engine/lexicon/lexicon.ts';

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

describe('staysInParent: a part switches only where its own language\'s lexicon explains it better', () => {
  const cs = { lang: 'cs' as const, lexicon: CS };
  const sl = { lang: 'sl' as const, lexicon: SL };
  it.each([
    ['S pozdravem, Jiri Dvorak', cs, sl, true],
    ['S pozdravem, Jiri Dvorak', sl, cs, false],
    ['Viri pozdravim', cs, sl, false],
    ['s', cs, sl, true], // a tie keeps the parent
  ])('%j inside %o detected as %o: stays %s', (text, parent, own, stays) => {
    expect(staysInParent(text, parent, own)).toBe(stays);
  });
});
