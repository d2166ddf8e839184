/**
 * The spelling of a word the lexicon lacks as a compound of words it knows: Estonian, Icelandic and German write
 * compounds as one word ("tööülesannete" = "töö" + "ülesannete", "Stahlgeschäft" = "Stahl" + "geschäft"), and no
 * lexicon lists them all, so such a word typed without diacritics kept none ("tooulesannete"). Its letters are cut
 * into known keys, each spelled as the lexicon's most frequent form of that key.
 */
import type { Lexicon } from './lexicon.ts';

/** Fewest letters of a part: two-letter words would cut almost any word somewhere ("ja", "on", "ta"). */
export const COMPOUND_MIN_PART = 3;
/** Most parts: "maailma" + "meistri" + "võistlustel"; four or more were mostly chance cuts of a name. */
export const COMPOUND_MAX_PARTS = 3;
/**
 * The count of a part that only the dictionary knows (the lexicon's count 0: "tõusult" in "hinnatõusult"): below any
 * form our text showed, so a cut of seen words wins among cuts into as many parts. Session 34 (et, is, de; dev, news,
 * informal; bench/lexicon-decoding/REPORT.md): et +0.37 on the mean of the eight figures against seen parts only, is
 * +0.03, de +0.01.
 */
const DICTIONARY_PART_COUNT = 0.5;
/** Longer runs of letters are no word (a pasted hash, a URL's slug): not searched. */
const MAX_LETTERS = 48;

interface Cut {
  parts: number;
  /** Sum of the parts' log counts: among cuts into as many parts, the one of the most frequent words. */
  score: number;
  spelling: string;
}

/**
 * The spelling of `key` (a lexicon key: lowercase, without diacritics) as the fewest known words, at least
 * COMPOUND_MIN_PART letters each and at most COMPOUND_MAX_PARTS of them, each the most frequent form of its key
 * (DICTIONARY_PART_COUNT for one only the dictionary knows); among cuts into as many parts, the one whose parts are
 * most frequent. Null where no such cut exists, or where the key is itself a word of the lexicon (it is no unknown
 * compound). German's linking "s" ("Prüfung" + "s" + "geschäft") as a joint of its own moved de news by 0.02 points
 * (bench/lexicon-decoding/REPORT.md): not kept.
 */
export function compoundSpelling(key: string, lexicon: Lexicon, minPart = COMPOUND_MIN_PART,
  maxParts = COMPOUND_MAX_PARTS): string | null {
  const letters = [...key];
  const n = letters.length;
  if (n < 2 * minPart || n > MAX_LETTERS) return null;
  const topForms = new Map<string, { form: string; count: number } | null>();
  const top = (part: string) => {
    if (!topForms.has(part)) {
      const forms = lexicon.variants(part);
      const best = forms[0];
      // A form only the dictionary knows counts below one seen once; where it lists several spellings of the key,
      // the key's own letters (nothing tells which diacritics).
      topForms.set(part, !best ? null : best.count > 0 ? best
        : { form: forms.find((f) => f.form === part)?.form ?? best.form, count: DICTIONARY_PART_COUNT });
    }
    return topForms.get(part)!;
  };
  if (lexicon.variants(key).length > 0) return null;
  // best[i]: the best cut of the first i letters.
  const best: Array<Cut | undefined> = [{ parts: 0, score: 0, spelling: '' }];
  for (let i = 0; i < n; i++) {
    const from = best[i];
    if (!from || from.parts >= maxParts) continue;
    for (let j = i + minPart; j <= n; j++) {
      // The whole key is no part: the check above found it unknown.
      if (i === 0 && j === n) continue;
      const form = top(letters.slice(i, j).join(''));
      if (!form) continue;
      const next: Cut = { parts: from.parts + 1, score: from.score + Math.log(form.count),
        spelling: from.spelling + form.form };
      const there = best[j];
      if (!there || next.parts < there.parts || (next.parts === there.parts && next.score > there.score)) best[j] = next;
    }
  }
  return best[n]?.spelling ?? null;
}
