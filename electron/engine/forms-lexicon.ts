/**
 * Candidate lexicons for lexicon-aware decoding: models/lexicon/<lang>.forms.tsv.br (written by
 * models/training/corpus/forms.py). Each line holds every attested lowercase form of one stripped key, most
 * frequent first, as `form[<TAB>count]...` (a missing count is 1; a field of digits is the count of the form
 * before it). The key is not stored: it is the stripped, lowercased form, computed here with the same
 * stripDiacritics the Python builder uses.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliDecompress } from 'node:zlib';
import type { LanguageCode } from '../shared/types.ts';
import { stripDiacritics } from './noise/index.ts';

const brotliDecompressAsync = promisify(brotliDecompress);

/** One written form of a key and how often it was seen. */
export interface FormCount {
  form: string;
  count: number;
}

/** Stripped lowercase key -> its forms, most frequent first. */
export type FormsLexicon = Map<string, FormCount[]>;

/** Lowercase with the Turkish/Azeri dotted and dotless i (as lexicon.py's lower()). */
export function lowerFor(text: string, lang: LanguageCode): string {
  return lang === 'tr' ? text.replace(/İ/g, 'i').replace(/I/g, 'ı').toLowerCase() : text.toLowerCase();
}

/** Uppercase with the Turkish dotted and dotless i. */
export function upperFor(text: string, lang: LanguageCode): string {
  return lang === 'tr' ? text.toLocaleUpperCase('tr') : text.toUpperCase();
}

/** The lexicon key of a word: lowercased, stripped, lowercased again (ı and İ strip to i and I). */
export function lexiconKey(word: string, lang: LanguageCode): string {
  return lowerFor(stripDiacritics(lowerFor(word, lang), lang), lang);
}

const DIGITS = /^[0-9]+$/;

/** Parses the text of a forms file. Lines whose forms do not share one key are skipped (a corrupt line). */
export function parseFormsLexicon(text: string, lang: LanguageCode): FormsLexicon {
  const lexicon: FormsLexicon = new Map();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const forms: FormCount[] = [];
    for (const field of line.split('\t')) {
      if (DIGITS.test(field)) {
        if (forms.length > 0) forms[forms.length - 1]!.count = Number(field);
      } else if (field !== '') {
        forms.push({ form: field.normalize('NFC'), count: 1 });
      }
    }
    if (forms.length === 0) continue;
    const key = lexiconKey(forms[0]!.form, lang);
    if (forms.some((f) => lexiconKey(f.form, lang) !== key)) continue;
    forms.sort((a, b) => b.count - a.count);
    lexicon.set(key, forms);
  }
  return lexicon;
}

/** Path of the forms lexicon of `lang` in `dir`. */
export function formsLexiconPath(dir: string, lang: LanguageCode): string {
  return join(dir, `${lang}.forms.tsv.br`);
}

/** Reads and parses one language's forms lexicon; rejects when the file is missing or unreadable. */
export async function readFormsLexicon(dir: string, lang: LanguageCode): Promise<FormsLexicon> {
  const bytes = await brotliDecompressAsync(await readFile(formsLexiconPath(dir, lang)));
  return parseFormsLexicon(bytes.toString('utf8'), lang);
}

/** Lazily loaded forms lexicons of the few languages in use (the most recently used `keep` stay loaded). */
export class FormsLexicons {
  private readonly loaded = new Map<LanguageCode, FormsLexicon | null>();
  private readonly loading = new Map<LanguageCode, Promise<FormsLexicon | null>>();

  constructor(private readonly dir: string | null, private readonly keep = 3) {}

  /** The lexicon of `lang`, or null when there is none (no folder, or no file for the language). */
  async get(lang: LanguageCode): Promise<FormsLexicon | null> {
    const ready = this.loaded.get(lang);
    if (ready !== undefined) {
      this.loaded.delete(lang); // re-insert: Map order is recency
      this.loaded.set(lang, ready);
      return ready;
    }
    if (!this.dir) return null;
    let pending = this.loading.get(lang);
    if (!pending) {
      pending = readFormsLexicon(this.dir, lang).catch(() => null).then((lexicon) => {
        this.loaded.set(lang, lexicon);
        this.loading.delete(lang);
        while (this.loaded.size > this.keep) this.loaded.delete(this.loaded.keys().next().value!);
        return lexicon;
      });
      this.loading.set(lang, pending);
    }
    return pending;
  }
}
