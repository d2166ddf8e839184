/**
 * When should a paragraph, line or sentence get a language of its own instead of its parent's (issue 15,
 * item 8)? electron/engine/language/language-regions.ts lets a part switch away from its parent's language only when
 * its own best language beats the parent's by a margin per n-gram. This measures, on stripped UD sentences
 * (evaluation only), for a grid of margins and minimum n-gram counts:
 *   false switches: a sentence of L inside an L text switches to another language (damage);
 *   caught: a sentence of L inside a text of another language M gets L (averaged over every M);
 *   wrong: it switches, but to neither L nor M.
 * `dev`: on data/corpus/<lang>.dev.txt instead, the split to tune on. `lexicons`: as the engine decides, the part's
 * likeliest languages re-ranked by their lexicons and switched to by a margin of their combined scores
 * (lexicon-check.ts partLanguage; the margins are then SWITCH_LEXICON_MARGIN's candidates).
 * Usage: npx tsx bench/language-id/switch.ts [sentencesPerLanguage=150] [sentencesPerPart=1] [ud|dev] [lexicons]
 */
import { readFileSync } from 'node:fs';
import { bestLanguage, languageScores, type LanguageScores } from '../../electron/engine/language/language-id.ts';
import { partLanguage } from '../../electron/engine/language/lexicon-check.ts';
import { type Lexicon, readLexicon } from '../../electron/engine/lexicon/lexicon.ts';
import { stripDiacritics } from '../../electron/engine/noise/index.ts';
import { sentenceFile, sentenceSet } from './sentence-files.ts';
import { LANGUAGES, type LanguageCode } from '../../electron/shared/types.ts';

const perLanguage = Number(process.argv[2] ?? 150);
const perPart = Number(process.argv[3] ?? 1);
const set = sentenceSet(process.argv[4]);
const withLexicons = process.argv[5] === 'lexicons';

const parts: Array<{ lang: LanguageCode; s: LanguageScores; text: string }> = [];
for (const lang of LANGUAGES) {
  let lines: string[];
  try {
    lines = readFileSync(sentenceFile(set, lang), 'utf8').split('\n').filter((l) => l.length > 0);
  } catch {
    continue; // no file (UD has no is)
  }
  const step = Math.max(1, Math.floor(lines.length / (perLanguage * perPart)));
  const picked: string[] = [];
  for (let i = 0; i < lines.length && picked.length < perLanguage * perPart; i += step) picked.push(lines[i]!);
  for (let i = 0; i + perPart <= picked.length; i += perPart) {
    const text = picked.slice(i, i + perPart).map((l) => stripDiacritics(l, lang)).join(' ');
    parts.push({ lang, s: languageScores(text)!, text });
  }
}
const langs = [...new Set(parts.map((p) => p.lang))];
const lexicons = new Map<LanguageCode, Lexicon | null>();
if (withLexicons) {
  for (const lang of LANGUAGES) lexicons.set(lang, await readLexicon(new URL('../../models/lexicon', import.meta.url).pathname, lang));
}

/** The language a part gets inside a parent of language `parent` (the rule of language-regions.ts). */
function decide(part: (typeof parts)[number], parent: LanguageCode, minGrams: number, margin: number): LanguageCode {
  const { s } = part;
  if (s.known < minGrams) return parent;
  if (withLexicons) return partLanguage(part.text, s, parent, lexicons, margin)!;
  const own = bestLanguage(s);
  if (!own.reliable || own.language === parent) return parent;
  const p = LANGUAGES.indexOf(parent);
  const b = LANGUAGES.indexOf(own.language);
  return (s.scores[b]! - s.scores[p]!) / s.known >= margin ? own.language : parent;
}

const pct = (n: number, d: number) => (d === 0 ? 'n/a' : ((100 * n) / d).toFixed(2));
console.log(`${parts.length} parts of ${perPart} stripped ${set} sentence(s), ${langs.length} languages${withLexicons
  ? ', n-grams and lexicons' : ''}\n`);
console.log('| min n-grams | margin (nats/n-gram) | false switches % | caught % | wrong switches % |');
console.log('| ---: | ---: | ---: | ---: | ---: |');
for (const minGrams of [24, 40, 60]) {
  for (const margin of withLexicons ? [0.2, 0.5, 1, 2] : [0.05, 0.1, 0.15, 0.2, 0.3, 0.4]) {
    let falseSwitch = 0;
    let caught = 0;
    let wrong = 0;
    let others = 0;
    for (const part of parts) {
      const { lang } = part;
      if (decide(part, lang, minGrams, margin) !== lang) falseSwitch++;
      for (const parent of langs) {
        if (parent === lang) continue;
        others++;
        const got = decide(part, parent, minGrams, margin);
        if (got === lang) caught++;
        else if (got !== parent) wrong++;
      }
    }
    console.log(`| ${minGrams} | ${margin} | ${pct(falseSwitch, parts.length)} | ${pct(caught, others)} | ${pct(wrong, others)} |`);
  }
}
