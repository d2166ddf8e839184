/**
 * Lexicon benchmark (issue 10's budgets): per language, the time and the extra RSS to load its complete lexicon,
 * and the p50 of variants(key) and near(word, 2) on words of ../shared/benchmarks/ud (stripped, and with keyboard
 * typos for near). Each language is loaded in a fresh child-free measurement: the RSS delta is taken after a GC
 * when Node runs with --expose-gc, so it is the lexicon's own memory, not garbage.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { lexiconPath, readLexicon } from '../electron/engine/lexicon/lexicon.ts';
import { lexiconKey } from '../electron/engine/lexicon/word-rules.ts';
import { addTypos, stripDiacritics } from '../electron/engine/noise/index.ts';
import type { LanguageCode } from '../electron/shared/types.ts';

const UD = fileURLToPath(new URL('../../shared/benchmarks/ud/', import.meta.url));
export const LEXICON_DIR = fileURLToPath(new URL('../models/lexicon/', import.meta.url));

/** Figures of one language. */
export interface LexiconFigures {
  lang: LanguageCode;
  file_mb: number;
  forms: number;
  load_ms: number;
  load_rss_mb: number;
  variants_p50_us: number;
  near_p50_ms: number;
  near_p95_ms: number;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** Words (letter runs) of the first `limit` lines of a UD file. */
function udWords(lang: LanguageCode, limit: number): string[] {
  let text: string;
  try {
    text = readFileSync(`${UD}${lang}.txt`, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').slice(0, limit).flatMap((l) => l.match(/\p{L}+/gu) ?? []);
}

/** Measures one language (`words` UD sentences' words; `nearWords` of them, typo'd, for near()). */
export async function measureLexicon(lang: LanguageCode, dir = LEXICON_DIR, nearWords = 200): Promise<LexiconFigures> {
  gc?.();
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const lexicon = await readLexicon(dir, lang);
  const load_ms = performance.now() - t0;
  gc?.();
  const load_rss_mb = (process.memoryUsage().rss - rss0) / 2 ** 20;
  const words = udWords(lang, 300);
  const keys = words.map((w) => lexiconKey(stripDiacritics(w, lang), lang));
  const variantTimes: number[] = [];
  for (const key of keys) {
    const t = performance.now();
    lexicon.variants(key);
    variantTimes.push((performance.now() - t) * 1000);
  }
  const typos = words.filter((w) => w.length >= 4).slice(0, nearWords)
    .map((w, i) => addTypos(stripDiacritics(w.toLowerCase(), lang), lang, 0.15, i + 1));
  for (const w of typos.slice(0, 20)) lexicon.near(w, 2); // warm the JIT
  const nearTimes: number[] = [];
  for (const w of typos) {
    const t = performance.now();
    lexicon.near(w, 2);
    nearTimes.push(performance.now() - t);
  }
  return { lang, file_mb: statSync(lexiconPath(dir, lang)).size / 1e6, forms: lexicon.size, load_ms, load_rss_mb,
    variants_p50_us: quantile(variantTimes, 0.5), near_p50_ms: quantile(nearTimes, 0.5),
    near_p95_ms: quantile(nearTimes, 0.95) };
}

/** Markdown table of the figures. */
export function lexiconTable(rows: LexiconFigures[]): string {
  const f = (x: number, d = 1) => x.toFixed(d);
  const total = rows.reduce((s, r) => s + r.file_mb, 0);
  return ['| lang | file (MB) | forms | load (ms) | load RSS (MB) | variants p50 (µs) | near(w, 2) p50 / p95 (ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.lang} | ${f(r.file_mb, 2)} | ${r.forms.toLocaleString('en')} | ${f(r.load_ms)} | ` +
      `${f(r.load_rss_mb)} | ${f(r.variants_p50_us)} | ${f(r.near_p50_ms, 2)} / ${f(r.near_p95_ms, 2)} |`),
    `| all | ${f(total, 2)} | | | | | |`].join('\n');
}
