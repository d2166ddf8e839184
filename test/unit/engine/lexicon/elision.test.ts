/**
 * Words typed without their apostrophe (electron/engine/lexicon/elision.ts): which spellings with one they get, and
 * what the language model reads for them.
 */
import { describe, expect, it } from 'vitest';
import type { LanguageCode } from '../../../../electron/shared/types.ts';
import { contraction, elidedForms, lmWord } from '../../../../electron/engine/lexicon/elision.ts';
import { lexiconFromForms } from '../../../../electron/engine/lexicon/lexicon.ts';
import { candidatesFor } from '../../../../electron/engine/lexicon/lexicon-plan.ts';
import { decodeUtf8 } from '../../../../electron/engine/text/byte-codec.ts';

// The words after an elided one, and their shares there, as elisions.json has them (rounded).
const FR = lexiconFromForms('fr', [['ai', 90000], ['est', 350000], ['et', 240000], ['accord', 10000], ['espère', 3300],
  ['espéré', 120], ['homme', 15000], ['une', 150000], ['il', 240000], ['jai', 55], ['test', 790], ['set', 40],
  ['lune', 1000], ['dans', 300000], ['asn', 2], ['notaient', 0], ['ôtaient', 20], ['avance', 1400]],
{ elisions: { j: { ai: 0.61, espère: 0.76, espéré: 0.1 }, c: { est: 0.31 }, qu: { il: 0.12 }, s: { il: 0.02 },
  d: { accord: 0.74, avance: 0.42, une: 0.14 }, l: { homme: 0.29, une: 0.01 }, n: { ôtaient: 0.1 },
  t: { est: 0.001 } } });
const IT = lexiconFromForms('it', [['amico', 2200], ['acqua', 3000], ['aeroporto', 540]],
  { elisions: { l: { amico: 0.04, acqua: 0.29 }, d: { acqua: 0.2 }, dell: { acqua: 0.16 }, all: { aeroporto: 0.7 } } });
const DE = lexiconFromForms('de', [['amico', 1]]);

describe('an elided word and the word after it', () => {
  it.each([
    ['fr', 'jai', ["j'ai"]],
    ['fr', 'cest', ["c'est"]],
    ['fr', 'quil', ["qu'il"]],
    ['fr', 'daccord', ["d'accord"]],
    // Each attested spelling of the word after it; typed with a diacritic, that one only.
    ['fr', 'jespere', ["j'espère", "j'espéré"]],
    ['fr', 'jespère', ["j'espère"]],
    // The word after it must be known, start with a vowel or h, and follow that elided word in our text ("s'et" never).
    ['fr', 'jxyz', []],
    ['fr', 'lmot', []],
    ['fr', 'set', []],
    ['it', 'lamico', ["l'amico"]],
    // The longest elided word first.
    ['it', 'dellacqua', ["dell'acqua"]],
    ['it', 'allaeroporto', ["all'aeroporto"]],
    // Not in a language without elisions.
    ['de', 'lamico', []],
  ] as const)('%s: %j -> %j', (lang, word, expected) => {
    const lexicon = { fr: FR, it: IT, de: DE }[lang];
    expect(elidedForms(word, lang as LanguageCode, lexicon).map((f) => f.form)).toEqual(expected);
  });
});

describe('English contractions', () => {
  it.each([
    ['dont', "don't"], ['im', "I'm"], ['youre', "you're"], ['didnt', "didn't"],
    // Words of their own: never a contraction's letters.
    ['wont', undefined], ['its', undefined], ['ill', undefined], ['lets', undefined], ['know', undefined],
  ])('%j -> %j', (word, expected) => {
    expect(contraction(word, 'en')).toBe(expected);
    expect(contraction(word, 'fr')).toBeUndefined();
  });
});

describe('as candidates (candidatesFor)', () => {
  const top = (word: string, fixesOnly: boolean) => {
    const candidates = (candidatesFor(word, 'fr', FR, undefined, undefined, true) ?? []).filter((c) => !fixesOnly || !c.input);
    return candidates.length === 0 ? undefined
      : decodeUtf8(candidates.reduce((a, b) => (b.logPrior > a.logPrior ? b : a)).bytes);
  };
  it.each([
    // A key our text wrote without the apostrophe: the elided spelling outweighs it (ELISION_RATE), at a sentence's
    // start too.
    ['jai', "j'ai"],
    ['Jai', "J'ai"],
    // A word of its own (above ELISION_MAX_COUNT), one the dictionary alone knows against a rare word, or one whose
    // letters our text never wrote with that elision: kept.
    ['test', undefined],
    ['notaient', undefined],
    ['set', 'set'],
  ] as const)('known: %j -> %j', (word, expected) => {
    expect(top(word, false)).toBe(expected);
  });

  it.each([
    // An unknown word: the elided spelling is a fix like the cheapest slip, against the typo's own fixes.
    ['davance', "d'avance"],
    ['dasn', 'dans'],
  ] as const)('unknown: its likeliest fix %j -> %j', (word, expected) => {
    expect(top(word, true)).toBe(expected);
  });
});

describe('what the language model reads', () => {
  it.each([
    ["j'ai", 'fr', 'ai'],
    ["dell'acqua", 'it', 'acqua'],
    ["don't", 'en', 'don'],
    ["i'm", 'en', 'i'],
    ['homme', 'fr', 'homme'],
  ] as const)('%j (%s) -> %j', (form, lang, expected) => {
    expect(lmWord(form, lang)).toBe(expected);
  });
});
