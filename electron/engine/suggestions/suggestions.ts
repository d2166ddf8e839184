/**
 * Decoder output -> suggestions on the caller's string: changed words turned into UTF-16 spans (utf8-offsets.ts),
 * replacement text, kind, source and confidence. Lexicon decoding says which words it changed (its choices);
 * only free decoding, which writes bytes rather than choosing words, is diffed against the input (word-diff.ts).
 */
import type { Suggestion, SuggestionSource } from '../../shared/types.ts';
import type { LexiconPlan, WordChoice } from '../decoding/lexicon-schemas.ts';
import { decodeUtf8 } from '../text/byte-codec.ts';
import { utf8ToUtf16Offset } from '../text/utf8-offsets.ts';
import { diffWords, isSpace, splitWords } from './word-diff.ts';

/** Strips diacritics, as the noise module does for the unit's language. */
export type StripFn = (text: string) => string;

/** One unit as the model read it. */
export interface UnitInput {
  /** The unit as given (may be non-NFC). */
  text: string;
  /** UTF-8 bytes of the NFC form that the model read. */
  inputBytes: Uint8Array;
}

/** What free decoding made of one unit. */
export interface UnitOutput extends UnitInput {
  outputBytes: Uint8Array;
  /** Probability of each output byte (same length as outputBytes). */
  outputProbs: ArrayLike<number>;
}

/** Input words [wordFirst, wordEnd) (their bytes [inStart, inEnd)) replaced by `replacement`. */
interface WordsChange {
  inStart: number;
  inEnd: number;
  wordFirst: number;
  wordEnd: number;
  replacement: Uint8Array;
  confidence: number;
  source: SuggestionSource;
}

const WORD = /[^ \t\n\r\v\f]+/g;

/** [start, end) of the ASCII-whitespace-separated words of a string, in UTF-16 units. */
function stringWords(text: string): Array<[number, number]> {
  return [...text.matchAll(WORD)].map((m) => [m.index, m.index + m[0].length] as [number, number]);
}

/** Punctuation or a symbol: what a writer types against a word ("vazno.", "(grazus),", "„Sejdiu“"). */
const MARK = /^[\p{P}\p{S}]$/u;

/**
 * How many UTF-16 units of punctuation `original` and `replacement` share at their start and at their end, leaving
 * at least one character of each: the suggestion leaves them out, so it names the word ("vazno" -> "važno", not
 * "vazno." -> "važno.") where the editor underlines it, Ignore names it and a LanguageTool client marks it.
 */
function sharedMarks(original: string, replacement: string): [number, number] {
  const a = [...original];
  const b = [...replacement];
  let lead = 0;
  while (lead < a.length - 1 && lead < b.length - 1 && a[lead] === b[lead] && MARK.test(a[lead]!)) lead++;
  let trail = 0;
  while (trail < a.length - lead - 1 && trail < b.length - lead - 1 && a.at(-1 - trail) === b.at(-1 - trail)
    && MARK.test(a.at(-1 - trail)!)) trail++;
  const units = (chars: string[]) => chars.join('').length;
  return [units(a.slice(0, lead)), units(a.slice(a.length - trail))];
}

function minProb(probs: ArrayLike<number>, start: number, end: number): number {
  let min = 1;
  for (let k = start; k < end; k++) min = Math.min(min, probs[k] ?? 0);
  return Math.max(0, min);
}

/**
 * Changes as suggestions, with spans relative to the unit's start: the changed whitespace-separated words, less the
 * punctuation that both sides share at their edges (sharedMarks). When the unit was not NFC, spans come from the
 * word indices of the original text (NFC never moves whitespace), so they still cover whole words of what the
 * caller wrote.
 */
function toSuggestions(unit: UnitInput, changes: WordsChange[], strip: StripFn): Suggestion[] {
  const nfc = decodeUtf8(unit.inputBytes);
  if (nfc === null) return [];
  const sameForm = nfc === unit.text;
  const originalWords = sameForm ? [] : stringWords(unit.text);
  if (!sameForm && originalWords.length !== stringWords(nfc).length) return [];
  const suggestions: Suggestion[] = [];
  for (const change of changes) {
    const decoded = decodeUtf8(change.replacement);
    if (decoded === null) continue;
    const wordStart = sameForm ? utf8ToUtf16Offset(unit.text, change.inStart) : originalWords[change.wordFirst]![0];
    const wordEnd = sameForm ? utf8ToUtf16Offset(unit.text, change.inEnd) : originalWords[change.wordEnd - 1]![1];
    const whole = unit.text.slice(wordStart, wordEnd);
    if (whole.normalize('NFC') === decoded) continue;
    const [lead, trail] = sharedMarks(whole, decoded);
    const [start, end] = [wordStart + lead, wordEnd - trail];
    const original = unit.text.slice(start, end);
    const replacement = decoded.slice(lead, decoded.length - trail);
    suggestions.push({
      span: { start, end },
      original,
      replacement,
      kind: strip(original.normalize('NFC')) === strip(replacement) ? 'diacritics' : 'spelling',
      source: change.source,
      confidence: change.confidence,
    });
  }
  return suggestions;
}

/** Suggestions of free decoding: the word diff of its output against the input, the model as their source. */
export function buildSuggestions(unit: UnitOutput, strip: StripFn): Suggestion[] {
  return toSuggestions(unit, diffWords(unit.inputBytes, unit.outputBytes).map((c) => ({
    inStart: c.inStart, inEnd: c.inEnd, wordFirst: c.inWordFirst, wordEnd: c.inWordEnd,
    replacement: unit.outputBytes.subarray(c.outStart, c.outEnd), confidence: minProb(unit.outputProbs, c.outStart, c.outEnd),
    source: 'model',
  })), strip);
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Suggestions of lexicon decoding, from the choice it made for each plan word: each whitespace-separated word of
 * the input that holds a written candidate other than the input becomes one suggestion. Its confidence is the
 * least posterior of the plan words ranked inside it, its source `typo` where one of its changes is a typo's
 * fix (another word's letters; a diacritic variant of a word that may be a typo is still `lexicon`). Null where a
 * written candidate holds whitespace, which only a word diff can place.
 */
export function suggestionsFromChoices(unit: UnitInput, plan: LexiconPlan, choices: readonly WordChoice[],
  strip: StripFn): Suggestion[] | null {
  const words = splitWords(unit.inputBytes);
  const changes: WordsChange[] = [];
  let w = 0;
  let k = 0;
  while (k < plan.words.length) {
    while (words[w]!.end <= plan.words[k]!.start) w++;
    const word = words[w]!;
    const parts: Uint8Array[] = [];
    let at = word.start;
    let confidence = 1;
    let changed = false;
    let source: SuggestionSource = 'lexicon';
    for (; k < plan.words.length && plan.words[k]!.start < word.end; k++) {
      const planned = plan.words[k]!;
      const choice = choices[k]!;
      confidence = Math.min(confidence, choice.confidence);
      const input = unit.inputBytes.subarray(planned.start, planned.end);
      const candidate = choice.candidate === null ? null : planned.candidates[choice.candidate]!;
      const written = candidate?.bytes ?? input;
      if (written.some(isSpace)) return null;
      if (sameBytes(written, input)) continue;
      changed = true;
      // The tagger's spelling of an unknown word, or its respelled ending, is a model's text, not a dictionary's.
      if (candidate?.proposed) source = 'model';
      else if (candidate?.fix && source === 'lexicon') source = 'typo';
      parts.push(unit.inputBytes.subarray(at, planned.start), written);
      at = planned.end;
    }
    if (!changed) continue;
    parts.push(unit.inputBytes.subarray(at, word.end));
    changes.push({ inStart: word.start, inEnd: word.end, wordFirst: w, wordEnd: w + 1,
      replacement: Buffer.concat(parts), confidence, source });
  }
  return toSuggestions(unit, changes, strip);
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
