/**
 * Cuts streamed text into the pieces `ogonek fix` corrects and writes one at a time: paragraphs (text up to
 * and including a run of blank lines), and pieces of at most `max` characters of longer paragraphs, cut at a
 * line break, else at a sentence boundary, else at a space. The engine never corrects across a line break
 * (sentences end there), so cutting at one changes no correction; a sentence boundary found by the same
 * Intl.Segmenter the engine uses changes none either, as far as the segmenter agrees with itself on a
 * window. Joining the pieces gives back the input exactly.
 */

/** Longest piece handed to the engine at once: about 40 sentences, a fraction of a second of work. */
export const MAX_PIECE = 4096;

/** A paragraph break: a line break and at least one more line that holds only spaces. */
const PARAGRAPH_BREAK = /\r?\n(?:[ \t]*\r?\n)+/g;

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;

/** Where to cut `text` (longer than `max`) so that the first piece is at most `max` characters long. */
export function cutPoint(text: string, max: number): number {
  const head = text.slice(0, max);
  const lineBreak = head.lastIndexOf('\n');
  if (lineBreak > 0) return lineBreak + 1;
  let lastStart = 0;
  for (const { index } of sentences.segment(head)) lastStart = index;
  // The last segment may be a sentence cut short by the window: the boundary before it is a real one.
  if (lastStart > 0) return lastStart;
  const space = head.search(/\s\S*$/u);
  if (space > 0) return space + 1;
  return isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max; // never split a surrogate pair
}

/** Collects streamed text and hands out complete pieces. */
export class ParagraphSplitter {
  private pending = '';

  constructor(private readonly max = MAX_PIECE) {}

  /** Adds text; returns the pieces now complete (possibly none). */
  push(text: string): string[] {
    this.pending += text;
    const out: string[] = [];
    for (;;) {
      let end = -1;
      PARAGRAPH_BREAK.lastIndex = 0;
      for (const m of this.pending.matchAll(PARAGRAPH_BREAK)) {
        // A break at the very end may go on with more blank lines in the next chunk: wait for it.
        if (m.index + m[0].length < this.pending.length) end = m.index + m[0].length;
        break;
      }
      if (end < 0 || end > this.max) {
        if (this.pending.length <= this.max) break;
        end = cutPoint(this.pending, this.max);
      }
      out.push(this.pending.slice(0, end));
      this.pending = this.pending.slice(end);
    }
    return out;
  }

  /** The input ended: whatever is left, in pieces of at most `max` characters. */
  end(): string[] {
    const out: string[] = [];
    while (this.pending.length > this.max) {
      const end = cutPoint(this.pending, this.max);
      out.push(this.pending.slice(0, end));
      this.pending = this.pending.slice(end);
    }
    if (this.pending.length > 0) out.push(this.pending);
    this.pending = '';
    return out;
  }
}

/**
 * How much of the text before a piece goes with it as its document (CorrectOptions.document), so that a name the
 * text repeats counts across pieces (et "Obu" recurs 41 lines, a piece, after its first mention): about sixteen
 * pieces, and what a stream keeps in memory besides its piece.
 */
export const LOOK_BACK = 65_536;

/** The document of each piece of a stream, in order: the text before it (at most LOOK_BACK characters) and the piece. */
export class PieceDocuments {
  private before = '';

  constructor(private readonly lookBack = LOOK_BACK) {}

  /** The document of the next piece. */
  next(piece: string): string {
    const document = this.before + piece;
    let kept = document.slice(-this.lookBack);
    // Cut at a line's start, else at a space: a piece of a word is no word, and a line's first word starts a sentence.
    if (kept.length < document.length) {
      const line = kept.indexOf('\n');
      kept = kept.slice((line >= 0 ? line : kept.search(/\s/u)) + 1);
    }
    this.before = kept;
    return document;
  }
}
