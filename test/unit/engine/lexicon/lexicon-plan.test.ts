/**
 * What lexicon decoding may change in a sentence and among which spellings: the words, their candidates from
 * the complete lexicon (every form of the word's key; for an unknown word, the forms within a few keyboard-weighted
 * edits) and their priors. Counts go through the lexicon's one-byte storage (within 5 %), so priors are those of
 * the stored counts.
 */
import { describe, expect, it } from 'vitest';
import type { LanguageCode } from '../../../../electron/shared/types.ts';
import { decodeUtf8, utf8Bytes } from '../../../../electron/engine/text/byte-codec.ts';
import { lexiconFromForms } from '../../../../electron/engine/lexicon/lexicon.ts';
import { addsOneLetter, hasSyllable, lexiconKey, writesOwnLetters } from '../../../../electron/engine/lexicon/word-rules.ts';
import { latticeContext, SPELLED_WEIGHTS } from '../../../../electron/engine/local-corrector.ts';
import { applyCase, buildPlan, candidatesFor, COMPOUND_SETTINGS, DEFAULT_PLAN_OPTIONS, isAbbreviation, isListedAbbreviation, keepsTypedDiacritics, peel,
  planOptionsFor, restoredAbbreviation, sentencePlanOptions, sentenceTyping, skipsDiacritics, startsSentence, TYPED_INPUT_COUNTS, TYPO_CAPITALISED_SHARES, TYPO_NAME_SHARES, TYPO_SLIP_WORD_LANGUAGES, wordSpans } from '../../../../electron/engine/lexicon/lexicon-plan.ts';

// Count 0: a form the dictionary knows and our text never showed.
const LT: Array<[string, number]> = [['aš', 180000], ['as', 3500], ['čia', 91000], ['cia', 1700], ['gražus', 5000],
  ['šiandien', 800], ['oraš', 900], ['oras', 100], ['kad', 9000], ['kąd', 1], ['žodžių', 0], ['namas', 300],
  ['mano', 50], ['labai', 1000], ['laba', 3], ['kuri', 80], ['kurti', 9]];

describe('words of a sentence', () => {
  it.each([
    ['Siandien,', 0, 8],
    ['(cia)', 1, 4],
    ['„gražus“...', 1, 7],
    ['...', 0, 0],
    ['l’ete', 0, 5],
    ['žodis', 0, 5],
  ])('peel(%j) keeps [%i, %i)', (token, start, end) => {
    expect(peel(token)).toEqual({ start, end });
  });

  it.each([
    ['Siandien, labai (grazus) oras!', ['Siandien', 'labai', 'grazus', 'oras']],
    ["l'ete rusko-cesky", ['l', 'ete', 'rusko', 'cesky']],
    // Words joined by slashes are words; a slash at the edge makes a path.
    ['a/nebo (vat/he) quan/huyen/thi', ['a', 'nebo', 'vat', 'he', 'quan', 'huyen', 'thi']],
    ['/usr/lib ~/kniha/cesky (lib/kniha/)', []],
    // Numbers, codes, URLs, e-mail addresses, other scripts: never touched.
    ['25-a x86 CO2 https://a.lt/cia a@b.lt 2005-os 10-12', []],
    ['Москва и cia', ['cia']],
    // Mentions and hashtags name an account or a tag as written.
    ['napis @uzivatel a #dovolena (@petr)', ['napis', 'a']],
    ['  ', []],
    // A comma or semicolon typed without the space after it still ends a word (it had left both untouched).
    ['chtit,muzes prijit;ted', ['chtit', 'muzes', 'prijit', 'ted']],
    ['1,5 kg,cia x,86', ['kg', 'cia']],
  ])('wordSpans(%j)', (text, words) => {
    const spans = wordSpans(text);
    expect(spans.map((s) => s.text)).toEqual(words);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it.each([
    // A word of four letters or more after a number and a hyphen is a word, marked so.
    ['ein 37-Jahrige (33-godisnjak), 48–hodinova', ['ein', 'Jahrige', 'godisnjak', 'hodinova'], [false, true, true, true]],
    ['10-rocny/rocna 3-iame', ['rocny', 'rocna', 'iame'], [true, true, true]],
    // An ordinal's full stop typed without the space after it: lv news writes "2015.gadā", "3.aprīlī".
    ['2015.gada 3.aprila, 2007.gada.', ['gada', 'aprila', 'gada'], [true, true, true]],
    // a decimal, a version, a short ending: copied as they are
    ['1.5 2.0beta v3.x 3.kl', [], []],
  ])('wordSpans(%j): words after a number', (text, words, afterNumber) => {
    const spans = wordSpans(text);
    expect(spans.map((s) => s.text)).toEqual(words);
    expect(spans.map((s) => s.afterNumber === true)).toEqual(afterNumber);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it.each([
    // known letters after a number get their spellings; unknown ones (an ending) are copied, never typo-fixed
    ['ein 37-Jahrige', [['Jahrige', 'Jährige']]],
    ['ein 37-Jahrigx', []],
  ])('buildPlan(%j) after a number', (text, expected) => {
    const de = lexiconFromForms('de', [['jährige', 50], ['ein', 9000]]);
    expect(buildPlan(text, 'de', de, planOptionsFor('de')).words
      .map((w) => w.candidates.map((c) => decodeUtf8(c.bytes)))).toEqual(expected);
  });
});

describe('sentence starts', () => {
  it.each([
    ['Siandien labai', 'Siandien', true],
    ['  „Siandien“', 'Siandien', true],
    ['Taip. Siandien', 'Siandien', true],
    ['Taip! (Siandien)', 'Siandien', true],
    ['Ar taip? „Siandien', 'Siandien', true],
    ['Jonas Siandien', 'Siandien', false],
    ['Taip, Siandien', 'Siandien', false],
    ['žr. Siandien', 'Siandien', true], // an abbreviation's point reads as a sentence end: the rule is kept simple
    ['3.5 Siandien', 'Siandien', false],
    ['Pasak J. Lucenko', 'Lucenko', false], // a name's initial
    ['Rekl to T. G. Masaryk', 'Masaryk', false],
    ['J. Lucenko', 'Lucenko', false],
    ['Taip, AB. Siandien', 'Siandien', true],
    [`${' '.repeat(70)}Siandien`, 'Siandien', false], // nothing to see within 64 characters
  ])('startsSentence(%j) at %j: %s', (text, word, expected) => {
    expect(startsSentence(text, text.lastIndexOf(word))).toBe(expected);
  });
});

describe('case restoration', () => {
  it.each([
    ['cia', 'čia', 'lt', 'čia'],
    ['Cia', 'čia', 'lt', 'Čia'],
    ['CIA', 'čia', 'lt', 'ČIA'],
    ['cIa', 'čia', 'lt', 'čIa'],
    ['Strasse', 'straße', 'de', 'Straße'],
    ['STRASSE', 'straße', 'de', 'STRASSE'],
    ['ISTANBUL', 'istanbul', 'tr', 'İSTANBUL'],
    ['Isik', 'ışık', 'tr', 'Işık'],
  ])('applyCase(%j, %j, %s) = %j', (source, form, lang, expected) => {
    expect(applyCase(source, form, lang as never)).toBe(expected);
  });
});

describe('candidates', () => {
  const lexicon = lexiconFromForms('lt', LT);
  const texts = (word: string, options = DEFAULT_PLAN_OPTIONS) => candidatesFor(word, 'lt', lexicon, options)
    ?.map((c) => [decodeUtf8(c.bytes), Math.exp(c.logPrior).toFixed(4), c.input]) ?? null;

  it.each([
    // the input first (spelled as written), then the lexicon's other forms by count
    ['cia', [['cia', '0.0179', true], ['čia', '0.9821', false]]],
    ['Cia', [['Cia', '0.0179', true], ['Čia', '0.9821', false]]],
    // a diacritic the writer typed is never taken away: nothing left to choose
    ['čia', null],
    // an input the lexicon does not list still competes, with a count of 0.05
    ['grazus', [['grazus', '0.0000', true], ['gražus', '1.0000', false]]],
    ['Oras', [['Oras', '0.1004', true], ['Oraš', '0.8996', false]]],
    // forms under 0.2 % of the key are left out: here that leaves nothing to choose
    ['kad', null],
    ['gražus', null],
    // a known word whose only form is itself is simply known: no candidates, and no typo candidates either
    // (the forms lexicon had no line for a plain word, which then got typo candidates)
    ['namas', null],
    ['labai', null],
    ['kurti', null],
    // a form the dictionary knows and our text never showed counts 0.5 (dictionaryCount), the input 0.05
    ['zodziu', [['zodziu', '0.0909', true], ['žodžių', '0.9091', false]]],
    ['Zodziu', [['Zodziu', '0.0909', true], ['Žodžių', '0.9091', false]]],
    // a word typed with a diacritic, unattested, counts markedInputCount (5): its writer typed it with care
    ['žodziu', [['žodziu', '0.9091', true], ['žodžių', '0.0909', false]]],
    // the only form would take away a typed diacritic: nothing to choose
    ['mąno', null],
  ])('%j -> %j', (word, expected) => {
    expect(texts(word)).toEqual(expected);
  });

  it('dictionaryCount weighs the forms our text never showed', () => {
    expect(texts('zodziu', { ...DEFAULT_PLAN_OPTIONS, dictionaryCount: 4.95 })).toEqual([
      ['zodziu', '0.0100', true], ['žodžių', '0.9900', false]]);
  });

  it.each([
    // an unknown lowercase word gets the forms within 2 keyboard-weighted edits, after itself at the input share
    // (0.5); each scores log(count) - 3 * cost
    ['graius', [['graius', '0.5000', true], ['gražus', '0.5000', false]]],
    ['siandein', [['siandein', '0.5000', true], ['šiandien', '0.5000', false]]],
    // an extra d after s (its neighbour, 0.6) from both forms of the key: shared by count
    ['orasd', [['orasd', '0.5000', true], ['oraš', '0.4498', false], ['oras', '0.0502', false]]],
    // kurti at 0.6 (swapped t i) against kuri at 1 (an extra t), nine times as frequent: kuri first
    ['kurit', [['kurit', '0.5000', true], ['kuri', '0.3640', false], ['kurti', '0.1360', false]]],
    // forms within one edit first: kurti at 0.6 (i for u) leaves out kuri at 1.2 (an extra t and i for u)
    ['kurtu', [['kurtu', '0.5000', true], ['kurti', '0.5000', false]]],
    // two edits only when nothing is one edit away: now a typo candidate (before the complete lexicons, one
    // edit was the most)
    ['grajjus', [['grajjus', '0.5000', true], ['gražus', '0.5000', false]]],
    // capitalised words (mostly names), short words and words three edits away get none
    ['Graius', null],
    ['ors', null],
    ['grajjuss', null],
  ])('typo candidates: %j -> %j', (word, expected) => {
    expect(texts(word, { ...DEFAULT_PLAN_OPTIONS, typoMinLength: 4, typoInputShare: 0.5 })).toEqual(expected);
  });

  // A letter typed three times or more in a row is stretched on purpose: the word's letters with each run cut to one
  // choose, and the choice is stretched back; never a typo fix ("Huuuu" had become "Hlůžu"). Three letters that two
  // would make a known word are a slip, fixed as a typo ("pizzza").
  const stretchLexicon = lexiconFromForms('cs', [['problém', 500], ['problem', 5], ['hú', 50], ['krutý', 300], ['pizza', 80]]);
  it.each([
    ['prrroblem', [['prrroblem', '0.0101', true], ['prrroblém', '0.9899', false]]],
    ['Huuuu', [['Huuuu', '0.0010', true], ['Húúúú', '0.9990', false]]],
    ['HUUUU', [['HUUUU', '0.0010', true], ['HÚÚÚÚ', '0.9990', false]]],
    ['krrrutý', null],
    ['pizzza', [['pizzza', '0.5000', true], ['pizza', '0.5000', false]]],
  ])('stretched words: %j -> %j', (word, expected) => {
    expect(candidatesFor(word, 'cs', stretchLexicon, { ...DEFAULT_PLAN_OPTIONS, typoMinLength: 4, typoInputShare: 0.5 })
      ?.map((c) => [decodeUtf8(c.bytes), Math.exp(c.logPrior).toFixed(4), c.input]) ?? null).toEqual(expected);
  });

  // A form with a letter the language does not write (a loan, a foreign name, a source read in the wrong code page:
  // "dobøe" is "dobře" read as Latin-1) is never a typo's fix, nor a lowercase word's spelling; a capitalised word's
  // it may be, as a name (Vietnamese text restores "Hōjō" and "Lüneburg").
  const foreignLexicon = lexiconFromForms('cs', [['dobře', 900], ['dobøe', 10], ['robote', 9], ['müller', 40],
    ['muller', 2], ['søren', 30]]);
  it.each([
    ['robopes', [['robopes', '0.5000', true], ['robote', '0.5000', false]]],
    ['mullerr', [['mullerr', '0.5000', true], ['muller', '0.5000', false]]],
    ['sorenn', null],
    // the key of "dobøe", lowercase: that form left out, "dobře" one edit away is a real word's slip
    ['doboe', [['doboe', '0.9747', true], ['dobře', '0.0253', false]]],
    ['soren', null],
    ['Soren', [['Soren', '0.0016', true], ['Søren', '0.9984', false]]],
    ['Muller', [['Muller', '0.0465', true], ['Müller', '0.9535', false]]],
  ])('letters of another language: %j -> %j', (word, expected) => {
    expect(candidatesFor(word, 'cs', foreignLexicon, { ...DEFAULT_PLAN_OPTIONS, typoMinLength: 4, typoInputShare: 0.5 })
      ?.map((c) => [decodeUtf8(c.bytes), Math.exp(c.logPrior).toFixed(4), c.input]) ?? null).toEqual(expected);
  });

  it.each([
    ['cs', 'robopes', 'dobøe', false],
    ['cs', 'dobre', 'dobře', true],
    ['cs', 'Soren', 'søren', false],
    ['cs', 'Søren', 'søren', true],
    ['cs', 'Gorlitz', 'görlitz', false],
    ['de', 'Gorlitz', 'görlitz', true],
    ['fr', 'coeur', 'cœur', true],
    ['lt', 'oras', 'ōras', false],
    ['pl', 'zolw', 'żółw', true],
    ['vi', 'duoc', 'được', true],
    ['tr', 'Istanbul', 'ıstanbul', true],
  ])('%s: %j may become %j: %j', (lang, word, form, expected) => {
    expect(writesOwnLetters(word, form, lang as LanguageCode)).toBe(expected);
  });

  // A word typed with a diacritic that our text writes so is meant: its other spellings are other words. Plain, or
  // only in the dictionary (count 0), it has them.
  const meant = lexiconFromForms('cs', [['odhodláni', 50], ['odhodlání', 400], ['přílis', 0], ['příliš', 900]]);
  it.each([
    ['odhodláni', null],
    ['Odhodláni', null],
    ['odhodlani', ['odhodlani', 'odhodláni', 'odhodlání']],
    ['přílis', ['přílis', 'příliš']],
  ])('typed %j, the candidates are %j', (word, expected) => {
    const found = candidatesFor(word, 'cs', meant, DEFAULT_PLAN_OPTIONS);
    expect(found ? found.map((c) => decodeUtf8(c.bytes)).sort() : null).toEqual(expected);
  });

  // A key with nothing to rest a syllable on: a slip that took a short word's vowel, or chat's or a command's word.
  it.each([
    ['cs', 'npm', false],
    ['cs', 'jj', false],
    ['cs', 'ls', false],
    ['cs', 'vlk', true],
    ['cs', 'prst', true],
    ['hr', 'crv', true],
    ['ro', 'src', false],
    ['lt', 'vlk', false],
    ['pl', 'nr', false],
    ['pl', 'byc', true],
    ['tr', 'kiz', true],
  ])('%s: %j has a syllable: %j', (lang, key, expected) => {
    expect(hasSyllable(key, lang as LanguageCode)).toBe(expected);
  });

  it.each([
    ['kd', 'kad', true],
    ['kd', 'kde', true],
    ['kd', 'ka', false],
    ['npm', 'np', false],
    ['ls', 'las', true],
  ])('%j + one letter = %j: %j', (key, fixKey, expected) => {
    expect(addsOneLetter(key, fixKey)).toBe(expected);
  });

  // Fixes of a short key without a syllable: one that gives it a syllable by a neighbour key ("ls" -> "la") or a
  // dropped letter ("kd" -> "kad"); not another key ("jj" -> "je", "btw" -> "bmw"), nor a form without a syllable.
  const chat = lexiconFromForms('cs', [['je', 900000], ['la', 5000], ['kad', 300], ['bmw', 40], ['bts', 3], ['jj', 50],
    ['v', 800000], ['prst', 300]]);
  it.each([
    ['ls', ['la', 'ls']],
    ['kd', ['kad', 'kd']],
    // A one-letter word with a letter too many, and a long key with several slips, are typos as any.
    ['vv', ['v', 'vv']],
    ['prsrtt', ['prsrtt', 'prst']],
    ['btw', null],
    ['jj', null],
  ])('candidates of %j: %j', (word, expected) => {
    const found = candidatesFor(word, 'cs', chat, { ...DEFAULT_PLAN_OPTIONS, typoMinLength: 2, realWordTypoRate: 1e-3 });
    expect(found ? found.map((c) => decodeUtf8(c.bytes)).sort() : null).toEqual(expected);
  });

  // English words mixed in are kept as written: five letters or more and a count of 3 in the English lexicon ("kurit"
  // seen twice is too rare, "orasd" a dictionary-only form, "kuru" too short).
  const withEnglish = lexiconFromForms('lt', LT, { english: lexiconFromForms('en', [['graius', 3], ['kurit', 2], ['kuru', 900],
    ['orasd', 0], ['oras', 900]]) });
  it.each([
    ['graius', null],
    ['kurit', [['kurit', '0.5000', true], ['kuri', '0.3640', false], ['kurti', '0.1360', false]]],
    ['orasd', [['orasd', '0.5000', true], ['oraš', '0.4498', false], ['oras', '0.0502', false]]],
    ['kuru', [['kuru', '0.5000', true], ['kuri', '0.5000', false]]],
  ])('beside an English lexicon, typo candidates: %j -> %j', (word, expected) => {
    expect(candidatesFor(word, 'lt', withEnglish, { ...DEFAULT_PLAN_OPTIONS, typoMinLength: 4, typoInputShare: 0.5 })
      ?.map((c) => [decodeUtf8(c.bytes), Math.exp(c.logPrior).toFixed(4), c.input]) ?? null).toEqual(expected);
  });

  it.each([
    ['typoMaxEdits 1 leaves out two edits', { typoMaxEdits: 1 }, 'grajjus', null],
    ['typoMinLength 0 turns typo candidates off', { typoMinLength: 0 }, 'graius', null],
    ['typoMinLength 2: a two-letter non-word is a slip too', { typoMinLength: 2 }, 'kd',
      [['kd', '0.5000', true], ['kad', '0.4999', false], ['kąd', '0.0001', false]]],
    ['typoMinLength 3 leaves it as it is', { typoMinLength: 3 }, 'kd', null],
    // a capitalised word inside a sentence may be a typo where typoCapitalisedShare allows, unless the text repeats it
    // as a name (repeated-names.ts); its lowercase twin is a typo as before ("Qud" twice in a text is no name)
    ['typoCapitalisedShare 0.5: a capitalised word may be a typo', { typoCapitalisedShare: 0.5 }, 'Graius',
      [['Graius', '0.5000', true], ['Gražus', '0.5000', false]]],
    ['repeatedNames: not a name the text repeats', { typoCapitalisedShare: 0.5, repeatedNames: new Set(['graius']) },
      'Graius', null],
    ['repeatedNames: its lowercase twin still is', { repeatedNames: new Set(['graius']) }, 'graius',
      [['graius', '0.5000', true], ['gražus', '0.5000', false]]],
    ['typoMaxCandidates 1 keeps the best', { typoMaxCandidates: 1 }, 'kurit',
      [['kurit', '0.5000', true], ['kuri', '0.5000', false]]],
    ['typoCostWeight 0: counts alone decide', { typoCostWeight: 0 }, 'kurit',
      [['kurit', '0.5000', true], ['kuri', '0.4494', false], ['kurti', '0.0506', false]]],
    ['typoCostWeight 10: the closest wins', { typoCostWeight: 10 }, 'kurit',
      [['kurit', '0.5000', true], ['kurti', '0.4300', false], ['kuri', '0.0700', false]]],
  ] as const)('%s', (_what, options, word, expected) => {
    expect(texts(word, { ...DEFAULT_PLAN_OPTIONS, ...options })).toEqual(expected);
  });

  // A spelling model whose mean ln P per letter (the end counts as one) is minus the table's value (2 where not listed).
  const spelling = (perLetter: Record<string, number>) =>
    ({ logProb: (key: string) => -(perLetter[key] ?? 2) * ([...key].length + 1) });
  it.each([
    // log-odds of the input: 8 x (its mean ln P per letter - its most word-like fix's + 0.8)
    ['as word-like as its fixes: meant as typed', 8, { kurit: 2 }, '0.9983'],
    ['0.8 nats a letter below its best fix: the input share as it is', 8, { kurit: 2.8 }, '0.5000'],
    ['further below: a typo', 8, { kurit: 3.3 }, '0.0180'],
    ['the most word-like fix is the measure', 8, { kurit: 2.8, kuri: 1.5 }, '0.0180'],
    ['weight 0: no opinion', 0, { kurit: 9 }, '0.5000'],
    // typoMarginLetters 3: "kurit" counts 6 letters (the end is one), so its margin is 0.8 x 3 / 6 for the word.
    ['a long word: the margin for the whole word', 8, { kurit: 2 }, '0.9608', 3],
    ['no longer than typoMarginLetters: per letter', 8, { kurit: 2 }, '0.9983', 6],
  ] as const)('spelling model: %s (weight %d, %j) -> %s', (_what, weight, table, share, marginLetters?: number) => {
    const options = { ...DEFAULT_PLAN_OPTIONS, typoSpellingWeight: weight, typoSpellingMargin: 0.8,
      typoMarginLetters: marginLetters ?? Infinity };
    const candidates = candidatesFor('kurit', 'lt', lexicon, options, spelling(table))!;
    expect(candidates.map((c) => decodeUtf8(c.bytes))).toEqual(['kurit', 'kuri', 'kurti']);
    expect(Math.exp(candidates[0]!.logPrior).toFixed(4)).toBe(share);
    // the fixes share the rest as before (kuri 0.3640 : kurti 0.1360)
    expect(candidates.reduce((sum, c) => sum + Math.exp(c.logPrior), 0)).toBeCloseTo(1, 12);
    expect(Math.exp(candidates[1]!.logPrior - candidates[2]!.logPrior)).toBeCloseTo(0.3640 / 0.1360, 2);
  });

  it.each([
    // a known word next to one 300 times as frequent, one edit away (an i left out, cost 1): that one at
    // rate x 956 x e^-3 against the word's own count of 3
    ['laba', 0.01, [['laba', '0.8631', true], ['labai', '0.1369', false]]],
    ['laba', 0.001, [['laba', '0.9844', true], ['labai', '0.0156', false]]],
    // nine times as frequent: under minShare (0.2 %) at 0.001, a faint candidate at 0.01
    ['kurti', 0.001, null],
    ['kurti', 0.01, [['kurti', '0.9855', true], ['kuri', '0.0145', false]]],
    // the frequent word of the pair is never taken for a typo of the rare one
    ['labai', 0.01, null],
    // the word's own key keeps its forms and priors (čia is no typo of cia)
    ['cia', 0.01, [['cia', '0.0179', true], ['čia', '0.9821', false]]],
    // capitalised words get none (but at a sentence's start, below); rate 0 turns it off
    ['Laba', 0.01, null],
    ['laba', 0, null],
  ] as const)('real-word typos: %j at rate %d -> %j', (word, rate, expected) => {
    expect(texts(word, { ...DEFAULT_PLAN_OPTIONS, realWordTypoRate: rate })).toEqual(expected);
  });

  it.each([
    ['Laba gerai.', ['Laba', 'Labai']],
    ['Gerai. Laba', ['Laba', 'Labai']],
    ['Gerai Laba', null],
  ])('a capitalised real-word typo in %j -> %j', (text, expected) => {
    const plan = buildPlan(text, 'lt', lexicon, { ...DEFAULT_PLAN_OPTIONS, realWordTypoRate: 0.01 });
    const word = plan.words.find((w) => decodeUtf8(utf8Bytes(text).subarray(w.start, w.end)) === 'Laba');
    expect(word?.candidates.map((c) => decodeUtf8(c.bytes)) ?? null).toEqual(expected);
    if (word) expect(word.source).toBe('typo');
  });

  it.each([
    // A short word, its full stop, and the sentence going on: an abbreviation (cs "odst. 5", "čl. III", lt "tel. 112").
    ['pagal odst. 5 ir', 'odst', true],
    ['zakona c. 406/2000', 'c', true],
    ['cl. III. odst', 'cl', true],
    ['skambinti tel. 112', 'tel', true],
    ['o pan. ir', 'pan', true],
    ['cena vc. DPH a', 'vc', true],
    // The sentence ends there, the word is longer, or no full stop follows: a word like any other.
    ['einu laba. Rytoj', 'laba', false],
    ['einu laba.', 'laba', false],
    ['pagal namas. ir', 'namas', false],
    ['laba, ir', 'laba', false],
    ['laba.ir', 'laba', false],
  ])('isAbbreviation(%j, %j): %s', (text, word, expected) => {
    const start = text.indexOf(word);
    expect(isAbbreviation(text, start, start + word.length)).toBe(expected);
  });

  // The dictionary's abbreviations with diacritics under their stripped letters (abbreviations.json); "c" and "zak"
  // are also words of another spelling (the letter c, "žák").
  // "psl" and "tel" are abbreviations kept as typed; the lexicon knows "tel" as a word, "psl" not at all.
  const cs = lexiconFromForms('cs', [['c', 1272], ['č', 156], ['žák', 500], ['zákona', 900], ['odst', 40], ['vc', 3],
    ['např', 80], ['tel', 20]],
  { abbreviations: { c: 'č', cl: 'čl', zak: 'zák', Ur: 'Úř', vc: 'vč', napr: 'např', psl: 'psl', tel: 'tel' } });

  it.each([
    ['zakona c. 89/2012 Sb.', 'c', 'č'],
    ['v mistnosti c. 5, cl. 12', 'c', 'č'],
    ['v mistnosti c. 5, cl. 12', 'cl', 'čl'],
    ['cl. III. odst. 2', 'cl', 'čl'],
    ['podle zak. 5', 'zak', 'zák'],
    ['cena vc. DPH', 'vc', 'vč'],
    ['Cl. 5 stanovi', 'Cl', 'Čl'],
    ['Ur. vest. c. 5', 'Ur', 'Úř'],
    // Letters that are also another word's stand for the abbreviation before a number or an acronym only ("c. k.":
    // the letter).
    ['byl to c. k. urednik', 'c', null],
    ['muj zak. on je fajn', 'zak', null],
    // No abbreviation: the sentence ends, the word was typed with its diacritic, or the table has no such case.
    ['zakona c.', 'c', null],
    ['zakona c. Dalsi', 'c', null],
    ['zakona č. 5', 'č', null],
    ['UR. 5', 'UR', null],
    ['odst. 5', 'odst', null],
    // Kept as typed: no typo fix makes "psi." of it.
    ['viz 3 psl. a dale', 'psl', 'psl'],
    ['tel. 112', 'tel', 'tel'],
    // At a sentence's end, only letters the lexicon knows as no word or as the abbreviation alone.
    ['viz 3 psl.', 'psl', 'psl'],
    ['viz 3 psl. Dalsi veta', 'psl', 'psl'],
    ['je to napr.', 'napr', 'např'],
    ['(napr.)', 'napr', 'např'],
    ['byl to c.', 'c', null],
    ['cena vc.', 'vc', null],
    ['volej na tel.', 'tel', null],
    ['viz psl.cz', 'psl', null],
  ])('restoredAbbreviation in %j: %j -> %j', (text, word, expected) => {
    const start = text.indexOf(word);
    const forms = cs.variants(lexiconKey(word, 'cs'));
    expect(restoredAbbreviation(text, start, start + word.length, 'cs', cs, forms)).toBe(expected);
  });

  it.each([
    // A listed abbreviation's letters and its full stop, in any case, typed with or without diacritics.
    ['psl. 5', 'psl', true],
    ['Napr. tohle', 'Napr', true],
    ['Např. tohle', 'Např', true],
    ['C. 5', 'C', true],
    // No full stop right after it, or not listed.
    ['psl 5', 'psl', false],
    ['odst. 5', 'odst', false],
  ])('isListedAbbreviation(%j, %j): %s', (text, word, expected) => {
    const start = text.indexOf(word);
    expect(isListedAbbreviation(text, start, start + word.length, 'cs', cs)).toBe(expected);
  });

  it.each([
    // A listed abbreviation before a capitalised word gets no typo fixes ("Sw. Jan" had become "W. Jan"; here with
    // a vowel: a key without a syllable has no fix without one, hasSyllable).
    ['Sa. Jan', 'Sa', ['Sa', 'Są']],
    ['Sa Jan', 'Sa', ['A', 'Sa', 'Są']],
  ])('in %j, %j may become %j', (text, word, expected) => {
    const pl = lexiconFromForms('pl', [['sa', 2], ['są', 40], ['a', 90000], ['jan', 300]], { abbreviations: { sa: 'są' } });
    const plan = buildPlan(text, 'pl', pl, planOptionsFor('pl'));
    const found = plan.words.find((w) => decodeUtf8(utf8Bytes(text).subarray(w.start, w.end)) === word);
    expect(found ? [...new Set(found.candidates.map((c) => decodeUtf8(c.bytes)))].sort() : null).toEqual(expected);
  });

  it('an abbreviation written without its diacritics is the word\'s only candidate', () => {
    const text = 'podle zakona c. 5';
    const plan = buildPlan(text, 'cs', cs, planOptionsFor('cs'));
    const word = plan.words.find((w) => decodeUtf8(utf8Bytes(text).subarray(w.start, w.end)) === 'c');
    expect(word?.candidates.map((c) => decodeUtf8(c.bytes))).toEqual(['č']);
  });

  it.each([
    // "laba" followed by a full stop and a lowercase word is an abbreviation: no typo fixes ("labai"); its own
    // diacritic spellings stay ("cia." -> "čia.").
    ['Jis laba. ir', 'laba', null],
    ['Jis laba ir', 'laba', ['laba', 'labai']],
    ['Jis cia. ir', 'cia', ['cia', 'čia']],
    // An unknown word: no typo candidates either.
    ['Jis labq. ir', 'labq', null],
    ['Jis labq ir', 'labq', ['labq', 'laba']],
  ])('in %j, %j may become %j', (text, word, expected) => {
    const plan = buildPlan(text, 'lt', lexicon, { ...DEFAULT_PLAN_OPTIONS, realWordTypoRate: 0.01 });
    const found = plan.words.find((w) => decodeUtf8(utf8Bytes(text).subarray(w.start, w.end)) === word);
    expect(found ? [...new Set(found.candidates.map((c) => decodeUtf8(c.bytes)))] : null).toEqual(expected);
  });

  it.each([
    // A sentence with diacritics in a language of TYPED_INPUT_COUNTS: an unattested lowercase "cia" beside "čia" is no
    // candidate (a skipped diacritic); "oras", attested as typed, keeps its input; a capitalised word (mostly a name)
    // keeps it too; without diacritics every input stays a candidate.
    ['Šiandien cia oras', 'cia', ['čia']],
    ['Šiandien cia oras', 'oras', ['oras', 'oraš']],
    // A word with a diacritic keeps its input too, even unattested (lv "aizvadītajā" is no skipped "aizvadītājā"),
    // and at markedInputCount (above the attested form's count 5 here: the writer typed this word with care).
    ['Šiandien žodziu oras', 'žodziu', ['žodziu', 'žodžių']],
    ['Šiandien zodziu oras', 'zodziu', ['žodžių']],
    ['Šiandien Cia oras', 'Cia', ['Cia', 'Čia']],
    ['Siandien cia oras', 'cia', ['cia', 'čia']],
  ])('in %j, %j may become %j', (text, word, expected) => {
    const lexicon = lexiconFromForms('lt', [['šiandien', 800], ['čia', 91000], ['oras', 100], ['oraš', 900],
      ['žodžių', 5]]);
    const plan = buildPlan(text, 'lt', lexicon, sentencePlanOptions(planOptionsFor('lt'), text.startsWith('Š')));
    const found = plan.words.find((w) => decodeUtf8(utf8Bytes(text).subarray(w.start, w.end)) === word);
    expect(found?.candidates.map((c) => decodeUtf8(c.bytes)) ?? null).toEqual(expected);
  });

  it.each([
    ['Siandien cia oras', { typed: false, skipping: false }],
    ['Šiandien čia oras', { typed: true, skipping: false }],
    ['Šiandien cia oras', { typed: true, skipping: true }],
  ])('sentenceTyping(%j) -> %j', (text, expected) => {
    const lexicon = lexiconFromForms('lt', [['šiandien', 800], ['čia', 91000], ['oras', 100]]);
    expect(sentenceTyping(text, 'lt', lexicon)).toEqual(expected);
  });

  it.each([
    // A Vietnamese syllable has many spellings: twelve forms a typo away, not three, so that one of the others is
    // among them ("hoj": "hơn", "hơi", "hội" before "hôn"); lt keeps three.
    ['vi', 'hoj', 12, ['hoj', 'hơn', 'hơi', 'hội', 'hôn'], [['hơn', 9000], ['hơi', 5000], ['hội', 4000], ['hôn', 900]]],
    ['lt', 'kurit', 3, ['kurit', 'kurti', 'kuris', 'kurie'],
      [['kurti', 500], ['kuris', 400], ['kurie', 300], ['kuri', 200]]],
  ] as const)('%s %j: typoMaxCandidates %d, candidates %j', (lang, word, max, expected, forms) => {
    expect(planOptionsFor(lang).typoMaxCandidates).toBe(max);
    const lexicon = lexiconFromForms(lang, forms.map(([f, n]) => [f, n] as [string, number]));
    expect(candidatesFor(word, lang, lexicon, planOptionsFor(lang))?.map((c) => decodeUtf8(c.bytes))).toEqual(expected);
  });

  it.each([
    // A stripped Vietnamese syllable keeps its rare spellings: sixteen of them, down to 0.05 % of the key ("mạ", 0.07 %);
    // the other languages' defaults (lt's, on the same Vietnamese forms) keep eight, down to 0.2 %.
    ['vi', ['ma', 'má', 'mà', 'mả', 'mã', 'mạ']],
    ['lt', ['ma', 'má', 'mà', 'mả', 'mã']],
  ] as const)('with the options of %s, "ma" keeps the spellings %j', (lang, expected) => {
    const lexicon = lexiconFromForms('vi', [['ma', 100000], ['má', 50000], ['mà', 40000], ['mả', 8000], ['mã', 6000],
      ['mạ', 150]]);
    expect(candidatesFor('ma', 'vi', lexicon, planOptionsFor(lang))?.map((c) => decodeUtf8(c.bytes)).sort())
      .toEqual([...expected].sort());
  });

  it.each([
    // The margin covers a long word as a whole in the fusional languages, per letter in hu and tr (compounds).
    ['lt', 6],
    ['cs', 6],
    ['ga', 4],
    ['hu', Infinity],
    ['tr', Infinity],
  ] as const)('%s: typoMarginLetters %d', (lang, expected) => {
    expect(planOptionsFor(lang).typoMarginLetters).toBe(expected);
  });

  it.each([
    // lt writes a foreign name's case ending after an apostrophe: the ending is no word ("as" is no stripped "aš").
    ['lt', 'Farage’as', []],
    ['lt', "Daley'as cia", ['cia']],
    // After a lowercase word, or in another language, the run after the apostrophe is a word like any other.
    ['lt', 'l’as', ['as']],
    ['tr', 'Ataturk’un', ['un']],
  ] as const)('%s: in %j, the words with a choice are %j', (lang, text, expected) => {
    const lexicon = lexiconFromForms(lang, [['aš', 180000], ['as', 3500], ['čia', 91000], ['un', 100], ['ün', 100]]);
    const plan = buildPlan(text, lang, lexicon);
    expect(plan.words.map((w) => decodeUtf8(utf8Bytes(text).subarray(w.start, w.end)))).toEqual(expected);
  });

  it.each([
    // A lowercase word the lexicon does not attest as typed, beside a spelling with diacritics: skipped ones.
    ['Šiandien cia oras', true],
    ['Šiandien čia oras', false],
    // "oras" is attested as typed; a capitalised word is mostly a name; an unknown word is no evidence.
    ['Šiandien čia oras Cia', false],
    ['Šiandien čia oras xyzzy', false],
    // A word with a diacritic was typed with care, even where the lexicon lacks it ("žodziu" beside "žodžių").
    ['Šiandien žodziu', false],
    ['Šiandien zodziu', true],
  ])('skipsDiacritics(%j) -> %s', (text, expected) => {
    const lexicon = lexiconFromForms('lt', [['šiandien', 800], ['čia', 91000], ['oras', 100], ['oraš', 900],
      ['žodžių', 5]]);
    expect(skipsDiacritics(text, 'lt', lexicon)).toBe(expected);
  });

  it.each([
    ['lt', 0],
    ['cs', 0],
    ['fr', DEFAULT_PLAN_OPTIONS.inputCount],
  ] as const)('%s: typedInputCount %d', (lang, expected) => {
    expect(planOptionsFor(lang).typedInputCount).toBe(expected);
    expect(TYPED_INPUT_COUNTS[lang] ?? DEFAULT_PLAN_OPTIONS.inputCount).toBe(expected);
    expect(sentencePlanOptions(planOptionsFor(lang), true).typed).toBe(true);
    expect(sentencePlanOptions(planOptionsFor(lang), false)).toEqual(planOptionsFor(lang));
  });

  it('without keepTypedDiacritics, typed diacritics may go too', () => {
    const options = { ...DEFAULT_PLAN_OPTIONS, keepTypedDiacritics: false };
    expect(candidatesFor('čia', 'lt', lexicon, options)?.map((c) => decodeUtf8(c.bytes))).toEqual(['čia', 'cia']);
  });

  it.each([
    ['zodziu', 'žodžių', true],
    ['žodziu', 'žodžių', true],
    ['žodžiu', 'žodžių', true],
    ['žodžių', 'žodžiu', false],
    ['Kąd', 'Kad', false],
    ['ISTANBUL', 'İSTANBUL', true],
    ['Straße', 'Strasse', true],
    // A letter added or dropped: each letter typed with a diacritic must still be there (cs "ódy" had become "od").
    ['ėjo', 'jo', false],
    ['ąsotiss', 'ąsotis', true],
    ['sotis', 'ąsotis', true],
  ])('keepsTypedDiacritics(%j, %j) = %s', (word, candidate, expected) => {
    expect(keepsTypedDiacritics(word, candidate, word === 'ISTANBUL' ? 'tr' : 'lt')).toBe(expected);
  });

  it.each([
    // a capitalised unknown word gets typo candidates, in its capitalisation, only where it starts a sentence
    ['Siandein labai.', ['Siandein', 'Šiandien']],
    ['Labai gerai. Siandein', ['Siandein', 'Šiandien']],
    ['Labai Siandein', null],
  ])('a capitalised typo in %j -> %j', (text, expected) => {
    const plan = buildPlan(text, 'lt', lexicon);
    const word = plan.words.find((w) => decodeUtf8(utf8Bytes(text).subarray(w.start, w.end)) === 'Siandein');
    expect(word?.candidates.map((c) => decodeUtf8(c.bytes)) ?? null).toEqual(expected);
    if (word) expect(word.source).toBe('typo');
    expect(buildPlan(text, 'lt', lexicon, { ...DEFAULT_PLAN_OPTIONS, typoSentenceStart: false }).words
      .some((w) => w.source === 'typo')).toBe(false);
  });

  it.each([
    // a capital typed a key early or held a key long ("Un" swapped, "SIandien"): an unknown word so written is a
    // typo like a lowercase one, its fixes capitalised, wherever it stands
    ['Labai sIandein', ['sIandein', 'Šiandien']],
    ['Labai SIandein', ['SIandein', 'Šiandien']],
    ['SIandein labai.', ['SIandein', 'Šiandien']],
    // not where the case says something else: too short to tell, later capitals (mRNA, McDonald), all caps
    ['Labai nAMus', null],
    ['Labai oRs', null],
    ['Labai NaMus', null],
    ['Labai SIANDEIN', null],
    // only forms one edit away (a swap and a doubled n: 1.2), where a lowercase word reaches two
    ['Labai sIandeinn', null],
    ['Labai siandeinn', ['siandeinn', 'šiandien']],
  ])('a slipped capital in %j -> %j', (text, expected) => {
    const word = buildPlan(text, 'lt', lexicon).words.find((w) => w.start > 0 || !text.startsWith('Labai'));
    expect(word?.candidates.map((c) => decodeUtf8(c.bytes)) ?? null).toEqual(expected);
  });

  it.each([
    // Irish writes a lowercase prefix before a name's capital: "hÉireann" is no slip there
    ['ga', null],
    ['lt', ['hEireann', 'Ėireann']],
  ] as const)('"na hEireann" in %s -> %j', (lang, expected) => {
    const words = buildPlan('na hEireann', lang, lexiconFromForms(lang, [['éireann', 100], ['ėireann', 100], ['na', 1000]]))
      .words;
    expect(words.find((w) => w.start > 0)?.candidates.map((c) => decodeUtf8(c.bytes)) ?? null).toEqual(expected);
  });

  it.each([
    // typoCapitalisedShare: inside a sentence too, the word keeping that share (no say for the spelling model, which
    // would read a foreign name as a typo)
    [0.97, [['Siandein', '0.9700'], ['Šiandien', '0.0300']]],
    [0, null],
  ] as const)('a capitalised unknown word inside a sentence, typoCapitalisedShare %d -> %j', (share, expected) => {
    const plan = buildPlan('Labai Siandein', 'lt', lexicon, { ...DEFAULT_PLAN_OPTIONS, typoCapitalisedShare: share });
    const word = plan.words.find((w) => w.start > 0);
    expect(word?.candidates.map((c) => [decodeUtf8(c.bytes), Math.exp(c.logPrior).toFixed(4)]) ?? null)
      .toEqual(expected);
  });

  it.each([
    // typoNameShare: where the likeliest fix one edit away is a name the language writes ("Šiandien" here), the word
    // keeps that share; with typoCapitalisedShare 0 names are its only fixes
    ['Siandein', ['šiandien'], 0, 0.97, [['Siandein', '0.9700'], ['Šiandien', '0.0300']]],
    ['Siandein', ['šiandien'], 0, 1, null],
    ['Siandein', [], 0, 0.97, null],
    // a name's typo is a slip of the cheapest kind (a swap here, 0.6): not another edit ("q" is no neighbour of "n"),
    // nor two (a swap and a doubled n)
    ['Siandienq', ['šiandien'], 0, 0.97, null],
    ['Siandeinn', ['šiandien'], 0, 0.97, null],
    ['Siandienq', ['šiandien'], 0.99, 0.9, [['Siandienq', '0.9900'], ['Šiandien', '0.0100']]],
    // beside typoCapitalisedShare, the smaller share
    ['Siandein', ['šiandien'], 0.99, 0.9, [['Siandein', '0.9000'], ['Šiandien', '0.1000']]],
    ['Siandein', [], 0.99, 0.9, [['Siandein', '0.9900'], ['Šiandien', '0.0100']]],
  ] as const)('"Labai %s", names %j, typoCapitalisedShare %d, typoNameShare %d -> %j',
    (word, names, capitalisedShare, nameShare, expected) => {
      const lexicon = lexiconFromForms('lt', LT, { names: [...names] });
      const plan = buildPlan(`Labai ${word}`, 'lt', lexicon,
        { ...DEFAULT_PLAN_OPTIONS, typoCapitalisedShare: capitalisedShare, typoNameShare: nameShare });
      expect(plan.words.find((w) => w.start > 0)?.candidates.map((c) => [decodeUtf8(c.bytes),
        Math.exp(c.logPrior).toFixed(4)]) ?? null).toEqual(expected);
    });

  it.each([
    // typoSlipWords: any known form a cheapest slip away is such a fix, not only names (es "el Gobierno")
    ['Siandein', false, null],
    ['Siandein', true, [['Siandein', '0.9700'], ['Šiandien', '0.0300']]],
    // still a slip of the cheapest kind only ("q" is no neighbour of "n")
    ['Siandienq', true, null],
  ] as const)('"Labai %s", no names, typoSlipWords %s -> %j', (word, slipWords, expected) => {
    const lexicon = lexiconFromForms('lt', LT, { names: [] });
    const plan = buildPlan(`Labai ${word}`, 'lt', lexicon,
      { ...DEFAULT_PLAN_OPTIONS, typoNameShare: 0.97, typoSlipWords: slipWords });
    expect(plan.words.find((w) => w.start > 0)?.candidates.map((c) => [decodeUtf8(c.bytes),
      Math.exp(c.logPrior).toFixed(4)]) ?? null).toEqual(expected);
  });

  it.each([
    ['lt', TYPO_NAME_SHARES.lt!],
    ['cs', 1],
  ] as const)('planOptionsFor(%j).typoNameShare = %d', (lang, share) => {
    expect(TYPO_NAME_SHARES.lt).toBeLessThan(1);
    expect(planOptionsFor(lang).typoNameShare).toBe(share);
    expect(planOptionsFor(lang, { typoNameShare: 0.5 }).typoNameShare).toBe(0.5);
  });

  it.each([
    ['es', 0.97, true],
    ['de', 0.5, true],
    ['lt', 0.5, false],
    ['cs', 1, false],
  ] as const)('planOptionsFor(%j): typoNameShare %d, typoSlipWords %s', (lang, share, slipWords) => {
    expect(planOptionsFor(lang)).toMatchObject({ typoNameShare: share, typoSlipWords: slipWords });
    expect(TYPO_SLIP_WORD_LANGUAGES.has(lang)).toBe(slipWords);
  });

  it.each([
    ['a language with its own share', 'cs', TYPO_CAPITALISED_SHARES.cs!],
    ['a language without one', 'lv', 0],
  ] as const)('planOptionsFor: %s', (_what, lang, share) => {
    expect(TYPO_CAPITALISED_SHARES.cs).toBeGreaterThan(0);
    expect(planOptionsFor(lang).typoCapitalisedShare).toBe(share);
    expect(planOptionsFor(lang, { typoCapitalisedShare: 0.5 }).typoCapitalisedShare).toBe(0.5);
    expect(planOptionsFor(lang).typoInputShare).toBe(DEFAULT_PLAN_OPTIONS.typoInputShare);
  });

  it('a plan holds the byte offsets of the words with a choice, never adjacent', () => {
    // eisiu: unknown, nothing within 2 edits; labai: known as it is; orasd: a typo of oras; km stays out of it
    // here (typoMinLength 3; with 2, the default, a word this lexicon lacks would be a typo too)
    const text = '„Siandien“ as eisiu, cia 5 km labai orasd.';
    const plan = buildPlan(text, 'lt', lexicon, { ...DEFAULT_PLAN_OPTIONS, typoMinLength: 3 });
    const bytes = utf8Bytes(text);
    expect(plan.words.map((w) => decodeUtf8(bytes.subarray(w.start, w.end)))).toEqual(['Siandien', 'as', 'cia', 'orasd']);
    expect(plan.words.map((w) => w.candidates.map((c) => decodeUtf8(c.bytes)))).toEqual([
      ['Siandien', 'Šiandien'], ['as', 'aš'], ['cia', 'čia'], ['orasd', 'oraš', 'oras'],
    ]);
    plan.words.slice(1).forEach((w, i) => expect(w.start).toBeGreaterThan(plan.words[i]!.end));
  });
});


describe('an unknown word\'s ending respelled (withEndingSpellings)', () => {
  const cs = lexiconFromForms('cs', [['fiona', 300], ['přišla', 900], ['prošla', 100], ['kotva', 200], ['a', 9000]]);
  // A context that weighs every word alike, and a letter model that likes "-ová" ten times more than the word as
  // typed, and any other spelling far less.
  const flat = { wordHash: () => 1, logProb: () => -5 };
  const spelled = { logProb: (w: string) => (w.endsWith('ová') ? -20 : /^[a-z]+$/u.test(w) ? -20 - Math.log(10) : -40) };
  /** The candidates of `word` in `text`, each with its prior relative to the first's; null: the word is copied. */
  const candidates = (text: string, word: string, spelledWeight: number) => {
    const plan = buildPlan(text, 'cs', cs, DEFAULT_PLAN_OPTIONS,
      { model: { ...flat, spelled }, weight: 1, spelledWeight });
    const bytes = utf8Bytes(text);
    const found = plan.words.find((w) => decodeUtf8(bytes.subarray(w.start, w.end)) === word);
    return found ? found.candidates.map((c) => [decodeUtf8(c.bytes),
      Number(Math.exp(c.logPrior - found.candidates[0]!.logPrior).toFixed(2))]) : null;
  };

  it.each([
    // a name the lexicon lacks: the typed word and its respelling share its prior 1 : 10 at weight 1, 1 : 100 at 2
    ['Fiona Parryova prisla', 'Parryova', 1, [['Parryova', 1], ['Parryová', 10]]],
    ['Fiona Parryova prisla', 'Parryova', 2, [['Parryova', 1], ['Parryová', 100]]],
    // weight 0 (latticeContext's for a sentence typed with diacritics, none skipped): the word is copied
    ['Fiona Parryova prisla', 'Parryova', 0, null],
  ] as const)('%j: %s at weight %d', (text, word, weight, expected) => {
    expect(candidates(text, word, weight)).toEqual(expected);
  });

  it.each([
    // typed with diacritics, none skipped: its writer's unknown words stay as typed
    [true, 0],
    // without diacritics, or with some skipped (latticeContext's `typed` is false then): the language's weight
    [false, SPELLED_WEIGHTS.cs],
  ])('latticeContext: a Czech sentence typed %s respells at weight %d', (typed, weight) => {
    expect(SPELLED_WEIGHTS.cs).toBeGreaterThan(0);
    expect(latticeContext(flat, 'cs', typed).spelledWeight).toBe(weight);
    expect(latticeContext(flat, 'lv', false).spelledWeight).toBe(0);
  });

  it('a lowercase word with a typo fix (kotova -> kotva) gets none: its ending would take the fix\'s place', () => {
    expect(candidates('a kotova', 'kotova', 1)?.map(([text]) => text)).toEqual(['kotova', 'kotva']);
    expect(candidates('a Kotova', 'Kotova', 1)?.map(([text]) => text)).toEqual(['Kotova', 'Kotová']);
  });
});

describe('an unknown word spelled as a compound of known words (withCompoundSpelling)', () => {
  const et = lexiconFromForms('et', [['töö', 900], ['tööstus', 80], ['metallide', 20], ['elamis', 30], ['loa', 40],
    ['elamisega', 25], ['ja', 5000], ['hind', 60], ['Tallinn', 0]]);
  // Estonian's own settings (COMPOUND_SETTINGS)
  const options = planOptionsFor('et');
  /** The candidates of `word` in `text`, each with its share of the word's prior; null: the word is copied. */
  const candidates = (text: string, word: string, opts = options) => {
    const plan = buildPlan(text, 'et', et, opts);
    const bytes = utf8Bytes(text);
    const found = plan.words.find((w) => decodeUtf8(bytes.subarray(w.start, w.end)) === word);
    return found ? found.candidates.map((c) => [decodeUtf8(c.bytes), Number(Math.exp(c.logPrior).toFixed(3))]) : null;
  };

  it.each([
    // lowercase, no other candidate: the compound takes compoundShare of the prior
    ['ja toostusmetallide', 'toostusmetallide', [['toostusmetallide', 0.4], ['tööstusmetallide', 0.6]]],
    // a sentence's capitalised first word too, in its capitalisation
    ['Toostusmetallide ja', 'Toostusmetallide', [['Toostusmetallide', 0.4], ['Tööstusmetallide', 0.6]]],
    // inside a sentence a capitalised word is mostly a name: none
    ['ja Toostusmetallide', 'Toostusmetallide', null],
    // typed with a diacritic: the writer's spelling
    ['ja toostusmetallidé', 'toostusmetallidé', null],
  ] as const)('%j: %s', (text, word, expected) => {
    expect(candidates(text, word)).toEqual(expected);
  });

  it('German capitalises its nouns: a capitalised word inside a sentence is spelled too (compoundCapitalised)', () => {
    const de = lexiconFromForms('de', [['stahl', 40], ['geschäft', 90], ['das', 9000]]);
    const found = (opts: Partial<Parameters<typeof planOptionsFor>[1]>) => buildPlan('das Stahlgeschaft', 'de', de,
      planOptionsFor('de', opts)).words.map((w) => w.candidates.map((c) => decodeUtf8(c.bytes)));
    expect(found({})).toEqual([['Stahlgeschaft', 'Stahlgeschäft']]);
    expect(found({ compoundCapitalised: false })).toEqual([]);
  });

  it('a word that cuts into known words as typed keeps its letters against a typo fix (compoundFixFactor)', () => {
    // "elamisloa" = "elamis" + "loa"; "elamisega" is two edits away
    const without = candidates('ja elamisloa', 'elamisloa', planOptionsFor('et', { compoundFixFactor: 1 }))!;
    const with_ = candidates('ja elamisloa', 'elamisloa')!;
    expect(without.map(([text]) => text)).toEqual(['elamisloa', 'elamisega']);
    expect(with_.map(([text]) => text)).toEqual(['elamisloa', 'elamisega']);
    const odds = (c: typeof with_) => (c[1]![1] as number) / (c[0]![1] as number);
    expect(odds(with_)).toBeCloseTo(0.1 * odds(without), 2);
  });

  it('compoundShare 0 and compoundFixFactor 1 (outside COMPOUND_SETTINGS) leave the plan as it was', () => {
    expect(COMPOUND_SETTINGS.lt).toBeUndefined();
    expect(planOptionsFor('lt')).toMatchObject({ compoundShare: 0, compoundFixFactor: 1 });
    const off = planOptionsFor('et', { compoundShare: 0, compoundFixFactor: 1 });
    expect(candidates('ja toostusmetallide', 'toostusmetallide', off)).toBeNull();
    expect(candidates('ja elamisloa', 'elamisloa', off)).toEqual(
      candidates('ja elamisloa', 'elamisloa', planOptionsFor('lt')));
  });
});
