/**
 * What the per-language data files of the engine (the lexicons, the word language models) share: reading a brotli
 * file with each failure named, and keeping the few languages in use loaded.
 */
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliDecompress } from 'node:zlib';
import type { LanguageCode } from '../../shared/types.ts';

const brotliDecompressAsync = promisify(brotliDecompress);

/**
 * Reads the brotli file at `path` and parses its bytes; every failure becomes `fail(reason)` with the reason
 * worded for a person ("is missing", "is damaged (...)").
 */
export async function readBrotliFile<T>(path: string, parse: (bytes: Buffer) => T, fail: (reason: string) => Error):
  Promise<T> {
  let packed: Buffer;
  try {
    packed = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(code === 'ENOENT' ? 'is missing' : `cannot be read (${code ?? error})`);
  }
  let bytes: Buffer;
  try {
    // 1 MiB output chunks: the default 16 KiB makes a thread-pool round trip per chunk (an LM loaded 1.6x slower)
    bytes = await brotliDecompressAsync(packed, { chunkSize: 1 << 20 });
  } catch {
    throw fail('is damaged (not brotli data, or truncated)');
  }
  try {
    return parse(bytes);
  } catch (error) {
    throw fail(`is damaged (${(error as Error).message})`);
  }
}

/**
 * The values of the few languages in use, each loaded on first use, one load at a time per language; the `keep`
 * most recently used stay. A failed load is not kept, so the next request loads again.
 */
export class RecentLanguages<T> {
  private readonly loaded = new Map<LanguageCode, T>();
  private readonly loading = new Map<LanguageCode, Promise<T>>();

  constructor(private readonly load: (lang: LanguageCode) => Promise<T>, private readonly keep: number) {}

  get(lang: LanguageCode): Promise<T> {
    if (this.loaded.has(lang)) {
      const ready = this.loaded.get(lang)!;
      this.loaded.delete(lang); // re-insert: Map order is recency
      this.loaded.set(lang, ready);
      return Promise.resolve(ready);
    }
    let pending = this.loading.get(lang);
    if (!pending) {
      pending = this.load(lang).finally(() => this.loading.delete(lang)).then((value) => {
        this.loaded.set(lang, value);
        while (this.loaded.size > this.keep) this.loaded.delete(this.loaded.keys().next().value!);
        return value;
      });
      this.loading.set(lang, pending);
    }
    return pending;
  }
}
