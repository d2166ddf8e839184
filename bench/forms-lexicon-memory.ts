/**
 * Memory of the candidate lexicons (models/lexicon/<lang>.forms.tsv.br): loads a few languages one at a
 * time, keeping every one loaded, and prints what each adds to the heap and to RSS and how long it took.
 *
 *   node --expose-gc --import tsx bench/forms-lexicon-memory.ts [lang ...]
 *
 * Without --expose-gc the figures include garbage of the parse and mean little.
 */
import { fileURLToPath } from 'node:url';
import { readFormsLexicon } from '../electron/engine/forms-lexicon.ts';
import type { LanguageCode } from '../electron/shared/types.ts';

const DIR = fileURLToPath(new URL('../models/lexicon', import.meta.url));
const DEFAULT_LANGS = ['cs', 'pl', 'hu', 'fr', 'vi', 'lt'];
const langs = (process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_LANGS) as LanguageCode[];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) console.error('warning: run with node --expose-gc for meaningful figures');

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1).padStart(7);

/** Heap (JS objects and strings) plus memory outside it (Buffers): what a loaded lexicon really holds. */
function retained(): { heap: number; external: number; rss: number } {
  gc?.();
  gc?.(); // a second pass frees what the first one only finalised
  const m = process.memoryUsage();
  return { heap: m.heapUsed, external: m.external, rss: m.rss };
}

const kept: unknown[] = []; // every lexicon stays reachable, so each row shows what it adds
const base = retained();
console.log(`lang   load ms  keys      +heap MB  +external MB  heap MB  rss MB  max rss MB`);
let before = base;
for (const lang of langs) {
  const start = performance.now();
  const lexicon = await readFormsLexicon(DIR, lang);
  const ms = performance.now() - start;
  kept.push(lexicon);
  const now = retained();
  console.log(`${lang.padEnd(5)} ${ms.toFixed(0).padStart(8)}  ${String(lexicon.size).padEnd(8)} ` +
    `${mb(now.heap - before.heap)}   ${mb(now.external - before.external)}     ${mb(now.heap)} ${mb(now.rss)} ` +
    `${mb(process.resourceUsage().maxRSS * 1024)}`);
  before = now;
}
const end = retained();
console.log(`total ${langs.length} languages: +heap ${mb(end.heap - base.heap).trim()} MB, +external ` +
  `${mb(end.external - base.external).trim()} MB, rss ${mb(end.rss).trim()} MB, max rss ` +
  `${mb(process.resourceUsage().maxRSS * 1024).trim()} MB (${kept.length} kept)`);
