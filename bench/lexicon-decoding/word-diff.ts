/**
 * What one setting changed against another, word by word, from the sentences `compare.ts --outputs FILE` wrote:
 *   npx tsx bench/lexicon-decoding/word-diff.ts FILE --base 'lexicon@default+tag0' --other 'lexicon@default+tag1'
 *     [--langs lt,lv] [--tasks diacritics] [--examples 8]
 * For each language and task: the gold words (as the metric aligns them, alignment.ts) that only the other system
 * restores (fixed), that only the base restores (broken), and examples of each (gold: base / other). Without
 * --other, the base's wrong words (gold: input / output). Never run it on ../shared/benchmarks.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { alignedToGold } from '../../electron/eval/alignment.ts';
import { isAlphaWord, splitWords } from '../../electron/eval/words.ts';

interface Row { lang: string; task: string; system: string; line: number; gold: string; input: string; output: string }

const { values, positionals } = parseArgs({ allowPositionals: true, options: {
  base: { type: 'string' },
  other: { type: 'string' },
  langs: { type: 'string' },
  tasks: { type: 'string' },
  examples: { type: 'string', default: '8' },
} });
if (positionals.length !== 1 || !values.base) {
  console.error('usage: word-diff.ts FILE --base SYSTEM [--other SYSTEM] [--langs a,b] [--tasks t] [--examples N]');
  process.exit(2);
}
const rows: Row[] = readFileSync(positionals[0]!, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);
const keep = (list: string | undefined, value: string) => !list || list.split(',').includes(value);
const bySentence = new Map<string, Row>();
for (const r of rows) bySentence.set(`${r.lang}\t${r.task}\t${r.line}\t${r.system}`, r);

/** Each alpha gold word of a sentence with the words the input and the system had at its place (null: none). */
function wordsAgainstGold(row: Row): Array<{ gold: string; typed: string | null; got: string | null }> {
  const gold = splitWords(row.gold);
  const typed = alignedToGold(gold, splitWords(row.input));
  const got = alignedToGold(gold, splitWords(row.output.normalize('NFC')));
  return gold.map((g, i) => ({ gold: g, typed: typed[i] ?? null, got: got[i] ?? null }))
    .filter((w) => isAlphaWord(w.gold));
}

const groups = new Map<string, { words: number; fixed: string[]; broken: string[] }>();
for (const base of rows) {
  if (base.system !== values.base || !keep(values.langs, base.lang) || !keep(values.tasks, base.task)) continue;
  const group = `${base.lang} ${base.task}`;
  const g = groups.get(group) ?? { words: 0, fixed: [], broken: [] };
  groups.set(group, g);
  const baseWords = wordsAgainstGold(base);
  g.words += baseWords.length;
  if (!values.other) {
    for (const b of baseWords) if (b.got !== b.gold) g.broken.push(`${b.gold}: ${b.typed ?? '∅'} -> ${b.got ?? '∅'}`);
    continue;
  }
  const other = bySentence.get(`${base.lang}\t${base.task}\t${base.line}\t${values.other}`);
  if (!other) continue;
  const otherWords = wordsAgainstGold(other);
  baseWords.forEach((b, i) => {
    const o = otherWords[i]!;
    if ((b.got === b.gold) === (o.got === o.gold)) return;
    const example = `${b.gold}: ${b.got ?? '∅'} / ${o.got ?? '∅'}`;
    (o.got === o.gold ? g.fixed : g.broken).push(example);
  });
}
const shown = Number(values.examples);
for (const [group, g] of groups) {
  if (!values.other) {
    console.log(`${group}: ${g.broken.length} of ${g.words} words wrong`);
    for (const e of g.broken.slice(0, shown)) console.log(`  ${e}`);
    continue;
  }
  console.log(`${group}: ${g.words} words, fixed ${g.fixed.length}, broken ${g.broken.length}`);
  for (const e of g.fixed.slice(0, shown)) console.log(`  + ${e}`);
  for (const e of g.broken.slice(0, shown)) console.log(`  - ${e}`);
}
