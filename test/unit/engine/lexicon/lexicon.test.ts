/**
 * One language's lexicon (electron/engine/lexicon/lexicon.ts): variants of a key most frequent first, then the
 * dictionary-only forms; counts, has, best and near through the language's word rules; and the file reader,
 * which turns a missing, unreadable, truncated or corrupt file into a LexiconError naming the file and the
 * language, and whose cache tries again after a failure.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, crc32 } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Lexicon, LexiconError, lexiconFromForms, lexiconPath, Lexicons, parseLexicon, readLexicon }
  from '../../../../electron/engine/lexicon/lexicon.ts';
import { AutomatonBuilder, dequantizeCount, quantizeCount } from '../../../../electron/engine/lexicon/word-automaton.ts';
import { lexiconKey } from '../../../../electron/engine/lexicon/word-rules.ts';

/** What a count reads back as (one byte per count: within 5 %). */
const stored = (count: number) => dequantizeCount(quantizeCount(count));

// Polish forms with counts; count 0: known from the dictionary only.
const PL: Array<[string, number]> = [['żółw', 5], ['zolw', 1], ['że', 100], ['się', 3], ['sie', 40], ['łódź', 7],
  ['lodz', 7], ['łodź', 9], ['dom', 1], ['żółwia', 0], ['zółwia', 0], ['żółwią', 2]];

describe('lexicon lookups', () => {
  const lexicon = lexiconFromForms('pl', PL);

  it.each<[string, Array<[string, number]>]>([
    ['zolw', [['żółw', 5], ['zolw', 1]]],
    ['ze', [['że', 100]]],
    // most frequent first
    ['sie', [['sie', 40], ['się', 3]]],
    // equal counts: code-point order (l before ł)
    ['lodz', [['łodź', 9], ['lodz', 7], ['łódź', 7]]],
    ['dom', [['dom', 1]]],
    // attested forms first, then the dictionary-only ones (count 0) in code-point order
    ['zolwia', [['żółwią', 2], ['zółwia', 0], ['żółwia', 0]]],
  ])('variants(%j) -> %j (counts as stored: within 5 %)', (key, forms) => {
    expect(lexicon.variants(key)).toEqual(forms.map(([form, count]) => ({ form, count: stored(count) })));
  });

  it.each(['', 'z', 'zolwy', 'żółw', 'ZOLW', 'Zolw', 'domy', 'do', 'sie\t', 'x'])('no variants for %j', (key) => {
    expect(lexicon.variants(key)).toEqual([]);
    expect(lexicon.best(key)).toBeUndefined();
  });

  it.each([
    ['żółw', true, 5], ['zolw', true, 1], ['żółwia', true, 0], ['żółwiąą', false, 0], ['Żółw', false, 0],
    ['zolwia', false, 0], ['', false, 0],
  ])('has(%j) = %s, count %d', (form, has, count) => {
    expect(lexicon.has(form)).toBe(has);
    expect(lexicon.count(form)).toBe(count);
  });

  it.each([['zolw', 'żółw'], ['sie', 'sie'], ['lodz', 'łodź'], ['zolwia', 'żółwią']])('best(%j) = %j', (key, best) => {
    expect(lexicon.best(key)).toBe(best);
  });

  it.each([
    [[['żółw', 5], ['zolw', 1]], 5],
    [[['sie', 3], ['się', 290961]], 290961],
    [[['żółwia', 0]], 0],
  ] as const)('maxCount of %j = %d (the stored, log-quantized count)', (forms, max) => {
    const table = lexiconFromForms('pl', forms);
    expect(table.maxCount).toBe(Math.max(...forms.map(([form]) => table.count(form))));
    expect(table.maxCount / Math.max(max, 1)).toBeCloseTo(max === 0 ? 0 : 1, 1);
  });

  it('best() is undefined for a key whose forms are all dictionary-only', () => {
    expect(lexiconFromForms('pl', [['żółwia', 0], ['zółwia', 0]]).best('zolwia')).toBeUndefined();
  });

  it('hands out a fresh array on every lookup (a caller that sorts or edits it changes nothing)', () => {
    lexicon.variants('sie').reverse();
    expect(lexicon.variants('sie')[0]).toEqual({ form: 'sie', count: stored(40) });
  });

  it('counts its forms', () => {
    expect(lexicon.size).toBe(PL.length);
  });

  it('keeps 300 forms apart, each with its own count, and accepts none that is not listed', () => {
    const words = Array.from({ length: 300 }, (_v, i) => `w${i.toString(36)}`);
    const table = lexiconFromForms('pl', words.map((w, i) => [w, i + 1] as const));
    expect(words.map((w) => table.count(w))).toEqual(words.map((_w, i) => stored(i + 1)));
    expect(words.some((w) => table.has(`${w}_`) || table.has(w.slice(1)))).toBe(false);
  });
});

describe('lexiconFromForms', () => {
  it.each([
    ['any order', [['b', 2], ['a', 1]], [['a', 1], ['b', 2]]],
    ['a repeated form adds its counts up', [['że', 3], ['ze', 1], ['że', 4]], [['ze', 1], ['że', 7]]],
    ['decomposed forms are read as NFC', [['z\u0307e', 4]], [['że', 4]]],
    ['NFC and NFD of one form are one form', [['że', 4], ['z\u0307e', 4]], [['że', 8]]],
    ['fractions summed to under 1 are a count of 1', [['że', 0.25], ['że', 0.25]], [['że', 1]]],
    ['forms beyond U+FFFF sort after U+FB00', [['a\u{1D49C}', 1], ['a\uFB00', 1]], [['a\uFB00', 1], ['a\u{1D49C}', 1]]],
  ] as const)('%s', (_what, forms, entries) => {
    const lexicon = lexiconFromForms('pl', forms);
    expect(lexicon.size).toBe(entries.length);
    for (const [form, count] of entries) expect(lexicon.count(form), form).toBe(count);
  });
});

describe('word rules through the lexicon', () => {
  it.each([
    ['Čia', 'lt', 'cia'],
    ['ŽÓŁW', 'pl', 'zolw'],
    ['ISTANBUL', 'tr', 'istanbul'],
    ['İstanbul', 'tr', 'istanbul'],
    ['ılık', 'tr', 'ilik'],
    ['Straße', 'de', 'straße'],
  ])('key of %j (%s) is %j', (word, lang, key) => {
    expect(lexiconKey(word, lang as never)).toBe(key);
  });

  it('finds Turkish forms with dotless and dotted i by their key', () => {
    const tr = lexiconFromForms('tr', [['ışık', 50], ['işık', 0], ['istanbul', 30]]);
    expect(tr.variants(lexiconKey('ISIK', 'tr')).map((f) => f.form)).toEqual(['ışık', 'işık']);
    expect(tr.variants(lexiconKey('İSTANBUL', 'tr')).map((f) => f.form)).toEqual(['istanbul']);
  });

  it('near() takes a typed word as written: case and diacritics cost nothing, keyboard neighbours less', () => {
    const lt = lexiconFromForms('lt', [['žmonės', 500], ['žmones', 20], ['labai', 1000], ['laba', 3], ['kuri', 80]]);
    const near = (word: string, maxEdits?: number) => lt.near(word, maxEdits).map((f) => [f.form, f.cost]);
    expect(near('Zmonse')).toEqual([['žmonės', 0.6], ['žmones', 0.6]]);
    expect(near('žmonse')).toEqual([['žmonės', 0.6], ['žmones', 0.6]]);
    // the word itself costs 0; laba is one extra letter away (i after a: not neighbours)
    expect(near('labai', 1)).toEqual([['labai', 0], ['laba', 1]]);
    expect(near('xyzzy')).toEqual([]);
    expect(lt.near('labai', 2, 1)).toHaveLength(1);
  });
});

describe('reading lexicon files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ogonek-lexicon-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const automaton = (forms: Array<[string, number]>) => {
    const builder = new AutomatonBuilder();
    for (const [form, count] of forms) builder.add(form, count);
    return builder.finish({ lang: 'lt' });
  };
  const LT = automaton([['cia', 1700], ['labai', 9000], ['čia', 91000]]);
  /** The automaton with its last edge pointing past the last node. */
  const corrupt = () => {
    const bytes = LT.slice();
    const dv = new DataView(bytes.buffer);
    const json = dv.getUint32(8, true);
    const h = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + json))) as { nodes: number; edges: number };
    const align = (n: number) => (n + 3) & ~3;
    const target = align(align(align(align(16 + json) + 4 * (h.nodes + 1)) + 4 * h.nodes) + 2 * h.edges);
    dv.setUint32(target + 4 * (h.edges - 1), h.nodes + 7, true);
    dv.setUint32(12, crc32(bytes.subarray(16)), true); // a consistent checksum: the damage must be found anyway
    return bytes;
  };
  const packed = brotliCompressSync(LT);

  it('reads <dir>/<lang>.lex.br', async () => {
    await writeFile(lexiconPath(dir, 'lt'), packed);
    const lexicon = await readLexicon(dir, 'lt');
    expect(lexicon).toBeInstanceOf(Lexicon);
    expect(lexicon.lang).toBe('lt');
    expect(lexicon.variants('cia')).toEqual([{ form: 'čia', count: stored(91000) }, { form: 'cia', count: stored(1700) }]);
    expect(lexiconPath(dir, 'lt')).toBe(join(dir, 'lt.lex.br'));
  });

  it.each([
    ['a missing file', null, /is missing/],
    ['an empty file', Buffer.alloc(0), /is damaged \(not brotli data, or truncated\)/],
    ['a truncated file', packed.subarray(0, packed.length >> 1), /is damaged \(not brotli data, or truncated\)/],
    ['a text file', Buffer.from('čia\t91000\ncia\t1700\n'), /is damaged \(not brotli data, or truncated\)/],
    ['an uncompressed automaton', Buffer.from(LT), /is damaged \(not brotli data, or truncated\)/],
    ['brotli data that is no automaton', brotliCompressSync(Buffer.from('čia\t91000\n')),
      /is damaged \(not a lexicon automaton \(bad magic\)\)/],
    ['an automaton cut short', brotliCompressSync(LT.subarray(0, LT.length - 8)),
      /is damaged \(damaged or truncated \(checksum mismatch\)\)/],
    ['a corrupt automaton', brotliCompressSync(corrupt()), /is damaged \(corrupt arrays\)/],
  ])('%s: a LexiconError naming the file and the language', async (_what, content, reason) => {
    const path = lexiconPath(dir, 'lt');
    if (content) await writeFile(path, content);
    const error = await readLexicon(dir, 'lt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LexiconError);
    const e = error as LexiconError;
    expect(e.message).toContain(`The lt lexicon ${path} `);
    expect(e.message).toMatch(reason);
    expect(e.message).toMatch(/Reinstall Ogonek or rebuild the lexicons/);
    expect([e.lang, e.path, e.name]).toEqual(['lt', path, 'LexiconError']);
  });

  it('a folder where the file should be: cannot be read', async () => {
    await mkdir(lexiconPath(dir, 'lt'));
    await expect(readLexicon(dir, 'lt')).rejects.toThrow(/The lt lexicon .*lt\.lex\.br cannot be read \(EISDIR\)/);
  });

  it('reads the language\'s abbreviations from <dir>/abbreviations.json; without the file there are none', async () => {
    await writeFile(lexiconPath(dir, 'lt'), packed);
    expect([...(await readLexicon(dir, 'lt')).abbreviations]).toEqual([]);
    await writeFile(join(dir, 'abbreviations.json'), JSON.stringify({ lt: { zr: 'žr' }, cs: { c: 'č' } }));
    expect([...(await readLexicon(dir, 'lt')).abbreviations]).toEqual([['zr', 'žr']]);
  });

  it('reads the folder\'s English lexicon beside any other language: its frequent words are words mixed in', async () => {
    await writeFile(lexiconPath(dir, 'lt'), packed);
    expect((await readLexicon(dir, 'lt')).keepsAsTyped('deadline')).toBe(false); // no en.lex.br: none
    await writeFile(lexiconPath(dir, 'en'), brotliCompressSync(automaton([['already', 3992], ['deadline', 73],
      ['readline', 1], ['the', 352063]])));
    const lt = await readLexicon(dir, 'lt');
    expect(['deadline', 'already', 'readline', 'the', 'labai'].map((w) => lt.keepsAsTyped(w)))
      .toEqual([true, true, false, false, false]); // "readline" is rare, "the" too short
    expect((await readLexicon(dir, 'en')).keepsAsTyped('deadline')).toBe(false); // English is no mixed-in word
  });

  it.each([
    // Chat's acronyms, in any language and English too, with or without an English lexicon beside; a language's own
    // shorthands in that language.
    ['lt', 'btw', true], ['lt', 'thx', true], ['en', 'idk', true], ['cs', 'lol', true], ['es', 'xq', true],
    ['pl', 'nwm', true],
    // A single letter, another language's shorthand, and words that are no acronym of chat, are not.
    ['en', 'u', false], ['cs', 'xq', false], ['lt', 'bta', false], ['lt', 'labai', false],
  ] as const)('%s: %j is typed as it is: %s', async (lang, word, expected) => {
    await writeFile(lexiconPath(dir, lang), packed);
    expect((await readLexicon(dir, lang)).keepsAsTyped(word)).toBe(expected);
  });

  it('reads the language\'s elisions from <dir>/elisions.json; without the file there are none', async () => {
    await writeFile(lexiconPath(dir, 'lt'), packed);
    expect([...(await readLexicon(dir, 'lt')).elisions]).toEqual([]);
    await writeFile(join(dir, 'elisions.json'), JSON.stringify({ fr: { j: { ai: 0.61 } }, lt: { l: { labai: 0.5 } } }));
    expect([...(await readLexicon(dir, 'lt')).elisions]).toEqual([['l', new Map([['labai', 0.5]])]]);
  });

  it.each([
    ['abbreviations.json', 'not JSON', '{"lt": ', /is damaged \(.*JSON/],
    ['abbreviations.json', 'not a table of abbreviations', '{"lt": ["zr"]}',
      /is damaged \(not a table of abbreviations\)/],
    ['elisions.json', 'not JSON', '{"fr": ', /is damaged \(.*JSON/],
    ['elisions.json', 'not a table of elisions', '{"lt": {"j": {"ai": 2}}}', /is damaged \(not a table of elisions\)/],
  ])('an %s that is %s: a LexiconError naming it', async (file, _what, content, reason) => {
    await writeFile(lexiconPath(dir, 'lt'), packed);
    await writeFile(join(dir, file), content);
    const error = await readLexicon(dir, 'lt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LexiconError);
    expect((error as Error).message).toContain(`The lt lexicon ${join(dir, file)} `);
    expect((error as Error).message).toMatch(reason);
  });

  it('reads the language\'s name forms from <dir>/<lang>.names.br; without the file there are none', async () => {
    await writeFile(lexiconPath(dir, 'lt'), packed);
    expect((await readLexicon(dir, 'lt')).isName('vilnius')).toBe(false);
    await writeFile(join(dir, 'lt.names.br'), brotliCompressSync(Buffer.from('kinija\nvilniaus\nvilnius\n')));
    const lt = await readLexicon(dir, 'lt');
    expect(['vilnius', 'vilniaus', 'kinija', 'labai', 'Vilnius', ''].map((w) => lt.isName(w)))
      .toEqual([true, true, true, false, false, false]); // lowercase forms only
  });

  it.each([
    ['not brotli data', Buffer.from('vilnius\n'), /is damaged \(not brotli data, or truncated\)/],
    ['cut short', brotliCompressSync(Buffer.from('kinija\nviln')), /is damaged \(truncated\)/],
    ['not UTF-8', brotliCompressSync(Buffer.from([0x76, 0xff, 0x0a])), /is damaged \(.*invalid|is damaged \(.*not valid/i],
  ])('a <lang>.names.br that is %s: a LexiconError naming it', async (_what, content, reason) => {
    await writeFile(lexiconPath(dir, 'lt'), packed);
    await writeFile(join(dir, 'lt.names.br'), content);
    const error = await readLexicon(dir, 'lt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LexiconError);
    expect((error as Error).message).toContain(`The lt lexicon ${join(dir, 'lt.names.br')} `);
    expect((error as Error).message).toMatch(reason);
  });

  it('parseLexicon takes the decompressed bytes', () => {
    expect(parseLexicon(LT, 'lt').best('cia')).toBe('čia');
  });

  it('Lexicons loads on first use, shares one load between concurrent requests and keeps the result', async () => {
    await writeFile(lexiconPath(dir, 'lt'), packed);
    const lexicons = new Lexicons(dir);
    const [a, b] = await Promise.all([lexicons.get('lt'), lexicons.get('lt')]);
    expect(a).toBe(b);
    await rm(lexiconPath(dir, 'lt'));
    expect(await lexicons.get('lt')).toBe(a); // loaded once, not read again
    expect(a?.best('cia')).toBe('čia');
  });

  it('Lexicons rejects with the LexiconError, and tries again after a failure (a repaired file is read)', async () => {
    const lexicons = new Lexicons(dir);
    await expect(lexicons.get('lt')).rejects.toThrow(/The lt lexicon .*lt\.lex\.br is missing/);
    await writeFile(lexiconPath(dir, 'lt'), brotliCompressSync(corrupt()));
    await expect(lexicons.get('lt')).rejects.toBeInstanceOf(LexiconError);
    await writeFile(lexiconPath(dir, 'lt'), packed);
    expect((await lexicons.get('lt'))?.best('cia')).toBe('čia');
  });

  it('Lexicons keeps the most recently used languages only', async () => {
    for (const lang of ['lt', 'lv', 'pl'] as const) await writeFile(lexiconPath(dir, lang), packed);
    const lexicons = new Lexicons(dir, 2);
    const lt = await lexicons.get('lt');
    const lv = await lexicons.get('lv');
    expect(await lexicons.get('lt')).toBe(lt); // lt is now the most recent: lv goes first
    await lexicons.get('pl');
    expect(await lexicons.get('lt')).toBe(lt);
    expect(await lexicons.get('lv')).not.toBe(lv);
  });

  it('Lexicons without a folder, or with one that does not exist (a bare model), gives null', async () => {
    expect(await new Lexicons(null).get('lt')).toBeNull();
    expect(await new Lexicons(join(dir, 'none')).get('lt')).toBeNull();
  });
});
