/**
 * Accuracy of electron/engine/language/language-id.ts on ../shared/benchmarks/ud (evaluation only), on sentences as
 * written and with diacritics stripped (what users of this app type), and on short prefixes; `dev`: on
 * data/corpus/<lang>.dev.txt instead, the split to tune on. `lexicons`: as the engine detects, the n-grams' likeliest
 * languages re-ranked by their lexicons (electron/engine/language/lexicon-check.ts); `lexicons K W G`: K of them
 * within G nats per n-gram of the best, weight W.
 * Usage: npx tsx bench/language-id/measure.ts [sentencesPerLanguage=300] [ud|dev] [lexicons [K W G]]
 */
import { readFileSync } from 'node:fs';
import { bestLanguage, type Detection, languageScores } from '../../electron/engine/language/language-id.ts';
import { candidateLanguages, detectWithLexicons, LEXICON_CANDIDATES, LEXICON_GAP, LEXICON_WEIGHT }
  from '../../electron/engine/language/lexicon-check.ts';
import { type Lexicon, readLexicon } from '../../electron/engine/lexicon/lexicon.ts';
import { stripDiacritics } from '../../electron/engine/noise/index.ts';
import { sentenceFile, sentenceSet } from './sentence-files.ts';
import { LANGUAGES } from '../../electron/shared/types.ts';

const perLanguage = Number(process.argv[2] ?? 300);
const set = sentenceSet(process.argv[3]);
const withLexicons = process.argv[4] === 'lexicons';
const candidates = Number(process.argv[5] ?? LEXICON_CANDIDATES);
const weight = Number(process.argv[6] ?? LEXICON_WEIGHT);
const gap = Number(process.argv[7] ?? LEXICON_GAP);
const lexicons = new Map<string, Lexicon>();
if (withLexicons) {
  for (const lang of LANGUAGES) lexicons.set(lang, await readLexicon(new URL('../../models/lexicon', import.meta.url).pathname, lang));
}

/** The engine's detection: the n-grams alone, or re-ranked by the lexicons. */
function detect(text: string): Detection {
  const scores = languageScores(text)!;
  if (!withLexicons) return bestLanguage(scores);
  const picked = new Map(candidateLanguages(scores, candidates, gap).map((l) => [l, lexicons.get(l)!] as const));
  return detectWithLexicons(text, scores, picked, weight)!;
}
type Tally = { n: number; ok: number; reliable: number; reliableOk: number };
const empty = (): Tally => ({ n: 0, ok: 0, reliable: 0, reliableOk: 0 });
const rows: Array<{ lang: string; original: Tally; stripped: Tally; short: Tally }> = [];

for (const lang of LANGUAGES) {
  let lines: string[];
  try {
    lines = readFileSync(sentenceFile(set, lang), 'utf8').split('\n').filter((l) => l.length > 0);
  } catch {
    continue;
  }
  const step = Math.max(1, Math.floor(lines.length / perLanguage));
  const row = { lang, original: empty(), stripped: empty(), short: empty() };
  for (let i = 0; i < lines.length && i / step < perLanguage; i += step) {
    const stripped = stripDiacritics(lines[i]!, lang);
    const cases: Array<[Tally, string]> = [[row.original, lines[i]!], [row.stripped, stripped],
      [row.short, stripped.split(' ').slice(0, 5).join(' ')]];
    for (const [tally, text] of cases) {
      const d = detect(text);
      tally.n++;
      if (d.language === lang) tally.ok++;
      if (d.reliable) {
        tally.reliable++;
        if (d.language === lang) tally.reliableOk++;
      }
    }
  }
  rows.push(row);
}

const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}`);
const sum = (key: 'original' | 'stripped' | 'short') => rows.reduce((t, r) => ({
  n: t.n + r[key].n, ok: t.ok + r[key].ok, reliable: t.reliable + r[key].reliable, reliableOk: t.reliableOk + r[key].reliableOk,
}), empty());
console.log('| lang | as written | stripped | stripped, first 5 words | stripped: reliable share / accuracy when reliable |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of [...rows, { lang: '**all**', original: sum('original'), stripped: sum('stripped'), short: sum('short') }]) {
  console.log(`| ${r.lang} | ${pct(r.original.ok, r.original.n)} | ${pct(r.stripped.ok, r.stripped.n)} | ` +
    `${pct(r.short.ok, r.short.n)} | ${pct(r.stripped.reliable, r.stripped.n)} / ${pct(r.stripped.reliableOk, r.stripped.reliable)} |`);
}
