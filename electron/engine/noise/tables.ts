/**
 * The noise tables (noise-tables.json, shared with models/training/noise.py) and what both noise functions
 * derive from them: the per-language strip map and the keyboard neighbours. Derivations are lazy and cached
 * because evaluation calls the noise functions once per sentence.
 */
import type { LanguageCode } from '../../shared/types.ts';
import rawTables from './noise-tables.json' with { type: 'json' };

/** Shape of noise-tables.json (see README.md beside it). */
export interface NoiseTables {
  strip: {
    keep: string;
    latinRanges: Array<[number, number]>;
    markRanges: Array<[number, number]>;
    extra: Record<string, string>;
    languages: Record<LanguageCode, Record<string, string>>;
    generic: Record<string, string>;
  };
  typos: {
    rowOffsets: number[];
    layouts: Record<string, string[]>;
    languageLayout: Record<LanguageCode, string>;
  };
}

/** The shared tables, typed. */
export const NOISE_TABLES = rawTables as unknown as NoiseTables;

function inRanges(cp: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  for (const [lo, hi] of ranges) if (cp >= lo && cp <= hi) return true;
  return false;
}

/** Code point of a Latin letter (the letters whose trailing combining marks are diacritics to strip). */
export function isLatinCodePoint(cp: number): boolean {
  return inRanges(cp, NOISE_TABLES.strip.latinRanges);
}

/** Code point of a combining mark in the blocks the stripper removes after Latin letters. */
export function isMarkCodePoint(cp: number): boolean {
  return inRanges(cp, NOISE_TABLES.strip.markRanges);
}

function checkLanguage(lang: string): asserts lang is LanguageCode {
  if (!Object.hasOwn(NOISE_TABLES.strip.languages, lang)) {
    throw new RangeError(`unknown language ${JSON.stringify(lang)}`);
  }
}

const stripMaps = new Map<LanguageCode, Map<string, string>>();

/** Letter -> base letter for `lang`: the generic Latin table overridden by the language's own table. */
export function stripMap(lang: LanguageCode): ReadonlyMap<string, string> {
  let map = stripMaps.get(lang);
  if (!map) {
    checkLanguage(lang);
    map = new Map([
      ...Object.entries(NOISE_TABLES.strip.generic),
      ...Object.entries(NOISE_TABLES.strip.languages[lang]),
    ]);
    stripMaps.set(lang, map);
  }
  return map;
}

const byCodePoint = (a: string, b: string): number => a.codePointAt(0)! - b.codePointAt(0)!;

/**
 * Base letter -> sorted neighbour base letters on a staggered keyboard: same row left/right, adjacent rows
 * when the key centres are less than one key width apart. Keys with diacritics count as their base letter.
 */
export function layoutNeighbours(
  rows: readonly string[],
  offsets: readonly number[],
  baseOf: (key: string) => string,
): Map<string, string[]> {
  const keys: Array<{ row: number; x: number; base: string | null }> = [];
  rows.forEach((row, r) => {
    Array.from(row).forEach((key, i) => {
      keys.push({ row: r, x: offsets[r]! + i, base: key === '_' ? null : baseOf(key).toLowerCase() });
    });
  });
  const near = new Map<string, Set<string>>();
  for (const k of keys) {
    if (k.base === null) continue;
    let set = near.get(k.base);
    if (!set) near.set(k.base, (set = new Set()));
    for (const o of keys) {
      if (o.base === null || o.base === k.base) continue;
      const dx = Math.abs(o.x - k.x);
      if ((o.row === k.row && dx === 1) || (Math.abs(o.row - k.row) === 1 && dx < 1)) set.add(o.base);
    }
  }
  return new Map([...near].map(([b, set]) => [b, [...set].sort(byCodePoint)]));
}

const neighbourMaps = new Map<LanguageCode, Map<string, string[]>>();

/** Keyboard neighbours (base letters, lower case) of each base letter of `lang`'s layout. */
export function keyboardNeighbours(lang: LanguageCode): ReadonlyMap<string, readonly string[]> {
  let map = neighbourMaps.get(lang);
  if (!map) {
    const strip = stripMap(lang);
    const { layouts, languageLayout, rowOffsets } = NOISE_TABLES.typos;
    const rows = layouts[languageLayout[lang]];
    if (!rows) throw new Error(`no keyboard layout for ${lang}`);
    map = layoutNeighbours(rows, rowOffsets, (key) => strip.get(key) ?? key);
    neighbourMaps.set(lang, map);
  }
  return map;
}
