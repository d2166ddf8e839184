/**
 * A better draft than the raw input: the input with every word replaced by its most frequent spelling
 * with diacritics (models/lexicon/<lang>.tsv.gz), so the decoder's verify passes accept whole words such as
 * "že" instead of stopping at every restored letter. Only speed depends on it: the output is the model's
 * argmax whatever the draft, so a missing or wrong lexicon costs passes, never correctness.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { LanguageCode } from '../shared/types.ts';

const gunzipAsync = promisify(gunzip);

const encoder = new TextEncoder();

/** FNV-1a of bytes [start, end) with a final mix, since the table uses the low bits; never 0 (a free slot). */
function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let k = start; k < end; k++) h = Math.imul(h ^ bytes[k]!, 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0 || 1;
}

/**
 * A lexicon kept as its UTF-8 bytes plus an open-addressing table of (hash, line start) in typed arrays:
 * about 6 MB per language where a Map of strings took about 34 MB (the bench's peak RSS is bounded by this),
 * and nothing on the JS heap for the garbage collector to walk. On a hash collision the more frequent key
 * (earlier line) wins; the other simply gets no guess.
 */
export class LexiconTable {
  private readonly hashes: Uint32Array;
  private readonly starts: Uint32Array;
  private readonly mask: number;
  private count = 0;

  /** Indexes lines `stripped_lowercase<TAB>best_form<TAB>count`, keeping keys whose best form differs. */
  constructor(private readonly bytes: Uint8Array) {
    let keys = 0;
    this.forEachKey(() => keys++); // a first pass sizes the table
    // A load factor of at most 2/3 keeps linear probing short; a slot costs 8 bytes.
    let size = 8;
    while (size * 2 < keys * 3) size *= 2;
    this.hashes = new Uint32Array(size);
    this.starts = new Uint32Array(size);
    this.mask = size - 1;
    this.forEachKey((start, keyEnd) => {
      const h = hashBytes(bytes, start, keyEnd);
      const slot = this.slot(h);
      if (this.hashes[slot] !== 0) return;
      this.hashes[slot] = h;
      this.starts[slot] = start;
      this.count++;
    });
  }

  /** Calls `visit` with the key of every line whose best form differs from its key, in file order. */
  private forEachKey(visit: (start: number, keyEnd: number) => void): void {
    const bytes = this.bytes;
    let at = 0;
    while (at < bytes.length) {
      let end = bytes.indexOf(10, at);
      if (end < 0) end = bytes.length;
      const tab = bytes.indexOf(9, at);
      if (tab > at && tab < end && !this.same(at, tab, tab + 1, this.fieldEnd(tab + 1, end))) visit(at, tab);
      at = end + 1;
    }
  }

  /** The slot of hash `h`, or the free slot where it belongs. */
  private slot(h: number): number {
    let i = h & this.mask;
    while (this.hashes[i] !== 0 && this.hashes[i] !== h) i = (i + 1) & this.mask;
    return i;
  }

  private fieldEnd(from: number, lineEnd: number): number {
    const tab = this.bytes.indexOf(9, from);
    return tab >= 0 && tab < lineEnd ? tab : lineEnd;
  }

  private same(a: number, aEnd: number, b: number, bEnd: number): boolean {
    if (aEnd - a !== bEnd - b) return false;
    for (let k = 0; k < aEnd - a; k++) if (this.bytes[a + k] !== this.bytes[b + k]) return false;
    return true;
  }

  /** The most frequent form of a stripped lower-case word, when it differs from the word. */
  get(key: string): string | undefined {
    const k = encoder.encode(key);
    const slot = this.slot(hashBytes(k, 0, k.length));
    if (this.hashes[slot] === 0) return undefined;
    const start = this.starts[slot]!;
    const tab = this.bytes.indexOf(9, start);
    if (tab - start !== k.length) return undefined;
    for (let i = 0; i < k.length; i++) if (this.bytes[start + i] !== k[i]) return undefined;
    let lineEnd = this.bytes.indexOf(10, tab);
    if (lineEnd < 0) lineEnd = this.bytes.length;
    return decoder.decode(this.bytes.subarray(tab + 1, this.fieldEnd(tab + 1, lineEnd)));
  }

  /** Number of indexed keys. */
  get size(): number {
    return this.count;
  }
}

const decoder = new TextDecoder();

/** Parses a lexicon (its text or UTF-8 bytes). */
export function parseLexicon(source: string | Uint8Array): LexiconTable {
  return new LexiconTable(typeof source === 'string' ? encoder.encode(source) : source);
}

/** `best` in the case pattern of `word` (Word, WORD or word). */
function withCase(word: string, best: string): string {
  if (word.length > 1 && word === word.toUpperCase()) return best.toUpperCase();
  const first = word[0]!;
  if (first !== first.toLowerCase()) return best[0]!.toUpperCase() + best.slice(1);
  return best;
}

/** Restores words from a lexicon (pure, for tests). */
export function restoreWords(text: string, lexicon: { get(key: string): string | undefined }): string {
  return text.replace(/\p{L}+/gu, (word) => {
    const best = lexicon.get(word.toLowerCase());
    return best === undefined ? word : withCase(word, best);
  });
}

/** Lazily loaded lexicons of the few languages in use (each is ~6 MB in memory). */
export class DraftLexicons {
  private readonly loaded = new Map<LanguageCode, LexiconTable | null>();
  private readonly loading = new Map<LanguageCode, Promise<void>>();

  constructor(private readonly dir: string | null, private readonly keep = 3) {}

  /** The draft for `text`, or null while the language's lexicon is not loaded (loading starts then). */
  guess(text: string, lang: LanguageCode): string | null {
    const lexicon = this.touch(lang);
    if (lexicon === undefined) {
      void this.load(lang);
      return null;
    }
    return lexicon ? restoreWords(text, lexicon) : null;
  }

  /** One language's table, loaded on first use (null when the language has none). */
  async table(lang: LanguageCode): Promise<LexiconTable | null> {
    await this.load(lang);
    return this.touch(lang) ?? null;
  }

  /** A loaded language's table, marked as the most recently used (undefined when not loaded). */
  private touch(lang: LanguageCode): LexiconTable | null | undefined {
    const lexicon = this.loaded.get(lang);
    if (lexicon !== undefined) {
      this.loaded.delete(lang); // re-insert: Map order is recency
      this.loaded.set(lang, lexicon);
    }
    return lexicon;
  }

  /** Loads one language's lexicon (a missing file just means no lexicon drafts for it). */
  load(lang: LanguageCode): Promise<void> {
    if (!this.dir || this.loaded.has(lang)) return Promise.resolve();
    let pending = this.loading.get(lang);
    if (!pending) {
      pending = (async () => {
        let map: LexiconTable | null = null;
        try {
          map = parseLexicon(await gunzipAsync(await readFile(join(this.dir!, `${lang}.tsv.gz`))));
        } catch {
          map = null;
        }
        this.loaded.set(lang, map);
        this.loading.delete(lang);
        while (this.loaded.size > this.keep) this.loaded.delete(this.loaded.keys().next().value!);
      })();
      this.loading.set(lang, pending);
    }
    return pending;
  }
}
