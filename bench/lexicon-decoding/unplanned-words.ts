/**
 * Tokens of a tuning set's stripped text that need a change but hold no word the plan may change (lexicon-plan.ts
 * wordSpans copies them whole): the tokenisation gaps, by shape ("9.a" for "2015.gada"), with a few examples:
 *   npx tsx bench/lexicon-decoding/unplanned-words.ts --set news --langs lv,tr,fr --limit 300
 * --set dev (data/corpus/<lang>.dev.txt), news (data/news-dev), informal (data/informal-dev) or a folder of <lang>.txt.
 * Never run it on ../shared/benchmarks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { wordSpans } from '../../electron/engine/lexicon/lexicon-plan.ts';
import { makeInput } from '../../electron/eval/tasks.ts';
import { tuningSetFile } from './tuning-sets.ts';
import type { LanguageCode } from '../../electron/shared/types.ts';

const { values } = parseArgs({ options: {
  set: { type: 'string', default: 'news' },
  langs: { type: 'string', default: 'cs,de,es,et,fr,hr,hu,is,it,lt,lv,pl,tr' },
  limit: { type: 'string', default: '300' },
  examples: { type: 'string', default: '8' },
} });
const file = (lang: string) => tuningSetFile(values.set, lang);

for (const lang of values.langs.split(',') as LanguageCode[]) {
  if (!existsSync(file(lang))) continue;
  const lines = readFileSync(file(lang), 'utf8').split('\n').filter(Boolean).slice(0, Number(values.limit));
  let changed = 0;
  const unplanned = new Map<string, string[]>();
  lines.forEach((gold, index) => {
    const input = makeInput('diacritics', gold, lang, index);
    const spans = wordSpans(input);
    for (const token of input.matchAll(/\S+/gu)) {
      const [start, end] = [token.index, token.index + token[0].length];
      // Stripping keeps every character's place, so the gold token is at the same offsets.
      if (gold.slice(start, end) === token[0]) continue;
      changed++;
      if (spans.some((s) => s.start >= start && s.end <= end && gold.slice(s.start, s.end) !== s.text)) continue;
      const shape = token[0].replace(/\p{L}+/gu, 'a').replace(/\d+/gu, '9');
      unplanned.set(shape, [...(unplanned.get(shape) ?? []), token[0]]);
    }
  });
  const count = [...unplanned.values()].reduce((n, list) => n + list.length, 0);
  console.log(`${lang} ${values.set}: ${changed} tokens to change, ${count} unplanned`);
  for (const [shape, list] of [...unplanned].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`  ${shape} ${list.length}: ${list.slice(0, Number(values.examples)).join(' ')}`);
  }
}
