import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeUtf8, utf8Bytes } from '../../electron/engine/byte-codec.ts';
import { FormsLexicons, lexiconKey, parseFormsLexicon } from '../../electron/engine/forms-lexicon.ts';
import { applyCase, buildPlan, candidatesFor, DEFAULT_PLAN_OPTIONS, keepsTypedDiacritics, keysOneEditAway, letterVariants,
  peel, wordSpans }
  from '../../electron/engine/lexicon-plan.ts';

const LT = ['aš\t180000\tas\t3500', 'čia\t91000\tcia\t1700', 'gražus\t5000', 'šiandien\t800',
  'ōras\t900\toras\t100', 'kad\t9000\tkąd'].join('\n');

describe('forms lexicon file', () => {
  it('derives each key from its forms; a missing count is 1, digits are the count of the form before', () => {
    const lexicon = parseFormsLexicon('żółw\t5\tzolw\nże\t100\n', 'pl');
    expect([...lexicon]).toEqual([
      ['zolw', [{ form: 'żółw', count: 5 }, { form: 'zolw', count: 1 }]],
      ['ze', [{ form: 'że', count: 100 }]],
    ]);
  });

  it('skips a line whose forms do not strip to one key', () => {
    expect([...parseFormsLexicon('że\t3\tdom\t2\nsię\n', 'pl').keys()]).toEqual(['sie']);
  });

  it.each([
    ['Čia', 'lt', 'cia'],
    ['ŽÓŁW', 'pl', 'zolw'],
    ['ISTANBUL', 'tr', 'istanbul'],
    ['İstanbul', 'tr', 'istanbul'],
    ['ılık', 'tr', 'ilik'],
    ['Straße', 'de', 'strasse'.replace('ss', 'ß')],
  ])('key of %j (%s) is %j', (word, lang, key) => {
    expect(lexiconKey(word, lang as never)).toBe(key);
  });

  it('loads a language on demand from <dir>/<lang>.forms.tsv.br; a missing file gives null', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ogonek-forms-'));
    try {
      await writeFile(join(dir, 'lt.forms.tsv.br'), brotliCompressSync(Buffer.from(LT)));
      const lexicons = new FormsLexicons(dir);
      expect((await lexicons.get('lt'))?.get('cia')?.[0]).toEqual({ form: 'čia', count: 91000 });
      expect(await lexicons.get('lv')).toBeNull();
      expect(await new FormsLexicons(null).get('lt')).toBeNull();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

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
    // Numbers, codes, URLs, e-mail addresses, other scripts: never touched.
    ['3-iame x86 CO2 https://a.lt/cia a@b.lt', []],
    ['Москва и cia', ['cia']],
    ['  ', []],
  ])('wordSpans(%j)', (text, words) => {
    const spans = wordSpans(text);
    expect(spans.map((s) => s.text)).toEqual(words);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
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
  const lexicon = parseFormsLexicon(LT, 'lt');
  const texts = (word: string) =>
    candidatesFor(word, 'lt', lexicon)?.map((c) => [decodeUtf8(c.bytes), Math.exp(c.logPrior).toFixed(4), c.input]) ?? null;

  it.each([
    // the input first (spelled as written), then the lexicon's other forms by count
    ['cia', [['cia', '0.0183', true], ['čia', '0.9817', false]]],
    ['Cia', [['Cia', '0.0183', true], ['Čia', '0.9817', false]]],
    // a diacritic the writer typed is never taken away: nothing left to choose
    ['čia', null],
    // an input the lexicon does not list still competes, with a count of 0.05
    ['grazus', [['grazus', '0.0000', true], ['gražus', '1.0000', false]]],
    ['Oras', [['Oras', '0.1000', true], ['Ōras', '0.9000', false]]],
    // forms under 0.2 % of the key are left out: here that leaves nothing to choose
    ['kad', null],
    ['gražus', null],
    ['namas', null],
  ])('%j -> %j', (word, expected) => {
    expect(texts(word)).toEqual(expected);
  });

  it.each([
    // an unknown lowercase word gets the forms one edit away, by count, after itself at the input share (0.5)
    ['graius', [['graius', '0.5000', true], ['gražus', '0.5000', false]]],
    ['siandein', [['siandein', '0.5000', true], ['šiandien', '0.5000', false]]],
    ['orasd', [['orasd', '0.5000', true], ['ōras', '0.4500', false], ['oras', '0.0500', false]]],
    // capitalised words (mostly names), short words and words two edits away get none
    ['Graius', null],
    ['ors', null],
    ['grajjus', null],
  ])('typo candidates: %j -> %j', (word, expected) => {
    const options = { ...DEFAULT_PLAN_OPTIONS, typoMinLength: 4, typoInputShare: 0.5 };
    const got = candidatesFor(word, 'lt', lexicon, options)
      ?.map((c) => [decodeUtf8(c.bytes), Math.exp(c.logPrior).toFixed(4), c.input]) ?? null;
    expect(got).toEqual(expected);
  });

  it.each([
    ['ab', ['b', 'a', 'ba', 'bb', 'aa', 'xb', 'ax', 'xab', 'axb', 'abx']],
  ])('keysOneEditAway(%j) holds deletions, transpositions, substitutions and insertions', (key, some) => {
    const keys = keysOneEditAway(key);
    for (const k of some) expect(keys.has(k), k).toBe(true);
    expect(keys.has(key)).toBe(false);
    // 2 deletions + 1 transposition + 2 * 25 substitutions + 3 * 26 insertions, less duplicates
    expect(keys.size).toBeLessThanOrEqual(2 + 1 + 50 + 78);
    expect(keysOneEditAway('abc').has('acb')).toBe(true);
  });

  it.each([
    // a key only the unigram lexicon knows: its spelling against the input, as an attested form against an unattested one
    ['zodziu', [['zodziu', '0.0476', true], ['žodžių', '0.9524', false]]],
    ['Zodziu', [['Zodziu', '0.0476', true], ['Žodžių', '0.9524', false]]],
    ['žodziu', [['žodziu', '0.0476', true], ['žodžių', '0.9524', false]]],
    // the unigram spelling is the input itself, or would take away a typed diacritic: nothing to choose
    ['namas', null],
    ['mąno', null],
    // the forms lexicon comes first; a word neither knows may still be a typo
    ['cia', [['cia', '0.0183', true], ['čia', '0.9817', false]]],
    ['graius', [['graius', '0.5000', true], ['gražus', '0.5000', false]]],
  ])('with a unigram fallback: %j -> %j', (word, expected) => {
    const fallback = new Map([['zodziu', 'žodžių'], ['namas', 'namas'], ['mano', 'mano']]);
    const got = candidatesFor(word, 'lt', lexicon, DEFAULT_PLAN_OPTIONS, fallback)
      ?.map((c) => [decodeUtf8(c.bytes), Math.exp(c.logPrior).toFixed(4), c.input]) ?? null;
    expect(got).toEqual(expected);
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
  ])('keepsTypedDiacritics(%j, %j) = %s', (word, candidate, expected) => {
    expect(keepsTypedDiacritics(word, candidate, word === 'ISTANBUL' ? 'tr' : 'lt')).toBe(expected);
  });

  it('a plan holds the byte offsets of the words with a choice, never adjacent', () => {
    const text = '„Siandien“ as eisiu, cia 5 km.';
    const plan = buildPlan(text, 'lt', lexicon);
    const bytes = utf8Bytes(text);
    expect(plan.words.map((w) => decodeUtf8(bytes.subarray(w.start, w.end)))).toEqual(['Siandien', 'as', 'cia']);
    expect(plan.words.map((w) => w.candidates.map((c) => decodeUtf8(c.bytes)))).toEqual([
      ['Siandien', 'Šiandien'], ['as', 'aš'], ['cia', 'čia'],
    ]);
    plan.words.slice(1).forEach((w, i) => expect(w.start).toBeGreaterThan(plan.words[i]!.end));
  });
});

describe('letter variants of unknown words', () => {
  it.each([
    ['Kate', 'lt', [['K'], ['a', 'ą'], ['t'], ['e', 'ę', 'ė']]],
    ['ė', 'lt', [['ė', 'e', 'ę']]],
    ['xyo', 'lt', null],
    ['xyz', 'lt', [['x'], ['y'], ['z', 'ž']]],
    ['Ou', 'ro', null],
    ['Ai', 'ro', [['A', 'Ă', 'Â'], ['i', 'î']]],
  ])('letterVariants(%j, %s)', (word, lang, expected) => {
    expect(letterVariants(word, lang as never)).toEqual(expected);
  });

  it('keeps letters typed with a diacritic when asked', () => {
    expect(letterVariants('ąa', 'lt', true)).toEqual([['ą'], ['a', 'ą']]);
    expect(letterVariants('ąė', 'lt', true)).toBeNull();
  });
});
