/**
 * Splits text into the units the model corrects: sentences (Intl.Segmenter) without their surrounding
 * whitespace, and sentences longer than the model's input limit cut at spaces. Offsets are UTF-16 code units
 * of the caller's string; everything between units is left exactly as it was.
 */
import { utf8Bytes } from './byte-codec.ts';

/** A piece of the caller's text that the model sees on its own. */
export interface TextUnit {
  start: number;
  end: number;
  text: string;
  /** Too long for the model even after cutting at spaces (one huge "word"): left unchanged. */
  tooLong: boolean;
  /** Inside a fenced code block (code-spans.ts fencedBlocks): left unchanged. */
  code?: boolean;
}

const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

const LEADING_SPACE = /^\s+/;
const TRAILING_SPACE = /\s+$/;

/** Longest stretch handed to Intl.Segmenter at once: its cost grows faster than linearly with length. */
const WINDOW = 4096;

/** Sentences of one block (no line breaks inside) starting at `offset`, trimmed. */
function segmentBlock(segmenter: Intl.Segmenter, text: string, from: number, to: number,
  out: Array<{ start: number; end: number }>): void {
  let at = from;
  while (at < to) {
    let windowEnd = Math.min(to, at + WINDOW);
    if (windowEnd < to) {
      // Never cut inside a word (or a surrogate pair) when one window holds a single long sentence.
      const space = text.lastIndexOf(' ', windowEnd);
      if (space > at) windowEnd = space + 1;
    }
    const segments = [...segmenter.segment(text.slice(at, windowEnd))];
    // The window's last segment may be cut short: unless the block ends here, segment it again next round.
    const keep = windowEnd === to || segments.length === 1 ? segments.length : segments.length - 1;
    for (const { segment, index } of segments.slice(0, keep)) {
      const lead = LEADING_SPACE.exec(segment)?.[0].length ?? 0;
      if (lead === segment.length) continue;
      const trail = TRAILING_SPACE.exec(segment)?.[0].length ?? 0;
      out.push({ start: at + index + lead, end: at + index + segment.length - trail });
    }
    const last = segments[keep - 1]!;
    at += last.index + last.segment.length;
  }
}

/**
 * A sentence's end that is a name's initial: a lone capital letter and its full stop ("J. Lucenko", "T. G. Masaryk").
 * UAX #29 ends a sentence there; the name after it is then read as a sentence's first word, which may be a typo of a
 * known one (lt news "J. Lucenko" -> "J. Sumenko", "K. Gandziuk" -> "K. Gandžių").
 */
export const INITIAL_END = /(?:^|[^\p{L}\p{M}])\p{Lu}\.$/u;

/** A sentence's end that may be an abbreviation's full stop: a word of at most six letters and a stop. */
const ABBREVIATION_END = /(?:^|[^\p{L}\p{M}])[\p{L}\p{M}]{1,6}\.$/u;
/**
 * A sentence's start that an abbreviation may stand before: a number (digits, or a Roman one of two letters or with
 * its stop: "čl. IV", "čl. V."; a lone "V" or "I" is mostly a word: cs "V dalším", "I když"), or an acronym (cs
 * "vč. DPH", "č. ČSN").
 */
export const ABBREVIATION_TARGET = /^(?:\d|[IVXLC]{2,}\b|[IVXLC]\.|\p{Lu}{2,}(?!\p{Ll}))/u;

/**
 * Whether the full stop that ends `last` only ends an abbreviation before a number or an acronym, or a name's initial
 * before a capital, so that `next` (on the same line) goes on with it.
 */
function goesOn(text: string, last: { start: number; end: number }, next: { start: number }): boolean {
  const end = (chars: number) => text.slice(Math.max(last.start, last.end - chars), last.end);
  const start = (chars: number) => text.slice(next.start, next.start + chars);
  return (ABBREVIATION_END.test(end(8)) && ABBREVIATION_TARGET.test(start(8)))
    || (INITIAL_END.test(end(3)) && /^\p{Lu}/u.test(start(2)));
}

/**
 * Sentences of `text` as [start, end) ranges with leading and trailing whitespace excluded. Line breaks
 * always end a sentence (as in UAX #29), so lines are segmented one by one, long lines in windows. A short word's
 * full stop before a number or an acronym on the same line does not end one: UAX #29 reads on after "c. 5, odst." (a
 * lowercase letter follows) but not after "zákona č. 89/2012 Sb.", "vč. DPH" or hu "márc. 15.", whose abbreviations
 * then lose what tells them (lexicon-plan.ts restoredAbbreviation); nor does an initial's before a capital (INITIAL_END:
 * "J. Lucenko"). Two sentences so joined cost nothing.
 */
export function segmentSentences(text: string, locale = 'en'): Array<{ start: number; end: number }> {
  const segmenter = sentenceSegmenter(locale);
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const m of text.matchAll(/\r\n|[\n\r\u0085\u2028\u2029]/g)) {
    if (m.index > start) segmentBlock(segmenter, text, start, m.index, out);
    start = m.index + m[0].length;
  }
  if (text.length > start) segmentBlock(segmenter, text, start, text.length, out);
  return out.reduce<Array<{ start: number; end: number }>>((joined, sentence) => {
    const last = joined.at(-1);
    if (last && /^[^\S\n\r\u0085\u2028\u2029]+$/u.test(text.slice(last.end, sentence.start)) &&
      goesOn(text, last, sentence)) {
      last.end = sentence.end;
    } else {
      joined.push(sentence);
    }
    return joined;
  }, []);
}

const encoder = new TextEncoder();

/** UTF-8 length without allocating for pure ASCII. */
function byteLength(text: string): number {
  return /^[\u0000-\u007f]*$/.test(text) ? text.length : encoder.encode(text).length;
}

/**
 * Cuts one sentence [start, end) of `text` into pieces of at most `maxBytes` UTF-8 bytes, at runs of
 * whitespace (which stay outside every piece). A single word longer than `maxBytes` is its own piece,
 * marked tooLong.
 */
export function chunkSentence(text: string, start: number, end: number, maxBytes: number): TextUnit[] {
  const sentence = text.slice(start, end);
  if (byteLength(sentence) <= maxBytes) return [{ start, end, text: sentence, tooLong: false }];
  const words: Array<{ start: number; end: number; bytes: number }> = [];
  for (const match of sentence.matchAll(/\S+/g)) {
    words.push({ start: start + match.index, end: start + match.index + match[0].length,
      bytes: byteLength(match[0]) });
  }
  const units: TextUnit[] = [];
  let first = 0;
  while (first < words.length) {
    let last = first;
    let bytes = words[first]!.bytes;
    while (last + 1 < words.length) {
      const next = words[last + 1]!;
      const joined = bytes + (next.start - words[last]!.end) + next.bytes; // whitespace runs are mostly ASCII
      if (joined > maxBytes) break;
      bytes = joined;
      last++;
    }
    const unitStart = words[first]!.start;
    const unitEnd = words[last]!.end;
    const unitText = text.slice(unitStart, unitEnd);
    units.push({ start: unitStart, end: unitEnd, text: unitText, tooLong: utf8Bytes(unitText).length > maxBytes });
    first = last + 1;
  }
  return units;
}

/** All model units of `text`: sentences, cut to fit `maxBytes`. */
export function segmentUnits(text: string, maxBytes: number, locale = 'en'): TextUnit[] {
  return segmentSentences(text, locale).flatMap(({ start, end }) => chunkSentence(text, start, end, maxBytes));
}
