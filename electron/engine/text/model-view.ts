/**
 * What the model is shown of a unit: the unit without the characters it cannot read or write, and the way
 * back from its offsets to the unit's.
 *
 * Why: the model reads and writes UTF-8 bytes of the text it was trained on. A character outside that (a lone
 * surrogate, which TextEncoder turns into U+FFFD; U+FFFD itself, left by a lossy decode; control characters;
 * emoji and other symbols) still reaches it as bytes and changes what it does with the words around it, and
 * in free decoding it has to write those bytes back, which it cannot: it writes other bytes (🙂 came back as
 * "Medd"), or invalid UTF-8 (👍 glued to a word), and then the whole sentence is dropped. Such characters are
 * taken out of the model's input; a run of them between two letters becomes a space, so the letters on either
 * side are not read as one word. Spans of suggestions are mapped back to the unit, and a suggestion that would
 * rewrite a hidden character, or a fragment of a word that lost text splits, is dropped: the hidden characters
 * stay exactly as they were, and the words around them are corrected as if they were not there.
 */
import type { Suggestion } from '../../shared/types.ts';

/**
 * Characters that stand for text that was lost: lone surrogates, U+FFFD, C0 and C1 controls other than tab,
 * and the byte-order mark. Between two letters they break a word, whose fragments are then left alone.
 */
const BROKEN = /[\p{Cs}\uFFFD\uFEFF\u0000-\u0008\u000a-\u001f\u007f-\u009f]/u;
/**
 * Symbols the model never learnt to write: emoji and other pictographs, other symbols (\p{So}: ★ ✓ ™), private
 * use, every code point outside the BMP (four UTF-8 bytes, absent from the training text: in free decoding the
 * model copied none of 😀 👍 🙂 🇱🇹 𝑥 back, nor ❤ ☺ ✓ ★ ™), and the joiners and selectors of emoji sequences
 * (ZWJ, VS15/VS16, the keycap). They separate words; they never break one.
 */
const SYMBOL = /[\p{Extended_Pictographic}\p{So}\p{Co}\u{10000}-\u{10FFFF}\u200D\uFE0E\uFE0F\u20E3]/u;
const HIDDEN = new RegExp(`${BROKEN.source}|${SYMBOL.source}`, 'u');
const HIDDEN_RUN = new RegExp(`(?:${HIDDEN.source})+`, 'gu');
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const SPACE = /\s/u;

/** A unit as the model sees it. */
export interface ModelView {
  /** The unit without hidden characters: what is encoded for the model. */
  text: string;
  /** For each UTF-16 unit of `text`, its offset in the unit (a separating space: the start of the run). */
  source: Int32Array;
  /** Whether the unit has hidden characters at all (if not, `text` is the unit itself). */
  changed: boolean;
  /**
   * [start, end) of each hidden run in the unit, and whether it broke a word (lost text between two letters;
   * a space stands for it in the view and the fragments on either side are not corrected).
   */
  hidden: Array<{ start: number; end: number; splitsWord: boolean }>;
}

/** The character (code point) ending at `at` in `text`, or ''. */
function charBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 && /[\uD800-\uDBFF]/.test(text[at - 2]!)
    ? text.slice(at - 2, at) : text[at - 1]!;
}

/** The model's view of `unit`. */
export function modelView(unit: string): ModelView {
  if (!HIDDEN.test(unit)) {
    return { text: unit, source: Int32Array.from(unit, (_c, i) => i), changed: false, hidden: [] };
  }
  let text = '';
  const source: number[] = [];
  const hidden: ModelView['hidden'] = [];
  let at = 0;
  const copy = (from: number, to: number) => {
    for (let i = from; i < to; i++) source.push(i);
    text += unit.slice(from, to);
  };
  for (const run of unit.matchAll(HIDDEN_RUN)) {
    const start = run.index;
    let end = start + run[0].length;
    copy(at, start);
    const before = charBefore(text, text.length);
    const after = String.fromCodePoint(unit.codePointAt(end) ?? 0x20);
    const betweenLetters = WORD_CHAR.test(before) && WORD_CHAR.test(after);
    hidden.push({ start, end, splitsWord: betweenLetters && BROKEN.test(run[0]) });
    if (betweenLetters) {
      text += ' '; // keep the two sides apart: they are not one word
      source.push(start);
    } else if ((before === '' || SPACE.test(before)) && end < unit.length && SPACE.test(unit[end]!)) {
      end++; // between spaces (or at the start): drop one space too, so the model reads "a b" for "a <x> b"
    } else if (end === unit.length && SPACE.test(before)) {
      text = text.slice(0, -1); // at the end after a space: drop that space
      source.pop();
    }
    at = end;
  }
  copy(at, unit.length);
  return { text, source: Int32Array.from(source), changed: true, hidden };
}

/**
 * Suggestions made on `view.text` moved onto the unit. Dropped: any that would touch a hidden character, or
 * that changes a fragment of a word a hidden run splits (the writer's word is broken, not misspelt).
 */
export function suggestionsOnUnit(unit: string, view: ModelView, suggestions: Suggestion[]): Suggestion[] {
  if (!view.changed) return suggestions;
  const out: Suggestion[] = [];
  for (const s of suggestions) {
    if (s.span.end <= s.span.start) continue;
    const start = view.source[s.span.start]!;
    // Spans end after a copied code unit (never on a separating space), which sits at the same place in the unit.
    const end = view.source[s.span.end - 1]! + 1;
    const blocked = view.hidden.some((h) => (h.start < end && h.end > start)
      || (h.splitsWord && (h.end === start || h.start === end)));
    if (blocked) continue;
    out.push({ ...s, span: { start, end }, original: unit.slice(start, end) });
  }
  return out;
}
