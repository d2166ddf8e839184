/**
 * English words mixed into a sentence of another language ("Ten deadline je dulezity."): the share the product keeps
 * as written. The words are the most frequent English ones of at least five letters (../shared/wordfreq/en.tsv, ranks
 * --from to --from + --count among those) that the language's lexicon lacks, each alone in one sentence frame of its
 * language, diacritics stripped as users type:
 *   npx tsx bench/lexicon-decoding/mixed-english.ts [--langs cs,lt] [--from 0] [--count 2000]
 * Prints a markdown table: words tried, words kept, share kept, and a few of the changes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCorrector } from '../../electron/engine/index.ts';
import { readLexicon } from '../../electron/engine/lexicon/lexicon.ts';
import { stripDiacritics } from '../../electron/engine/noise/index.ts';
import type { LanguageCode } from '../../electron/shared/types.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** "This X is very important." in each language: the text before and after the English word. */
const FRAMES: Readonly<Partial<Record<LanguageCode, readonly [string, string]>>> = {
  lt: ['Tas', 'yra labai svarbus.'], lv: ['Tas', 'ir ļoti svarīgs.'], cs: ['Ten', 'je velmi důležitý.'],
  sk: ['Ten', 'je veľmi dôležitý.'], pl: ['Ten', 'jest bardzo ważny.'], hr: ['Taj', 'je vrlo važan.'],
  ro: ['Acest', 'este foarte important.'], hu: ['Ez a', 'nagyon fontos.'], fr: ['Ce', 'est très important.'],
  es: ['Este', 'es muy importante.'], ga: ['Tá an', 'an-tábhachtach.'], tr: ['Bu', 'çok önemli.'],
  vi: ['Cái', 'này rất quan trọng.'], de: ['Dieses', 'ist sehr wichtig.'], pt: ['Este', 'é muito importante.'],
  it: ['Questo', 'è molto importante.'], sl: ['Ta', 'je zelo pomemben.'], et: ['See', 'on väga oluline.'],
  is: ['Þetta', 'er mjög mikilvægt.'],
};

const { values } = parseArgs({ options: {
  langs: { type: 'string', default: Object.keys(FRAMES).join(',') },
  from: { type: 'string', default: '0' },
  count: { type: 'string', default: '2000' },
} });
const from = Number(values.from);
const english = readFileSync(`${REPO}/../shared/wordfreq/en.tsv`, 'utf8').split('\n').map((line) => line.split('\t')[0]!)
  .filter((word) => /^[a-z]{5,}$/.test(word)).slice(from, from + Number(values.count));

const corrector = await createCorrector({});
console.log(`English words of ranks ${from}-${from + english.length} (5+ letters) that each language's lexicon lacks, ` +
  'alone in a sentence of the language, diacritics stripped:\n');
console.log('| lang | words | kept | kept % | changed, for example |');
console.log('| --- | ---: | ---: | ---: | --- |');
try {
  for (const lang of values.langs.split(',') as LanguageCode[]) {
    const frame = FRAMES[lang];
    if (!frame) throw new Error(`no sentence frame for ${lang}`);
    const [before, after] = frame.map((part) => stripDiacritics(part, lang));
    const lexicon = await readLexicon(`${REPO}/models/lexicon`, lang);
    const words = english.filter((word) => lexicon.variants(word).length === 0);
    const changed: string[] = [];
    for (const word of words) {
      const out = (await corrector.correct(`${before} ${word} ${after}`, { language: lang })).text;
      const written = out.split(' ')[before!.split(' ').length];
      if (written !== word) changed.push(`${word} -> ${written}`);
    }
    const kept = words.length - changed.length;
    console.log(`| ${lang} | ${words.length} | ${kept} | ${(100 * kept / Math.max(1, words.length)).toFixed(1)} | ` +
      `${changed.slice(0, 4).join(', ')} |`);
  }
} finally {
  await corrector.dispose();
}
