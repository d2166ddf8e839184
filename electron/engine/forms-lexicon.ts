/**
 * Candidate lexicons for lexicon-aware decoding: models/lexicon/<lang>.forms.tsv.br (written by
 * models/training/corpus/forms.py). Each line holds every attested lowercase form of one stripped key, most
 * frequent first, as `form[<TAB>count]...` (a missing count is 1; a field of digits is the count of the form
 * before it). The key is not stored: it is the stripped, lowercased form, computed here with the same
 * stripDiacritics the Python builder uses.
 */
import { Buffer } from 'node:buffer';
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

/** Lowercase with the Turkish/Azeri dotted and dotless i (as lexicon.py's lower()). */
export function lowerFor(text: string, lang: LanguageCode): string {
  return lang === 'tr' ? text.replace(/İ/g, 'i').replace(/I/g, 'ı').toLowerCase() : text.toLowerCase();
}

/** Uppercase with the Turkish dotted and dotless i. */
export function upperFor(text: string, lang: string): string {
  return lang === 'tr' ? text.toLocaleUpperCase('tr') : text.toUpperCase();
}

/** The lexicon key of a word: lowercased, stripped, lowercased again (ı and İ strip to i and I). */
export function lexiconKey(word: string, lang: LanguageCode): string {
  return lowerFor(stripDiacritics(lowerFor(word, lang), lang), lang);
}

const DIGITS = /^[0-9]+$/;

/** The forms of one line in file order (NFC; a missing count is 1). */
function lineForms(line: string): FormCount[] {
  const forms: FormCount[] = [];
  for (const field of line.split('\t')) {
    if (DIGITS.test(field)) {
      if (forms.length > 0) forms[forms.length - 1]!.count = Number(field);
    } else if (field !== '') {
      forms.push({ form: field.normalize('NFC'), count: 1 });
    }
  }
  return forms;
}

/** The key every form of `forms` strips to, or null when there is no form or they disagree (a corrupt line). */
function commonKey(forms: FormCount[], lang: LanguageCode): string | null {
  if (forms.length === 0) return null;
  const key = lexiconKey(forms[0]!.form, lang);
  return forms.every((f, i) => i === 0 || lexiconKey(f.form, lang) === key) ? key : null;
}

/**
 * Hash of a lexicon key: FNV-1a over UTF-16 code units with a final mix, since the table uses the low bits;
 * never 0, which marks a free slot. Exported so that tests can build keys that collide.
 */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0 || 1;
}

/**
 * One language's forms lexicon: stripped lowercase key -> its forms, most frequent first. A Map of strings
 * and objects took 50-75 MB per language (the bench's peak RSS was bounded by it); this keeps the file's
 * UTF-8 bytes plus an open-addressing table of (key hash, line start) in two typed arrays, 5-8 MB, and
 * parses a line's forms only when it is looked up. Lines are validated once, when the table is built, so
 * that corrupt lines are never indexed; a lookup compares the found line's key with the asked one, so hash
 * collisions (the shipped files have some) cannot return another key's forms. As with a Map, a key listed
 * twice takes its last line.
 */
export class FormsLexicon implements Iterable<[string, FormCount[]]> {
  private readonly bytes: Buffer;
  private readonly hashes: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly mask: number;
  private count = 0;

  /** Indexes the lines of a forms file (its UTF-8 bytes, kept without a copy: do not change them afterwards). */
  constructor(bytes: Uint8Array, private readonly lang: LanguageCode) {
    this.bytes = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let lines = 1;
    for (let at = this.bytes.indexOf(10); at >= 0; at = this.bytes.indexOf(10, at + 1)) lines++;
    // A load factor of at most 2/3 keeps linear probing short; a slot costs 8 bytes.
    let size = 8;
    while (size * 2 < lines * 3) size *= 2;
    this.hashes = new Uint32Array(size);
    this.starts = new Uint32Array(size);
    this.mask = size - 1;
    for (let at = 0; at < this.bytes.length;) {
      const end = this.lineEnd(at);
      const key = end > at ? commonKey(lineForms(this.line(at, end)), lang) : null;
      if (key !== null) {
        const h = hashKey(key);
        const slot = this.slot(key, h);
        if (this.hashes[slot] === 0) this.count++;
        this.hashes[slot] = h;
        this.starts[slot] = at;
      }
      at = end + 1;
    }
  }

  private lineEnd(start: number): number {
    const end = this.bytes.indexOf(10, start);
    return end < 0 ? this.bytes.length : end;
  }

  private line(start: number, end = this.lineEnd(start)): string {
    return this.bytes.toString('utf8', start, end);
  }

  /** The slot that holds `key`, or the free slot where it belongs. */
  private slot(key: string, h: number): number {
    let i = h & this.mask;
    // An indexed line is valid, so the key of its first form is the line's key.
    while (this.hashes[i] !== 0) {
      if (this.hashes[i] === h && lexiconKey(lineForms(this.line(this.starts[i]!))[0]!.form, this.lang) === key) {
        return i;
      }
      i = (i + 1) & this.mask;
    }
    return i;
  }

  /** The forms of a stripped lowercase key (see lexiconKey), most frequent first; a fresh array on every call. */
  get(key: string): FormCount[] | undefined {
    const slot = this.slot(key, hashKey(key));
    if (this.hashes[slot] === 0) return undefined;
    return lineForms(this.line(this.starts[slot]!)).sort((a, b) => b.count - a.count);
  }

  /** Whether the lexicon lists `key`. */
  has(key: string): boolean {
    return this.hashes[this.slot(key, hashKey(key))] !== 0;
  }

  /** Number of keys. */
  get size(): number {
    return this.count;
  }

  /** Every key with its forms, in the order of the file (slow: it parses every line; for tests and tools). */
  *entries(): IterableIterator<[string, FormCount[]]> {
    const seen = new Set<string>();
    for (let at = 0; at < this.bytes.length;) {
      const end = this.lineEnd(at);
      const key = end > at ? commonKey(lineForms(this.line(at, end)), this.lang) : null;
      if (key !== null && !seen.has(key)) {
        seen.add(key);
        yield [key, this.get(key)!];
      }
      at = end + 1;
    }
  }

  /** Every key, in the order of the file. */
  *keys(): IterableIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  /** The forms of every key, in the order of the file. */
  *values(): IterableIterator<FormCount[]> {
    for (const [, forms] of this.entries()) yield forms;
  }

  [Symbol.iterator](): IterableIterator<[string, FormCount[]]> {
    return this.entries();
  }
}

/** Parses a forms file (its text or UTF-8 bytes). Lines whose forms do not share one key are skipped (corrupt). */
export function parseFormsLexicon(source: string | Uint8Array, lang: LanguageCode): FormsLexicon {
  return new FormsLexicon(typeof source === 'string' ? Buffer.from(source, 'utf8') : source, lang);
}

/** Path of the forms lexicon of `lang` in `dir`. */
export function formsLexiconPath(dir: string, lang: LanguageCode): string {
  return join(dir, `${lang}.forms.tsv.br`);
}

/** Reads and parses one language's forms lexicon; rejects when the file is missing or unreadable. */
export async function readFormsLexicon(dir: string, lang: LanguageCode): Promise<FormsLexicon> {
  return parseFormsLexicon(await brotliDecompressAsync(await readFile(formsLexiconPath(dir, lang))), lang);
}

/**
 * Lazily loaded forms lexicons of the few languages in use: the most recently used `keep` stay loaded (5-8 MB
 * each), so going through every language does not add up.
 */
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
