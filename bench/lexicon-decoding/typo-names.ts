/**
 * How often the typos task hits a name the text repeats (repeated-names.ts) that the lexicon lacks: the typo'd
 * mentions a "the text's names as candidates" rule could fix. Per language, their count among the words and examples:
 *   npx tsx bench/lexicon-decoding/typo-names.ts --set news --langs hr,et,pl --limit 300
 * The lines are one text, as the eval reads a file. Never run it on ../shared/benchmarks.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Lexicons } from '../../electron/engine/lexicon/lexicon.ts';
import { repeatedNames } from '../../electron/engine/lexicon/repeated-names.ts';
import { lexiconKey } from '../../electron/engine/lexicon/word-rules.ts';
import { makeInput } from '../../electron/eval/tasks.ts';
import { tuningSetFile } from './tuning-sets.ts';
import type { LanguageCode } from '../../electron/shared/types.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: {
  set: { type: 'string', default: 'news' },
  langs: { type: 'string', default: 'cs,de,es,et,fr,hr,hu,it,lt,lv,pl,tr' },
  limit: { type: 'string', default: '300' },
} });
const file = (lang: string) => tuningSetFile(values.set, lang);
const EDGES = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const lexicons = new Lexicons(join(REPO, 'models', 'lexicon'));

for (const lang of values.langs.split(',') as LanguageCode[]) {
  if (!existsSync(file(lang))) continue;
  const lexicon = (await lexicons.get(lang))!;
  const known = (word: string) => lexicon.variants(lexiconKey(word, lang)).length > 0;
  const gold = readFileSync(file(lang), 'utf8').split('\n').filter(Boolean).slice(0, Number(values.limit));
  const input = gold.map((line, index) => makeInput('typos', line, lang, index));
  const names = repeatedNames(input.join('\n').normalize('NFC'), lang);
  let words = 0;
  const hits: string[] = [];
  gold.forEach((line, index) => {
    const goldWords = line.split(' ');
    const typed = input[index]!.split(' ');
    if (typed.length !== goldWords.length) return; // a typo that added or removed a space: not aligned here
    goldWords.forEach((word, j) => {
      words++;
      const [goldCore, typedCore] = [word.replace(EDGES, ''), typed[j]!.replace(EDGES, '')];
      const stripped = makeInput('diacritics', goldCore, lang, 0);
      if (stripped === typedCore || !/^\p{Lu}/u.test(goldCore) || known(goldCore) || known(typedCore)) return;
      if (names.has(lexiconKey(goldCore, lang))) hits.push(`${typedCore} -> ${goldCore}`);
    });
  });
  console.log(`${lang} ${values.set}: ${hits.length} of ${words} words (${(100 * hits.length / words).toFixed(3)} %) ${hits.slice(0, 6).join(', ')}`);
}
