/**
 * `auto` language per part of a text (issue 15, item 8): the text as a whole is detected first, then each
 * paragraph (text between blank lines), each line of a paragraph and each sentence of a line. A part keeps its
 * parent's language unless it is long enough to tell and its own best language beats the parent's by
 * SWITCH_MARGIN nats per n-gram. Measured on stripped UD sentences (bench/language-id/switch.ts, REPORT.md):
 * a single sentence of 40+ n-grams inside a text of its own language switches wrongly 0.7% of the time, and
 * one inside a text of another language gets its own 94.4% of the time; paragraphs of three sentences 0.1%
 * and 98.6%. The margin keeps close pairs (Czech and Slovak without diacritics) with their surroundings.
 */
import { LANGUAGES, type LanguageCode } from '../../shared/types.ts';
import { bestLanguage, detectLanguage, languageScores, type LanguageScores, MIN_GRAMS } from './language-id.ts';

/** A language for the model: `tag` is 'auto' when the detection was not reliable (the model's AUTO tag). */
export interface ResolvedLanguage {
  code: LanguageCode;
  tag: LanguageCode | 'auto';
}

/** Known n-grams a line or sentence needs before it may differ from its parent (about four words). */
export const SENTENCE_MIN_GRAMS = 40;
/** How much better (nats per known n-gram) a part's own language must score than its parent's. */
export const SWITCH_MARGIN = 0.2;

/** A blank line: what separates paragraphs. */
const PARAGRAPH_BREAK = /\r?\n(?:[ \t]*\r?\n)+/g;
/** A line break, as segment.ts counts them (sentences never cross one). */
const LINE_BREAK = /\r\n|[\n\r\u0085\u2028\u2029]/g;

/**
 * The language of a part inside a parent of a reliable language, by a judge that knows more than the n-grams (the
 * engine's lexicons: lexicon-check.ts partLanguage); null leaves it to the n-grams' rule.
 */
export type PartJudge = (text: string, scores: LanguageScores, parent: LanguageCode) => LanguageCode | null;

/** The language of `text` inside a parent of language `parent`. */
export function within(text: string, parent: ResolvedLanguage, minGrams: number, judge?: PartJudge): ResolvedLanguage {
  const scores = languageScores(text);
  if (!scores || scores.known < minGrams) return parent;
  const own = bestLanguage(scores);
  if (parent.tag === 'auto') { // the parent could not tell
    return own.reliable && own.language !== parent.code ? { code: own.language, tag: own.language } : parent;
  }
  const judged = judge?.(text, scores, parent.code);
  if (judged) return judged === parent.code ? parent : { code: judged, tag: judged };
  if (!own.reliable || own.language === parent.code) return parent;
  const gain = scores.scores[LANGUAGES.indexOf(own.language)]! - scores.scores[LANGUAGES.indexOf(parent.code)]!;
  return gain / scores.known >= SWITCH_MARGIN ? { code: own.language, tag: own.language } : parent;
}

type Unit = { start: number; end: number; text: string };

/** Units [first, last) grouped by the part of `text` (cut by `breaks` within [from, to)) that holds them. */
function groups(text: string, from: number, to: number, units: readonly Unit[], first: number, last: number,
  breaks: RegExp): Array<{ start: number; end: number; first: number; last: number }> {
  const ends = [...text.slice(from, to).matchAll(breaks)].map((m) => from + m.index + m[0].length);
  const out: Array<{ start: number; end: number; first: number; last: number }> = [];
  let start = from;
  let u = first;
  for (const end of [...ends, to]) {
    const begin = u;
    while (u < last && units[u]!.start < end) u++;
    if (u > begin) out.push({ start, end, first: begin, last: u });
    start = end;
  }
  return out;
}

/** The language of the whole text, as the engine has always detected it (its first 2000 characters). */
export function textLanguage(text: string): ResolvedLanguage {
  const detected = detectLanguage(text);
  return { code: detected.language, tag: detected.reliable ? detected.language : 'auto' };
}

/**
 * The language of each unit (sentences, [start, end) in `text`, in order) under `auto`: the text, then each
 * paragraph, each line of a paragraph, each sentence of a line, as long as a level has more than one part
 * (one part is its parent: there is nothing more to learn from it).
 */
export function unitLanguages(text: string, units: readonly Unit[], whole: ResolvedLanguage = textLanguage(text),
  judge?: PartJudge): ResolvedLanguage[] {
  const out: ResolvedLanguage[] = [];
  const paragraphs = groups(text, 0, text.length, units, 0, units.length, PARAGRAPH_BREAK);
  for (const p of paragraphs) {
    const paragraph = paragraphs.length === 1 ? whole : within(text.slice(p.start, p.end), whole, MIN_GRAMS, judge);
    const lines = groups(text, p.start, p.end, units, p.first, p.last, LINE_BREAK);
    for (const l of lines) {
      const line = lines.length === 1 ? paragraph
        : within(text.slice(l.start, l.end), paragraph, SENTENCE_MIN_GRAMS, judge);
      for (let i = l.first; i < l.last; i++) {
        out.push(l.last - l.first === 1 ? line : within(units[i]!.text, line, SENTENCE_MIN_GRAMS, judge));
      }
    }
  }
  return out;
}
