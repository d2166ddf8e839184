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

/** Parses lexicon lines `stripped_lowercase<TAB>best_form<TAB>count`, keeping keys whose best form differs. */
export function parseLexicon(text: string): Map<string, string> {
  const map = new Map<string, string>();
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const tab = text.indexOf('\t', at);
    if (tab > at && tab < end) {
      const tab2 = text.indexOf('\t', tab + 1);
      const key = text.slice(at, tab);
      const best = text.slice(tab + 1, tab2 > tab && tab2 < end ? tab2 : end);
      if (best !== key) map.set(key, best);
    }
    at = end + 1;
  }
  return map;
}

/** `best` in the case pattern of `word` (Word, WORD or word). */
function withCase(word: string, best: string): string {
  if (word.length > 1 && word === word.toUpperCase()) return best.toUpperCase();
  const first = word[0]!;
  if (first !== first.toLowerCase()) return best[0]!.toUpperCase() + best.slice(1);
  return best;
}

/** Restores words from a lexicon (pure, for tests). */
export function restoreWords(text: string, lexicon: ReadonlyMap<string, string>): string {
  return text.replace(/\p{L}+/gu, (word) => {
    const best = lexicon.get(word.toLowerCase());
    return best === undefined ? word : withCase(word, best);
  });
}

/** Lazily loaded lexicons of the few languages in use (each is ~10 MB in memory). */
export class DraftLexicons {
  private readonly loaded = new Map<LanguageCode, Map<string, string> | null>();
  private readonly loading = new Map<LanguageCode, Promise<void>>();

  constructor(private readonly dir: string | null, private readonly keep = 3) {}

  /** The draft for `text`, or null while the language's lexicon is not loaded (loading starts then). */
  guess(text: string, lang: LanguageCode): string | null {
    const lexicon = this.loaded.get(lang);
    if (lexicon === undefined) {
      void this.load(lang);
      return null;
    }
    this.loaded.delete(lang); // re-insert: Map order is recency
    this.loaded.set(lang, lexicon);
    return lexicon ? restoreWords(text, lexicon) : null;
  }

  /** Loads one language's lexicon (a missing file just means no lexicon drafts for it). */
  load(lang: LanguageCode): Promise<void> {
    if (!this.dir || this.loaded.has(lang)) return Promise.resolve();
    let pending = this.loading.get(lang);
    if (!pending) {
      pending = (async () => {
        let map: Map<string, string> | null = null;
        try {
          map = parseLexicon((await gunzipAsync(await readFile(join(this.dir!, `${lang}.tsv.gz`)))).toString('utf8'));
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
