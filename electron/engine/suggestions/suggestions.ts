/**
 * Model output -> suggestions on the caller's string: word-level changes (word-diff.ts) turned into UTF-16
 * spans (utf8-offsets.ts), replacement text, kind and confidence.
 */
import type { Suggestion } from '../../shared/types.ts';
import { decodeUtf8 } from '../text/byte-codec.ts';
import { utf8ToUtf16Offset } from '../text/utf8-offsets.ts';
import { diffWords } from './word-diff.ts';

/** Strips diacritics, as the noise module does for the unit's language. */
export type StripFn = (text: string) => string;

/** What the model made of one unit. */
export interface UnitOutput {
  /** The unit as given (may be non-NFC). */
  text: string;
  /** UTF-8 bytes of the NFC form that the model read. */
  inputBytes: Uint8Array;
  outputBytes: Uint8Array;
  /** Probability of each output byte (same length as outputBytes). */
  outputProbs: ArrayLike<number>;
}

const WORD = /[^ \t\n\r\v\f]+/g;

/** [start, end) of the ASCII-whitespace-separated words of a string, in UTF-16 units. */
function stringWords(text: string): Array<[number, number]> {
  return [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
}

function minProb(probs: ArrayLike<number>, start: number, end: number): number {
  let min = 1;
  for (let k = start; k < end; k++) min = Math.min(min, probs[k] ?? 0);
  return Math.max(0, min);
}

/**
 * Suggestions for one unit, with spans relative to the unit's start. When the unit was not NFC, spans come
 * from the word indices of the original text (NFC never moves whitespace), so they still cover whole words
 * of what the caller wrote.
 */
export function buildSuggestions(unit: UnitOutput, strip: StripFn): Suggestion[] {
  const nfc = decodeUtf8(unit.inputBytes);
  if (nfc === null) return [];
  const sameForm = nfc === unit.text;
  const originalWords = sameForm ? [] : stringWords(unit.text);
  if (!sameForm && originalWords.length !== stringWords(nfc).length) return [];
  const suggestions: Suggestion[] = [];
  for (const change of diffWords(unit.inputBytes, unit.outputBytes)) {
    const replacement = decodeUtf8(unit.outputBytes.subarray(change.outStart, change.outEnd));
    if (replacement === null) continue;
    const start = sameForm ? utf8ToUtf16Offset(unit.text, change.inStart) : originalWords[change.inWordFirst]![0];
    const end = sameForm ? utf8ToUtf16Offset(unit.text, change.inEnd) : originalWords[change.inWordEnd - 1]![1];
    const original = unit.text.slice(start, end);
    if (original.normalize('NFC') === replacement) continue;
    suggestions.push({
      span: { start, end },
      original,
      replacement,
      kind: strip(original.normalize('NFC')) === strip(replacement) ? 'diacritics' : 'spelling',
      confidence: minProb(unit.outputProbs, change.outStart, change.outEnd),
    });
  }
  return suggestions;
}

/** The caller's text with suggestions (sorted, non-overlapping) applied. */
export function applySuggestions(text: string, suggestions: readonly Suggestion[]): string {
  let out = '';
  let at = 0;
  for (const s of [...suggestions].sort((a, b) => a.span.start - b.span.start)) {
    if (s.span.start < at) continue;
    out += text.slice(at, s.span.start) + s.replacement;
    at = s.span.end;
  }
  return out + text.slice(at);
}
