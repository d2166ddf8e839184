/**
 * Which part of the document to (re)check after an edit. The unit is the paragraph (lines between blank
 * lines), so the engine sees whole sentences even in hard-wrapped Markdown; a paragraph longer than
 * MAX_UNIT is narrowed to the edited lines and then to sentence boundaries, so a 1 MB paste without
 * blank lines is not re-sent on every keystroke. Pure functions over CodeMirror's Text.
 */
import type { Text } from '@codemirror/state';

/** A half-open document range [from, to). */
export interface Range {
  from: number;
  to: number;
}

/** Longest unit sent as one request while typing. */
export const MAX_UNIT = 3000;

const BLANK = /^\s*$/;
/** Where a sentence may end: terminal punctuation followed by a space. */
const SENTENCE_END = /[.!?…。]["'»”)\]]*\s+/g;

/** The paragraph containing `pos`: the run of non-blank lines around it (a blank line is its own unit). */
export function paragraphAt(doc: Text, pos: number): Range {
  let first = doc.lineAt(pos);
  let last = first;
  if (BLANK.test(first.text)) return { from: first.from, to: first.to };
  while (first.number > 1) {
    const previous = doc.line(first.number - 1);
    if (BLANK.test(previous.text)) break;
    first = previous;
  }
  while (last.number < doc.lines) {
    const next = doc.line(last.number + 1);
    if (BLANK.test(next.text)) break;
    last = next;
  }
  return { from: first.from, to: last.to };
}

/** Sorts and merges overlapping or touching ranges. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to);
    else merged.push({ ...range });
  }
  return merged;
}

/** The units to check so that every changed range is covered, in document order, without blank units. */
export function unitsFor(doc: Text, dirty: readonly Range[]): Range[] {
  const units: Range[] = [];
  for (const range of mergeRanges(dirty)) {
    let pos = Math.min(range.from, doc.length);
    const end = Math.min(range.to, doc.length);
    do {
      const paragraph = paragraphAt(doc, pos);
      units.push(...narrow(doc, paragraph, { from: Math.max(pos, paragraph.from), to: Math.min(end, paragraph.to) }));
      pos = paragraph.to + 1;
    } while (pos <= end);
  }
  return mergeRanges(units).filter((unit) => !BLANK.test(doc.sliceString(unit.from, unit.to)));
}

/** Every unit of the document (for a full check after opening a file). */
export function allUnits(doc: Text): Range[] {
  return unitsFor(doc, [{ from: 0, to: doc.length }]);
}

/** Shrinks an over-long paragraph to the lines, then the sentences, around `edited`. */
function narrow(doc: Text, paragraph: Range, edited: Range): Range[] {
  if (paragraph.to - paragraph.from <= MAX_UNIT) return [paragraph];
  const lines: Range[] = [];
  for (let n = doc.lineAt(edited.from).number; n <= doc.lineAt(edited.to).number; n++) {
    const line = doc.line(n);
    lines.push(...(line.length <= MAX_UNIT ? [{ from: line.from, to: line.to }] : sentencesAround(doc, line, edited)));
  }
  return lines;
}

function sentencesAround(doc: Text, line: Range, edited: Range): Range[] {
  const windowFrom = Math.max(line.from, edited.from - MAX_UNIT / 2);
  const windowTo = Math.min(line.to, edited.to + MAX_UNIT / 2);
  const text = doc.sliceString(windowFrom, windowTo);
  const boundaries = [...text.matchAll(SENTENCE_END)].map((m) => windowFrom + m.index + m[0].length);
  let from = windowFrom;
  let to = windowTo;
  // Cut at the sentence boundaries nearest the edit; without punctuation, at a space so no word is split.
  if (windowFrom > line.from) {
    from = boundaries.filter((b) => b <= edited.from).at(-1) ?? spaceAfter(text, windowFrom, edited.from);
  }
  if (windowTo < line.to) {
    to = boundaries.find((b) => b >= edited.to) ?? spaceBefore(text, windowFrom, edited.to, windowTo);
  }
  return [{ from, to }];
}

function spaceAfter(text: string, offset: number, limit: number): number {
  const index = text.slice(0, limit - offset).search(/\s/);
  return index < 0 ? offset : offset + index + 1;
}

function spaceBefore(text: string, offset: number, limit: number, end: number): number {
  const tail = text.slice(limit - offset, end - offset);
  const index = tail.search(/\s\S*$/);
  return index < 0 ? end : limit + index;
}
