/**
 * The shipped lexicons (models/lexicon/<lang>.lex.br, built by models/training/lexicon/build.py): each of the 20
 * languages loads through the one reader, names its language, can reach every form through variants() (every
 * letter of its alphabet strips to one key letter in TypeScript), ranks attested forms before dictionary-only
 * ones, and knows real words: the forms of a stripped key, the most frequent one first, and typo neighbours.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliDecompress } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type LanguageCode } from '../../../../electron/shared/types.ts';
import { type Lexicon, lexiconPath, parseLexicon, readLexicon } from '../../../../electron/engine/lexicon/lexicon.ts';
import { type AutomatonHeader, WordAutomaton } from '../../../../electron/engine/lexicon/word-automaton.ts';
import { lexiconKey } from '../../../../electron/engine/lexicon/word-rules.ts';

const DIR = fileURLToPath(new URL('../../../../models/lexicon', import.meta.url));

/** Per language: [stripped key, a form it must have, the most frequent form (or null: not checked)]. */
const WORDS: Record<LanguageCode, Array<[string, string, string | null]>> = {
  lt: [['zmones', 'žmonės', 'žmonės'], ['cia', 'čia', 'čia'], ['siandien', 'šiandien', 'šiandien'], ['grazus', 'gražūs', null]],
  lv: [['ari', 'arī', 'arī'], ['latviesu', 'latviešu', 'latviešu'], ['udens', 'ūdens', 'ūdens']],
  cs: [['ctyrmesicni', 'čtyřměsíční', null], ['prilis', 'příliš', 'příliš'], ['zlutoucky', 'žluťoučký', null],
    ['kun', 'kůň', 'kůň']],
  sk: [['dakujem', 'ďakujem', 'ďakujem'], ['stastie', 'šťastie', 'šťastie'], ['slovensky', 'slovenský', null]],
  pl: [['sie', 'się', 'się'], ['zolw', 'żółw', 'żółw'], ['zrodlo', 'źródło', 'źródło'], ['lodz', 'łódź', null]],
  hr: [['zivot', 'život', 'život'], ['sto', 'što', 'što'], ['cesto', 'često', 'često']],
  ro: [['si', 'și', 'și'], ['tara', 'țară', null], ['inca', 'încă', 'încă']],
  hu: [['koszonom', 'köszönöm', 'köszönöm'], ['tobb', 'több', 'több'], ['ut', 'út', null]],
  fr: [['ete', 'été', 'été'], ['francais', 'français', 'français'], ['deja', 'déjà', 'déjà']],
  es: [['nino', 'niño', 'niño'], ['tambien', 'también', 'también'], ['ano', 'año', 'año']],
  ga: [['ta', 'tá', 'tá'], ['failte', 'fáilte', 'fáilte'], ['eireann', 'éireann', 'éireann']],
  tr: [['isik', 'ışık', 'ışık'], ['turkce', 'türkçe', 'türkçe'], ['cok', 'çok', 'çok']],
  vi: [['viet', 'việt', 'việt'], ['nguoi', 'người', 'người'], ['duoc', 'được', 'được']],
  de: [['mochte', 'möchte', 'möchte'], ['uber', 'über', 'über'], ['strasse', 'strasse', null]],
  pt: [['nao', 'não', 'não'], ['voce', 'você', 'você'], ['tambem', 'também', 'também']],
  it: [['perche', 'perché', 'perché'], ['citta', 'città', 'città'], ['piu', 'più', 'più']],
  sl: [['cas', 'čas', 'čas'], ['zivljenje', 'življenje', 'življenje'], ['se', 'še', null]],
  et: [['tanan', 'tänan', 'tänan'], ['uks', 'üks', 'üks'], ['oo', 'öö', 'öö']],
  is: [['eg', 'ég', 'ég'], ['godur', 'góður', 'góður'], ['island', 'ísland', null]],
  en: [['the', 'the', 'the'], ['would', 'would', 'would'], ['cafe', 'café', null]],
};

/** Typos and the form near() must offer for them within 2 edits. */
const TYPOS: Partial<Record<LanguageCode, Array<[string, string]>>> = {
  en: [['woudl', 'would'], ['cofee', 'coffee'], ['pleese', 'please'], ['teh', 'the'], ['wheather', 'weather']],
  lt: [['zmonse', 'žmonės'], ['labia', 'labai']],
  cs: [['prilsi', 'příliš']],
  de: [['mochet', 'möchte']],
};

/** One language's file, read once: its lexicon (as readLexicon makes it) and its automaton's header. */
const files = new Map<LanguageCode, Promise<{ lexicon: Lexicon; header: AutomatonHeader }>>();
function file(lang: LanguageCode) {
  if (!files.has(lang)) {
    files.set(lang, (async () => {
      await readLexicon(DIR, lang); // the reader the engine uses: throws a LexiconError for a bad file
      const bytes = await promisify(brotliDecompress)(await readFile(lexiconPath(DIR, lang)));
      return { lexicon: parseLexicon(bytes, lang), header: new WordAutomaton(bytes).header };
    })());
  }
  return files.get(lang)!;
}
const load = async (lang: LanguageCode) => (await file(lang)).lexicon;

describe.each(LANGUAGES.map((lang) => [lang]))('shipped lexicon %s', (lang) => {
  it('loads, names its language and holds a complete word list', async () => {
    const { lexicon, header } = await file(lang);
    expect(lexicon.lang).toBe(lang);
    expect(header.info?.lang).toBe(lang);
    expect(lexicon.size).toBeGreaterThan(10_000);
    expect(header.attested).toBeGreaterThan(1_000);
  });

  it('reaches every form through variants(): each letter strips to one key letter', async () => {
    const alphabet = [...(await file(lang)).header.alphabet];
    expect(alphabet.filter((letter) => [...lexiconKey(letter, lang)].length !== 1)).toEqual([]);
    // lowercase only: the lexicon stores lowercase forms and decoding looks them up lowercased
    expect(alphabet.filter((letter) => letter !== letter.toLowerCase() && !(lang === 'tr' && letter === 'İ'))).toEqual([]);
  });

  it.each(WORDS[lang])('variants(%j) has %j; the most frequent is %j', async (key, form, best) => {
    const lexicon = await load(lang);
    const forms = lexicon.variants(key);
    expect(forms.map((f) => f.form)).toContain(form);
    expect(lexicon.has(form)).toBe(true);
    if (best !== null) expect(lexicon.best(key)).toBe(best);
    // attested forms by count, most frequent first, then the dictionary-only ones
    for (let i = 1; i < forms.length; i++) expect(forms[i]!.count).toBeLessThanOrEqual(forms[i - 1]!.count);
    for (const f of forms) expect(lexiconKey(f.form, lang)).toBe(key);
  });

  it.each(TYPOS[lang] ?? [])('near(%j, 2) offers %j', async (typo, form) => {
    const lexicon = await load(lang);
    expect(lexicon.near(typo, 2).map((f) => f.form)).toContain(form);
  });
});

describe('misspellings', () => {
  it('cs: čtyřměsíční is a candidate of ctyrmesicni (dictionary-cs also lists čtyrměsíční, 31 such čtyr- entries, so both are offered unranked and the model and context choose)', async () => {
    const cs = await load('cs');
    const forms = cs.variants('ctyrmesicni');
    expect(forms.map((f) => f.form)).toContain('čtyřměsíční');
    expect(forms.every((f) => f.count === 0)).toBe(true);
  });
});
