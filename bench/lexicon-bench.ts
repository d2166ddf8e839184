/**
 * Lexicon benchmark (issue 10's budgets): per language, the time and the extra RSS to load its complete lexicon,
 * and the p50 of variants(key) and near(word, 2) on words of ../shared/benchmarks/ud (stripped, and with keyboard
 * typos for near). Languages are loaded one after another; the RSS delta is taken after a GC when Node runs with
 * --expose-gc, so it is the lexicon's own memory, not garbage.
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
  const f = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '—'); // — : no UD file (is)
  const total = rows.reduce((s, r) => s + r.file_mb, 0);
  return ['| lang | file (MB) | forms | load (ms) | load RSS (MB) | variants p50 (µs) | near(w, 2) p50 / p95 (ms) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.lang} | ${f(r.file_mb, 2)} | ${r.forms.toLocaleString('en')} | ${f(r.load_ms)} | ` +
      `${f(r.load_rss_mb)} | ${f(r.variants_p50_us)} | ${f(r.near_p50_ms, 2)} / ${f(r.near_p95_ms, 2)} |`),
    `| all | ${f(total, 2)} | | | | | |`].join('\n');
}

/**
 * `npx tsx bench/lexicon-bench.ts [--report bench/REPORT.md] [lang ...]` (run with `node --expose-gc --import tsx`
 * for exact RSS): measures every language and rewrites the `lexicon-bench` section of the report.
 */
if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--report');
  const reportPath = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const langs = (args.length > 0 ? args : ['lt', 'lv', 'cs', 'sk', 'pl', 'hr', 'ro', 'hu', 'fr', 'es', 'ga', 'tr', 'vi',
    'de', 'pt', 'it', 'sl', 'et', 'is', 'en']) as LanguageCode[];
  const rows: LexiconFigures[] = [];
  for (const lang of langs) {
    rows.push(await measureLexicon(lang));
    console.error(`lexicon-bench: ${JSON.stringify(rows[rows.length - 1])}`);
  }
  const table = lexiconTable(rows);
  console.log(table);
  if (reportPath) {
    const { writeSection } = await import('./report-section.ts');
    const p50 = (xs: number[]) => {
      const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
      return s[Math.floor(s.length / 2)]!;
    };
    writeSection(reportPath, 'lexicon-bench', ['## Complete lexicons (issue 10)', '',
      `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`node --expose-gc --import tsx ` +
      'bench/lexicon-bench.ts --report bench/REPORT.md` on this 2-core machine (other jobs share it). Per language: ' +
      'file size, forms, time and extra RSS (after a GC) to load models/lexicon/<lang>.lex.br, `variants(key)` on ' +
      'the words of the first 300 sentences of ../shared/benchmarks/ud (stripped), `near(word, 2)` on 200 of those ' +
      'words of 4+ letters with keyboard typos (p 0.15 per letter).', '', table, '',
      `Budgets: all files <= 80 MB; load <= 300 ms and <= 80 MB of RSS per language; variants p50 <= 20 µs ` +
      `(median over languages ${p50(rows.map((r) => r.variants_p50_us)).toFixed(1)}); near p50 <= 2 ms ` +
      `(median over languages ${p50(rows.map((r) => r.near_p50_ms)).toFixed(2)}). The load RSS is the change of the ` +
      'whole process\'s RSS after a GC, so it is noisy at this size (a negative figure: memory freed meanwhile).'].join('\n'));
  }
}
