/**
 * The lexicons' opinion on a text's language under `auto`, beside the letter n-grams of language-id.ts: each
 * lexicon as a unigram model of words (every word the frequency of its key among the lexicon's forms). Stripped
 * Czech and Slovak share most of their letter n-grams, and names read as words: a stripped Czech sentence was
 * Slovak one time in five, and a Czech signature "S pozdravem, Jiri Dvorak" Slovenian ("Jiri" had become "Viri").
 * The lexicons re-rank the n-grams' likeliest languages, of a text (detectWithLexicons) and of a part of one inside
 * its parent's language (partLanguage).
 */
import { LANGUAGES, type LanguageCode } from '../../shared/types.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { bestLanguage, type Detection, DETECTION_CHARACTERS, MIN_GRAMS, MIN_MARGIN, type LanguageScores } from './language-id.ts';
import { wordSpans } from '../lexicon/lexicon-plan.ts';
import { lexiconKey } from '../lexicon/word-rules.ts';

/**
 * What a word the lexicon lacks counts, against one seen once (+1 smoothing for the rest): a word only the
 * dictionary knows (count 0) is still a word of the language.
 */
const UNKNOWN_COUNT = 0.01;

/**
 * ln P of the words of `text` under the lexicon of `lang` as a unigram model: per word, (the count of its key's forms
 * + 1) / the lexicon's largest count, or UNKNOWN_COUNT / that where the lexicon lacks the key. Diacritics do not
 * matter (keys), so stripped text scores as its restored form would.
 */
export function lexiconLogLikelihood(text: string, lang: LanguageCode, lexicon: Lexicon): number {
  const scale = Math.log(Math.max(1, lexicon.maxCount));
  let total = 0;
  for (const span of wordSpans(text)) {
    const forms = lexicon.variants(lexiconKey(span.text, lang));
    total += Math.log(forms.length > 0 ? forms.reduce((sum, f) => sum + f.count, 1) : UNKNOWN_COUNT) - scale;
  }
  return total;
}

/**
 * Per language, n-gram score + `weight` x the lexicon's log-likelihood of the text (its first DETECTION_CHARACTERS,
 * as the n-grams read it); null where a language has no lexicon.
 */
function combinedScores(text: string, scores: LanguageScores, languages: readonly LanguageCode[],
  lexicons: ReadonlyMap<LanguageCode, Lexicon | null>, weight: number): Map<LanguageCode, number> | null {
  const read = text.slice(0, DETECTION_CHARACTERS);
  const combined = new Map<LanguageCode, number>();
  for (const language of languages) {
    const lexicon = lexicons.get(language);
    if (!lexicon) return null;
    combined.set(language, scores.scores[LANGUAGES.indexOf(language)]! + weight * lexiconLogLikelihood(read, language, lexicon));
  }
  return combined;
}

/**
 * How many of the n-grams' likeliest languages the lexicons re-rank (within LEXICON_GAP). Dev, weight 8, gap 0.3:
 * 3 99.69 %, 4 and 5 99.74 % of stripped sentences ("Cau, ako sa mas?" has Slovak fourth).
 */
export const LEXICON_CANDIDATES = 4;

/**
 * Weight of a lexicon's log-likelihood of the text against the n-grams' (both in nats). Stripped dev sentences
 * (`bench/language-id/measure.ts 300 dev lexicons`; bench/language-id/REPORT.md), of 0.25 to 64 with the 2, 3 or 5
 * likeliest languages: accuracy rose up to 8 and stayed there to 16 (99.09 -> 99.73 %; first five words 97.96 ->
 * 99.14 %).
 */
export const LEXICON_WEIGHT = 8;

/**
 * How far (nats per known n-gram) below the n-grams' best a language may score and still be re-ranked. Dev, three
 * candidates at weight 8: with no bound stripped sentences 99.73 %, at 0.3 99.69 %, and only 7 % of texts have a
 * second candidate (the rest load no lexicon for detection: `auto` had taken 47 ms per sentence against 17 ms with
 * the language named, lexicons of changing candidates loaded again and again).
 */
export const LEXICON_GAP = 0.3;

/** The n-grams' likeliest languages (at most `count`, within `gap` of the best), best first. */
export function candidateLanguages(scores: LanguageScores, count = LEXICON_CANDIDATES, gap = LEXICON_GAP):
  LanguageCode[] {
  const order = [...LANGUAGES.keys()].sort((a, b) => scores.scores[b]! - scores.scores[a]!).slice(0, count);
  const floor = scores.scores[order[0]!]! - gap * Math.max(1, scores.known);
  return order.filter((i) => scores.scores[i]! >= floor).map((i) => LANGUAGES[i]!);
}

/**
 * The detection of `text` among its candidate languages (candidateLanguages, the keys of `lexicons`) by n-gram score
 * + LEXICON_WEIGHT x lexicon log-likelihood, reliable with enough known n-grams and a clear margin per n-gram between
 * the best two; the n-grams' own (bestLanguage) with a single candidate; null where a candidate has no lexicon (the
 * caller keeps the n-grams' own).
 */
export function detectWithLexicons(text: string, scores: LanguageScores,
  lexicons: ReadonlyMap<LanguageCode, Lexicon | null>, weight = LEXICON_WEIGHT): Detection | null {
  if (lexicons.size < 2) return bestLanguage(scores);
  const combined = combinedScores(text, scores, [...lexicons.keys()], lexicons, weight);
  if (!combined) return null;
  const scored = [...combined].map(([language, score]) => ({ language, score }));
  scored.sort((a, b) => b.score - a.score);
  const [best, second] = scored as [typeof scored[0], typeof scored[0]];
  const margin = scores.known > 0 ? (best.score - second.score) / scores.known : 0;
  return { language: best.language, reliable: scores.known >= MIN_GRAMS && margin >= MIN_MARGIN, margin };
}

/**
 * How much better (nats per known n-gram, n-grams and lexicon together) a part's own language must score than its
 * parent's before the part switches. `bench/language-id/switch.ts 300 1 dev lexicons` (stripped dev sentences inside
 * texts of another language, bench/language-id/REPORT.md): 0.2 0.09 % false switches, 99.69 % caught; 0.5 0.04 /
 * 99.67; 1 0.02 / 99.55; 2 0.00 / 98.47. The n-grams alone (their margin 0.2): 0.18 / 98.27.
 */
export const SWITCH_LEXICON_MARGIN = 1;

/**
 * The language of a part of a text inside a parent of language `parent`: its likeliest by n-grams and lexicons
 * (candidateLanguages re-ranked as detectWithLexicons does) where that beats the parent's combined score by
 * SWITCH_LEXICON_MARGIN per known n-gram, else the parent's. A single candidate the n-grams cannot call reliably
 * leaves the parent. Null where a lexicon it needs is missing (the caller keeps the n-grams' rule).
 */
export function partLanguage(text: string, scores: LanguageScores, parent: LanguageCode,
  lexicons: ReadonlyMap<LanguageCode, Lexicon | null>, margin = SWITCH_LEXICON_MARGIN): LanguageCode | null {
  const candidates = candidateLanguages(scores);
  if (candidates.length < 2 && !bestLanguage(scores).reliable) return parent;
  const combined = combinedScores(text, scores, [...new Set([...candidates, parent])], lexicons, LEXICON_WEIGHT);
  if (!combined) return null;
  const own = candidates.reduce((best, l) => (combined.get(l)! > combined.get(best)! ? l : best));
  const gain = (combined.get(own)! - combined.get(parent)!) / Math.max(1, scores.known);
  return own !== parent && gain >= margin ? own : parent;
}
