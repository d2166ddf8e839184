/**
 * Trains the character n-gram and word profiles of electron/engine/language/language-id.ts from
 * data/corpus/<lang>.train.txt (never from the benchmarks): each sentence counts as typed and with its diacritics
 * stripped, since users of this app often type without them. Writes electron/engine/language/language-profiles.json.gz.
 *
 * Usage: npx tsx bench/language-id/train.ts [sentencesPerLanguage=4000] [topPerLanguage=3000] [topWordsPerLanguage=0]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { ngramCounts, PROFILE_ORDERS } from '../../electron/engine/language/language-id.ts';
import { stripDiacritics } from '../../electron/engine/noise/index.ts';
import { LANGUAGES } from '../../electron/shared/types.ts';

const perLanguage = Number(process.argv[2] ?? 4000);
const top = Number(process.argv[3] ?? 3000);
const topWords = Number(process.argv[4] ?? 0);
const root = fileURLToPath(new URL('../../', import.meta.url));

const counts = new Map<string, Map<string, number>>();
for (const lang of LANGUAGES) {
  const lines = readFileSync(`${root}data/corpus/${lang}.train.txt`, 'utf8').split('\n').filter((l) => l.length > 20);
  // Spread the sample over the file: the corpus is shuffled, but sources may still cluster.
  const step = Math.max(1, Math.floor(lines.length / perLanguage));
  const total = new Map<string, number>();
  for (let i = 0; i < lines.length && i / step < perLanguage; i += step) {
    for (const form of [lines[i]!, stripDiacritics(lines[i]!, lang)]) {
      for (const [gram, n] of ngramCounts(form)) total.set(gram, (total.get(gram) ?? 0) + n);
    }
  }
  counts.set(lang, total);
  console.error(`${lang}: ${total.size} n-grams`);
}

// Vocabulary: each language's most frequent n-grams, and its most frequent whole words (ngramCounts).
const maxOrder = Math.max(...PROFILE_ORDERS);
const vocab = new Set<string>();
for (const total of counts.values()) {
  const sorted = [...total.entries()].sort((a, b) => b[1] - a[1]);
  sorted.filter(([gram]) => gram.length <= maxOrder).slice(0, top).forEach(([gram]) => vocab.add(gram));
  sorted.filter(([gram]) => gram.length > maxOrder).slice(0, topWords).forEach(([gram]) => vocab.add(gram));
}
const grams = [...vocab].sort();
// Log-probabilities per language over the shared vocabulary (add-half smoothing), quantised to 1/8 nat.
const tables: string[] = [];
for (const lang of LANGUAGES) {
  const total = counts.get(lang)!;
  let sum = 0;
  for (const gram of grams) sum += total.get(gram) ?? 0;
  const q = new Uint8Array(grams.length);
  grams.forEach((gram, i) => {
    const logp = Math.log(((total.get(gram) ?? 0) + 0.5) / (sum + 0.5 * grams.length));
    q[i] = Math.min(255, Math.round(-logp * 8));
  });
  tables.push(Buffer.from(q).toString('base64'));
}
const profile = { orders: PROFILE_ORDERS, languages: LANGUAGES, grams: grams.join('\u0001'), tables };
const out = `${root}electron/engine/language/language-profiles.json.gz`;
writeFileSync(out, gzipSync(JSON.stringify(profile), { level: 9 }));
console.error(`wrote ${out}: ${grams.length} n-grams`);
