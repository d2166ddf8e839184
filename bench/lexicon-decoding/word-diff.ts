/**
 * What one setting changed against another, word by word, from the sentences `compare.ts --outputs FILE` wrote:
 *   npx tsx bench/lexicon-decoding/word-diff.ts FILE --base 'lexicon@default+tag0' --other 'lexicon@default+tag1'
 *     [--langs lt,lv] [--tasks diacritics] [--examples 8]
 * For each language and task: the gold words (as the metric aligns them, alignment.ts) that only the other system
 * restores (fixed), that only the base restores (broken), and examples of each (gold: base / other). Without
 * --other, the base's wrong words (gold: input / output). With --typos instead of --other, the gold words whose
 * letters the noise changed (not only their diacritics or case), by what the base made of them: right, right letters
 * with wrong diacritics, kept as typed, another word; lowercase or capitalised. Never run it on ../shared/benchmarks.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { peel } from '../../electron/engine/lexicon/lexicon-plan.ts';
import { lexiconKey } from '../../electron/engine/lexicon/word-rules.ts';
import { alignedToGold } from '../../electron/eval/alignment.ts';
import { isAlphaWord, splitWords } from '../../electron/eval/words.ts';
import type { LanguageCode } from '../../electron/shared/types.ts';

interface Row { lang: string; task: string; system: string; line: number; gold: string; input: string; output: string }

const { values, positionals } = parseArgs({ allowPositionals: true, options: {
  base: { type: 'string' },
  other: { type: 'string' },
  langs: { type: 'string' },
  tasks: { type: 'string' },
  examples: { type: 'string', default: '8' },
  typos: { type: 'boolean', default: false },
} });
if (positionals.length !== 1 || !values.base) {
  console.error('usage: word-diff.ts FILE --base SYSTEM [--other SYSTEM | --typos] [--langs a,b] [--tasks t] [--examples N]');
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

/** What a system made of a typo'd word: the letters are compared as lexicon keys (no diacritics, lowercase). */
function typoOutcome(lang: LanguageCode, w: { gold: string; typed: string | null; got: string | null }): string | null {
  const key = (word: string) => { const { start, end } = peel(word); return lexiconKey(word.slice(start, end), lang); };
  if (w.typed !== null && key(w.typed) === key(w.gold)) return null; // only diacritics or case differ: no typo
  const kind = w.got === w.gold ? 'right' : w.got !== null && key(w.got) === key(w.gold) ? 'diacritics wrong'
    : w.got === w.typed ? 'kept as typed' : 'another word';
  return `${/^\P{L}*\p{Lu}/u.test(w.gold) ? 'capitalised' : 'lowercase'}: ${kind}`;
}

if (values.typos) {
  const byLanguage = new Map<string, { words: number; kinds: Map<string, string[]> }>();
  for (const row of rows) {
    if (row.system !== values.base || !keep(values.langs, row.lang) || !keep(values.tasks, row.task)) continue;
    const group = `${row.lang} ${row.task}`;
    const g = byLanguage.get(group) ?? { words: 0, kinds: new Map<string, string[]>() };
    byLanguage.set(group, g);
    for (const w of wordsAgainstGold(row)) {
      g.words++;
      const kind = typoOutcome(row.lang as LanguageCode, w);
      if (kind === null) continue;
      const list = g.kinds.get(kind) ?? [];
      list.push(`${w.gold}: ${w.typed ?? '∅'} -> ${w.got ?? '∅'}`);
      g.kinds.set(kind, list);
    }
  }
  for (const [group, g] of byLanguage) {
    const typod = [...g.kinds.values()].reduce((n, l) => n + l.length, 0);
    console.log(`${group}: ${typod} of ${g.words} words typo'd`);
    for (const [kind, list] of [...g.kinds].sort()) {
      const examples = kind.endsWith(': right') ? '' : `  ${list.slice(0, Number(values.examples)).join(' | ')}`;
      console.log(`  ${kind}: ${list.length}${examples}`);
    }
  }
  process.exit(0);
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
