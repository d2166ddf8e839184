/**
 * Where the document writes a name the engine reported (CorrectionResult.repeatedNames: a word the document
 * repeats keeps its letters). While one types, only the edited paragraph is checked, so when a name appears or
 * disappears the paragraphs holding it are checked again: these find them. Matching is loose on purpose (any
 * capitalisation, Turkish dotted and dotless i alike): a paragraph found in excess is only checked once more.
 */
import type { Range } from './check-units.ts';

/** A letter, mark or digit: what a word is made of on both sides of a match. */
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}]';

/** The pattern of `name` as a whole word in any capitalisation. */
function namePattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ı/g, '[ıI]').replace(/i/g, '[iİ]');
  return new RegExp(`(?<!${WORD_CHAR})${escaped}(?!${WORD_CHAR})`, 'giu');
}

/** The ranges of `text` where `name` is written. */
export function nameOccurrences(text: string, name: string): Range[] {
  return [...text.matchAll(namePattern(name))].map((m) => ({ from: m.index, to: m.index + m[0].length }));
}

/** Those of `names` written in `text` where [from, to) touches them (overlapping or adjacent): an edit there changes them. */
export function touchedNames(text: string, from: number, to: number, names: Iterable<string>): string[] {
  return [...names].filter((name) => nameOccurrences(text, name).some((r) => r.from <= to && r.to >= from));
}
