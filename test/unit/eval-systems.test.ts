import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import nspell from 'nspell';
import { describe, expect, it } from 'vitest';
import { EvalInputError } from '../../electron/eval/gold-file.ts';
import { createSystem } from '../../electron/eval/systems/index.ts';
import { loadLexicon, parseLexicon } from '../../electron/eval/systems/lexicon.ts';
import { expandFlagAliases } from '../../electron/eval/systems/hunspell-aliases.ts';
import {
  createSpellChecker,
  createSpellCorrector,
  loadHunspell,
  loadWordFrequencies,
  type SpellChecker,
} from '../../electron/eval/systems/spell.ts';
import { createUnigramRestorer } from '../../electron/eval/systems/unigram.ts';
import { applyCase, rewriteWords } from '../../electron/eval/systems/word-case.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ogonek-eval-'));
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

describe('unigram system', () => {
  const lexicon = parseLexicon(
    [
      'siandien\tšiandien\t9',
      'grazus\tgražus\t5',
      'as\taš\t7',
      "l'ete\tl'été\t3",
      'ete\tété\t2',
      'labai\tlabai\t1',
    ].join('\n'),
    'test',
  );

  it.each([
    ['Siandien labai grazus oras.', 'Šiandien labai gražus oras.'],
    ['SIANDIEN, AS!', 'ŠIANDIEN, AŠ!'],
    ['Siandien as', 'Šiandien aš'],
    ['(grazus)', '(gražus)'],
    ["l'ete", "l'été"],
    ['d’ete', 'd’été'], // no entry for the compound: each letter run is looked up
    ['Šiandien gražus', 'Šiandien gražus'], // clean text: keys are stripped, forms kept
    ['nezinomas zodis', 'nezinomas zodis'], // unknown words stay as typed
  ])('%s -> %s', (input, output) => expect(createUnigramRestorer(lexicon, 'lt')(input)).toBe(output));

  it('loads <lang>.tsv.gz from an injected folder through createSystem', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lt.tsv.gz'), gzipSync('grazus\tgražus\t5\n'));
    expect(loadLexicon('lt', dir).get('grazus')).toBe('gražus');
    const system = await createSystem('unigram', { lang: 'lt', lexiconDir: dir });
    expect(await system.correct(['Labai grazus', 'grazus.'])).toEqual(['Labai gražus', 'gražus.']);
  });

  it.each([
    ['a missing file', (dir: string) => dir, /no unigram lexicon for 'lt'/],
    [
      'a file that is not gzip',
      (dir: string) => (writeFileSync(join(dir, 'lt.tsv.gz'), 'plain'), dir),
      /cannot read lexicon/,
    ],
    [
      'a malformed line',
      (dir: string) => (writeFileSync(join(dir, 'lt.tsv.gz'), gzipSync('ok\tok\t1\nbroken\n')), dir),
      /lt\.tsv\.gz:2: expected key<TAB>form<TAB>count/,
    ],
  ])('rejects %s with a clear error', (_name, prepare, message) => {
    const dir = prepare(tempDir());
    expect(() => loadLexicon('lt', dir)).toThrow(EvalInputError);
    expect(() => loadLexicon('lt', dir)).toThrow(message);
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
