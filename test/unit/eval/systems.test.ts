import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import nspell from 'nspell';
import { describe, expect, it } from 'vitest';
import { lexiconFromForms } from '../../../electron/engine/lexicon/lexicon.ts';
import { AutomatonBuilder } from '../../../electron/engine/lexicon/word-automaton.ts';
import { EvalInputError } from '../../../electron/eval/gold-file.ts';
import { createSystem } from '../../../electron/eval/systems/index.ts';
import { repeatedNamesByLine } from '../../../electron/eval/systems/model.ts';
import { expandFlagAliases } from '../../../electron/eval/systems/hunspell-aliases.ts';
import {
  createSpellChecker,
  createSpellCorrector,
  loadHunspell,
  loadWordFrequencies,
  type SpellChecker,
} from '../../../electron/eval/systems/spell.ts';
import { createUnigramRestorer } from '../../../electron/eval/systems/unigram.ts';
import { applyCase, rewriteWords } from '../../../electron/eval/systems/word-case.ts';
import { tempDirs } from '../../support/temp-dirs.ts';

const makeTempDir = tempDirs();

function tempDir(): string {
  return makeTempDir('ogonek-eval-');
}

describe('applyCase: the writer capitalisation goes to the replacement', () => {
  it.each([
    ['siandien', 'šiandien', 'lt', 'šiandien'],
    ['Siandien', 'šiandien', 'lt', 'Šiandien'],
    ['SIANDIEN', 'šiandien', 'lt', 'ŠIANDIEN'],
    ['McDonaldas', 'mcdonaldas', 'lt', 'McDonaldas'],
    ['Strasse', 'straße', 'de', 'Straße'],
    ['STRASSE', 'straße', 'de', 'STRASSE'], // length differs: all-caps pattern
    ['Istanbul', 'istanbul', 'tr', 'İstanbul'],
    ['ISIK', 'ışık', 'tr', 'IŞIK'],
  ])('%s + %s (%s) -> %s', (source, form, lang, expected) => expect(applyCase(source, form, lang)).toBe(expected));

  it('rewriteWords leaves spaces, punctuation and digits alone', () => {
    expect(rewriteWords('„Ahoj,“ řekl 3× l’ami — co-op!', (word) => `<${word}>`)).toBe(
      '„<Ahoj>,“ <řekl> 3× <l’ami> — <co-op>!',
    );
  });
});

/** Writes `forms` as <dir>/<lang>.lex.br, the file format models/training/lexicon/compile_automaton.ts writes. */
function writeLexicon(dir: string, lang: string, forms: [string, number][]): void {
  const builder = new AutomatonBuilder();
  // Code-point order, as the builder requires (these test forms are all in the BMP, where sort() agrees).
  for (const [form, count] of [...forms].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) builder.add(form, count);
  writeFileSync(join(dir, `${lang}.lex.br`), brotliCompressSync(builder.finish()));
}

describe('unigram system: the most frequent attested form of the key (Lexicon.best), else unchanged', () => {
  const lexicon = lexiconFromForms('lt', [
    ['šiandien', 9],
    ['gražus', 5],
    ['aš', 7],
    ["l'été", 3],
    ['été', 2],
    ['labai', 1],
    ['kasa', 20], // the plain form is the most frequent of its key
    ['kąsa', 3],
    ['žodis', 0], // known to the dictionary only: no count, so no choice for the baseline
  ]);

  it.each([
    ['Siandien labai grazus oras.', 'Šiandien labai gražus oras.'],
    ['SIANDIEN, AS!', 'ŠIANDIEN, AŠ!'],
    ['Siandien as', 'Šiandien aš'],
    ['(grazus)', '(gražus)'],
    ["l'ete", "l'été"],
    ['d’ete', 'd’été'], // no entry for the compound: each letter run is looked up
    ['Šiandien gražus', 'Šiandien gražus'], // clean text: keys are stripped, forms kept
    ['nezinomas zodis', 'nezinomas zodis'], // unknown, or known to the dictionary only: left as typed
    ['kasa kąsa', 'kasa kasa'], // every form of a key becomes its most frequent one
  ])('%s -> %s', (input, output) => expect(createUnigramRestorer(lexicon, 'lt')(input)).toBe(output));

  it.each([
    ['ISIK', 'IŞIK'],
    ['Isik', 'Işık'],
    ['isik', 'ışık'],
  ])('Turkish dotless i: %s -> %s', (input, output) =>
    expect(createUnigramRestorer(lexiconFromForms('tr', [['ışık', 5]]), 'tr')(input)).toBe(output),
  );

  it('reads <lang>.lex.br from --lexicon-dir through createSystem', async () => {
    const dir = tempDir();
    writeLexicon(dir, 'lt', [
      ['gražus', 5],
      ['grazus', 1],
    ]);
    const system = await createSystem('unigram', { lang: 'lt', lexiconDir: dir });
    expect(await system.correct(['Labai grazus', 'grazus.'])).toEqual(['Labai gražus', 'gražus.']);
  });

  it("reads the lexicon of <model-dir>/lexicon when no lexicon folder is given (the product's)", async () => {
    const modelDir = tempDir();
    mkdirSync(join(modelDir, 'lexicon'));
    writeLexicon(join(modelDir, 'lexicon'), 'lt', [['aš', 5]]);
    const system = await createSystem('unigram', { lang: 'lt', modelDir });
    expect(await system.correct(['as'])).toEqual(['aš']);
  });

  it.each([
    ['a missing file', (_dir: string) => {}, /The lt lexicon .*lt\.lex\.br is missing/],
    [
      'a file that is not brotli',
      (dir: string) => writeFileSync(join(dir, 'lt.lex.br'), 'plain'),
      /lt\.lex\.br is damaged/,
    ],
    [
      'a truncated file',
      (dir: string) => writeFileSync(join(dir, 'lt.lex.br'), brotliCompressSync(Buffer.from('OGLX\x01\x00'))),
      /lt\.lex\.br is damaged/,
    ],
  ])('rejects %s with an EvalInputError naming the file and the language', async (_name, prepare, message) => {
    const dir = tempDir();
    prepare(dir);
    const loading = createSystem('unigram', { lang: 'lt', lexiconDir: dir });
    await expect(loading).rejects.toThrow(EvalInputError);
    await expect(createSystem('unigram', { lang: 'lt', lexiconDir: dir })).rejects.toThrow(message);
  });
});

describe('lexicon-lm system: the lines of one file, as the product reads them', () => {
  // The shipped hr lexicon and LM. A name the file repeats, capitalised inside a sentence, is no typo in its other
  // sentences (repeated-names.ts), as in `ogonek fix`; the line alone was "Sjedio je rekao".
  it('keeps a name the file repeats', async () => {
    const system = await createSystem('lexicon-lm', { lang: 'hr' });
    expect(await system.correct(['Predsjednik Kosova Fatmir Sejdiu izjavio je.', 'Sejdiu je rekao da je to vazno.']))
      .toEqual(['Predsjednik Kosova Fatmir Sejdiu izjavio je.', 'Sejdiu je rekao da je to važno.']);
  });
});

describe('repeatedNamesByLine: the names of the piece of the file each line is corrected in', () => {
  it.each([
    [['Fatmir Sejdiu je rekao.', 'Sejdiu je otišao.', 'Nitko drugi.'], [['sejdiu'], ['sejdiu'], ['sejdiu']]],
    [['Sejdiu je rekao.', 'Sejdiu je otišao.'], [[], []]],
    [[], []],
  ])('%j -> %j', (lines, expected) => {
    expect(repeatedNamesByLine(lines, 'hr').map((names) => [...names].sort())).toEqual(expected);
  });

  it('a file longer than a piece: each piece has the names of the text up to its end, as ogonek fix reads them', () => {
    const filler = Array.from({ length: 120 }, (_v, i) => `Redak broj ${i} govori o nečemu drugom nego prije.`);
    const lines = ['Fatmir Kuqi je rekao.', ...filler, 'Kuqi je otišao.', 'Fatmir Sejdiu je rekao.', ...filler,
      'Sejdiu je otišao.'];
    const names = repeatedNamesByLine(lines, 'hr');
    expect(names).toHaveLength(lines.length);
    // Kuqi's second mention is pieces later: its piece has it from the text before, the first piece does not
    expect([names[0]!.has('kuqi'), names[121]!.has('kuqi')]).toEqual([false, true]);
    // nor has a piece a name of the text after it
    expect([names[122]!.has('sejdiu'), names.at(-1)!.has('sejdiu')]).toEqual([false, true]);
  });
});

describe('spell system', () => {
  // A fake checker with fixed suggestions: the ranking by frequency is what is under test.
  const known = new Set(['labai', 'oras', 'ne']);
  const suggestions: Record<string, string[]> = {
    grazus: ['gražus', 'grazūs'],
    orss: ['ors', 'oras'],
    xyz: [],
    nebuvo: ['nebuvę'],
    evilnius: ['Vilnius'],
  };
  let calls = 0;
  const checker: SpellChecker = {
    correct: (word) => known.has(word.toLowerCase()),
    suggest: (word) => (calls++, suggestions[word.toLowerCase()] ?? []),
  };
  const frequencies = new Map([
    ['gražus', 10],
    ['grazūs', 50],
    ['oras', 100],
    ['ors', 1],
  ]);

  it.each([
    ['labai grazus', 'labai grazūs'], // the more frequent suggestion wins over nspell's first
    ['Orss ne', 'Oras ne'],
    ['xyz', 'xyz'], // no suggestion: unchanged
    ['nebuvo', 'nebuvę'], // no frequency for any: nspell's first suggestion
    ['ne-orss', 'ne-oras'],
    ['eVilnius', 'Vilnius'], // a capitalised suggestion is taken as nspell gives it
    ['ORSS', 'ORAS'], // a lowercase one gets the capitalisation of the input
  ])('%s -> %s', (input, output) => {
    expect(createSpellCorrector(checker, frequencies, 'lt')(input)).toBe(output);
  });

  it('asks the checker for suggestions once per distinct word', () => {
    const fix = createSpellCorrector(checker, frequencies, 'lt');
    calls = 0;
    fix('grazus grazus grazus orss');
    fix('grazus');
    expect(calls).toBe(2);
  });

  it('works with real nspell on a tiny hunspell dictionary', () => {
    // Buffers, as the dictionary packages give them (nspell stringifies its input).
    const aff = Buffer.from('SET UTF-8\nTRY aąbcčdeęėfghiįyjklmnoprsštuųūvzž\n');
    const dic = Buffer.from('3\nšuo\nsuolas\nnamas\n');
    const fix = createSpellCorrector(nspell({ aff, dic }), new Map(), 'lt');
    expect(fix('Suo namas namaz')).toBe('Šuo namas namas');
  });

  it('loads both dictionary package styles: {aff, dic} (lt) and the callback loader (is)', async () => {
    for (const lang of ['lt', 'is']) {
      const { aff, dic } = await loadHunspell(lang);
      expect(new TextDecoder().decode(aff)).toMatch(/^SET UTF-8/mu);
      expect(dic.length).toBeGreaterThan(100_000);
    }
  });

  it.each([
    [
      'numeric flags become the AF line they name',
      'AF 2\nAF ZZ # 1\nAF ZYAB # 2\n',
      '3\nkuća/2\na\nb/1\tpo:noun',
      '3\nkuća/ZYAB\na\nb/ZZ\tpo:noun',
    ],
    ['no AF section: unchanged', 'SET UTF-8\n', '1\nkuća/2', '1\nkuća/2'],
    ['an alias number out of range is left alone', 'AF 1\nAF ZZ\n', '1\nkuća/7', '1\nkuća/7'],
  ])('expandFlagAliases: %s', (_name, aff, dic, expected) => expect(expandFlagAliases(aff, dic)).toBe(expected));

  it('dictionary-hr (flag aliases) knows inflected forms once the aliases are expanded', async () => {
    const checker = await createSpellChecker('hr');
    expect(['kuća', 'kućama', 'reprezentacije', 'napravio'].map((word) => checker.correct(word))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(checker.correct('kućamaa')).toBe(false);
  });

  it('reads word frequencies, preferring wordfreq-alt, and is empty without a list', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'wordfreq-alt'));
    writeFileSync(join(dir, 'ro.tsv'), 'si\t100\n');
    writeFileSync(join(dir, 'wordfreq-alt', 'ro.tsv'), 'și\t0.03\nsi\t0.004\n');
    writeFileSync(join(dir, 'lt.tsv'), 'ir\t125246\naš\t116732\n');
    expect([...loadWordFrequencies('ro', dir)]).toEqual([
      ['și', 0.03],
      ['si', 0.004],
    ]);
    expect(loadWordFrequencies('lt', dir).get('aš')).toBe(116732);
    expect(loadWordFrequencies('ga', dir).size).toBe(0);
  });
});
