/**
 * Why a typo'd word's gold is not among the product's candidates, on a tuning set:
 *   npx tsx bench/lexicon-decoding/typo-misses.ts --set dev --langs lt,cs,pl --limit 300
 * For every gold word that the typo noise changed (the typos task at p = 0.02 against the stripped word), the input
 * word aligned to it as the metric aligns (alignment.ts) is put in one class: recalled (candidates.ts canWrite),
 * real-word (the typo made a word the lexicon knows), capital (capitalised inside a sentence), gold-unknown (the
 * lexicon lacks the gold word), at1-cut / at2-cut (the gold is one / two edits away but not among the candidates),
 * at2-masked-by-1 (two edits away, and other forms one edit away stopped the search), far, unaligned.
 * Prints the counts per language and a few examples per class. Never run it on ../shared/benchmarks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Lexicons } from '../../electron/engine/lexicon/lexicon.ts';
import { startsSentence } from '../../electron/engine/lexicon/lexicon-plan.ts';
import { lexiconKey } from '../../electron/engine/lexicon/word-rules.ts';
import { alignWords } from '../../electron/eval/alignment.ts';
import { canWrite, tokenChoices } from '../../electron/eval/candidates.ts';
import { makeInput } from '../../electron/eval/tasks.ts';
import { isAlphaWord, splitWords } from '../../electron/eval/words.ts';
import { tuningSetFile } from './tuning-sets.ts';
import type { LanguageCode } from '../../electron/shared/types.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: {
  set: { type: 'string', default: 'dev' },
  langs: { type: 'string', default: 'lt,cs,pl,lv,hu,fr' },
  limit: { type: 'string', default: '300' },
  examples: { type: 'string', default: '6' },
} });
const file = (lang: string) => tuningSetFile(values.set, lang);
const EDGES = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
const lexicons = new Lexicons(join(REPO, 'models', 'lexicon'));

for (const lang of values.langs.split(',') as LanguageCode[]) {
  const lexicon = (await lexicons.get(lang))!;
  const key = (token: string) => lexiconKey(token, lang);
  const lines = readFileSync(file(lang), 'utf8').split('\n').filter(Boolean).slice(0, Number(values.limit));
  const classes = new Map<string, string[]>();
  let words = 0;
  lines.forEach((gold, index) => {
    const text = makeInput('typos', gold, lang, index).normalize('NFC');
    const tokens = [...text.matchAll(/\S+/gu)];
    const goldWords = splitWords(gold);
    const partner = new Map<number, number>();
    for (const pair of alignWords(goldWords.map(key), tokens.map((t) => key(t[0])))) {
      if (pair.gold !== null && pair.output !== null) partner.set(pair.gold, pair.output);
    }
    goldWords.forEach((word, i) => {
      if (!isAlphaWord(word)) return;
      words++;
      const at = partner.get(i);
      const typed = at === undefined ? null : tokens[at]![0];
      if (typed === makeInput('diacritics', word, lang, 0)) return; // no typo in this word
      const starts = at !== undefined && startsSentence(text, tokens[at]!.index);
      const core = typed?.replace(EDGES, '') ?? '';
      const goldCore = word.replace(EDGES, '');
      let cls: string;
      if (typed === null) cls = 'unaligned';
      else if (canWrite(tokenChoices(typed, lang, lexicon, undefined, starts), word)) cls = 'recalled';
      else if (lexicon.variants(key(core)).length > 0) cls = 'real-word';
      else if (/\p{Lu}/u.test(core.slice(1)) || (/^\p{Lu}/u.test(core) && !starts)) cls = 'capital';
      else if (lexicon.variants(key(goldCore)).length === 0) cls = 'gold-unknown';
      else {
        const target = goldCore.toLowerCase();
        const one = lexicon.near(core, 1, 1000).map((f) => f.form);
        const two = lexicon.near(core, 2, 1000).map((f) => f.form);
        cls = one.includes(target) ? 'at1-cut' : !two.includes(target) ? 'far'
          : one.length > 0 ? 'at2-masked-by-1' : 'at2-cut';
      }
      const list = classes.get(cls) ?? [];
      list.push(`${typed} -> ${word}`);
      classes.set(cls, list);
    });
  });
  const sorted = [...classes].sort((a, b) => b[1].length - a[1].length);
  const typod = sorted.reduce((n, [, list]) => n + list.length, 0);
  console.log(`${lang}: ${words} words, ${typod} typo'd: ${sorted.map(([c, list]) => `${c} ${list.length}`).join(', ')}`);
  for (const [cls, list] of sorted) {
    if (cls !== 'recalled') console.log(`  ${cls}: ${list.slice(0, Number(values.examples)).join(' | ')}`);
  }
}
