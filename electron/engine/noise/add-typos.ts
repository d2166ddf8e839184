/**
 * Keyboard typo noise (DESIGN.md section 5), the twin of add_typos in models/training/noise.py: same
 * tables, same PRNG, same draws in the same order, so the same (text, lang, p, seed) gives the same string.
 */
import type { LanguageCode } from '../../shared/types.ts';
import { mulberry32 } from './mulberry32.ts';
import { isMarkCodePoint, keyboardNeighbours, stripMap } from './tables.ts';

const TWO_32 = 4294967296;
const eligibleMaps = new Map<LanguageCode, Map<string, readonly string[]>>();

/** Every character that gets typos -> its keyboard neighbours in its own case. */
function eligibleLetters(lang: LanguageCode): Map<string, readonly string[]> {
  let map = eligibleMaps.get(lang);
  if (!map) {
    const cased = new Map<string, readonly string[]>();
    for (const [base, near] of keyboardNeighbours(lang)) {
      cased.set(base, near);
      cased.set(base.toUpperCase(), near.map((n) => n.toUpperCase()));
    }
    map = new Map(cased);
    for (const [letter, base] of stripMap(lang)) {
      const near = cased.get(base);
      if (near) map.set(letter, near);
    }
    eligibleMaps.set(lang, map);
  }
  return map;
}

/** Index just past the combining marks that start at `from`. */
function marksEnd(chars: readonly string[], from: number): number {
  let j = from;
  while (j < chars.length && isMarkCodePoint(chars[j]!.codePointAt(0)!)) j++;
  return j;
}

/**
 * Adds keyboard typos: every letter on (or, with diacritics, over a letter on) `lang`'s keyboard is, with
 * probability p, deleted, followed by an inserted neighbour, replaced by a neighbour, or swapped with the next
 * letter, 1/4 each (a swap with no letter right after becomes a replacement). Combining marks after a letter
 * go with it. Digits, punctuation, spaces, other scripts and emoji are copied unchanged; case is kept.
 * Deterministic in (text, lang, p, seed); iterates over code points, as Python does.
 */
export function addTypos(text: string, lang: LanguageCode, p: number, seed: number): string {
  const eligible = eligibleLetters(lang);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be in [0, 1], got ${p}`);
  const next = mulberry32(seed);
  if (p === 0 || text === '') return text;
  const threshold = p * TWO_32;
  const chars = Array.from(text);
  const out: string[] = [];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i]!;
    const near = eligible.get(c);
    if (near === undefined || next() >= threshold) {
      out.push(c);
      i++;
      continue;
    }
    const op = next() >>> 30;
    const end = marksEnd(chars, i + 1); // the letter and its combining marks
    if (op === 0) {
      i = end; // deletion
      continue;
    }
    if (op === 3 && end < chars.length && eligible.has(chars[end]!)) {
      const after = marksEnd(chars, end + 1);
      out.push(...chars.slice(end, after), ...chars.slice(i, end)); // transposition
      i = after;
      continue;
    }
    const pick = near[Math.floor((next() * near.length) / TWO_32)]!;
    if (op === 1) out.push(...chars.slice(i, end), pick); // insertion after the letter
    else out.push(pick); // substitution
    i = end;
  }
  return out.join('');
}
