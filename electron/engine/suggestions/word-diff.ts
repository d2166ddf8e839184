/**
 * Word-level diff of the model output against its input, both as UTF-8 bytes. Words are runs of non-ASCII-
 * whitespace bytes; a change is a run of input words replaced by a run of output words. Changes that only
 * touch whitespace are dropped: the engine never suggests rewriting spaces alone.
 */

/** A word as a byte range [start, end). */
export interface ByteWord {
  start: number;
  end: number;
}

/** One changed region: input words [inFirst, inLast] replaced by output words [outFirst, outLast]. */
export interface WordChange {
  /** Byte range in the input, from the first changed word's start to the last one's end. */
  inStart: number;
  inEnd: number;
  /** Byte range in the output. */
  outStart: number;
  outEnd: number;
  /** Index range [first, end) of the changed words in the input's word list. */
  inWordFirst: number;
  inWordEnd: number;
  /** Index range [first, end) of the replacing words in the output's word list. */
  outWordFirst: number;
  outWordEnd: number;
}

/** ASCII whitespace: what separates words. */
export function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x0b || byte === 0x0c;
}

/** Words of a byte string. */
export function splitWords(bytes: Uint8Array): ByteWord[] {
  const words: ByteWord[] = [];
  let i = 0;
  while (i < bytes.length) {
    while (i < bytes.length && isSpace(bytes[i]!)) i++;
    if (i >= bytes.length) break;
    const start = i;
    while (i < bytes.length && !isSpace(bytes[i]!)) i++;
    words.push({ start, end: i });
  }
  return words;
}

function sameBytes(a: Uint8Array, aw: ByteWord, b: Uint8Array, bw: ByteWord): boolean {
  if (aw.end - aw.start !== bw.end - bw.start) return false;
  for (let k = 0; k < aw.end - aw.start; k++) if (a[aw.start + k] !== b[bw.start + k]) return false;
  return true;
}

/** Non-whitespace bytes of a range, to tell whitespace-only edits apart. */
function ink(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let k = start; k < end; k++) if (!isSpace(bytes[k]!)) out += String.fromCharCode(bytes[k]!);
  return out;
}

/** Longest-common-subsequence matching of words: pairs [inputIndex, outputIndex], increasing. */
function matchWords(input: Uint8Array, iw: ByteWord[], output: Uint8Array, ow: ByteWord[]): Array<[number, number]> {
  const n = iw.length;
  const m = ow.length;
  const table = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = sameBytes(input, iw[i]!, output, ow[j]!)
        ? table[(i + 1) * (m + 1) + j + 1]! + 1
        : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (sameBytes(input, iw[i]!, output, ow[j]!) && table[i * (m + 1) + j] === table[(i + 1) * (m + 1) + j + 1]! + 1) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/**
 * Changed regions between input and output. A region whose words differ on both sides in equal number is
 * split into one change per word (one suggestion per word reads best). A pure insertion or deletion is
 * attached to a neighbouring unchanged word so that every change replaces at least one input word.
 */
export function diffWords(input: Uint8Array, output: Uint8Array): WordChange[] {
  const iw = splitWords(input);
  const ow = splitWords(output);
  const pairs = matchWords(input, iw, output, ow);
  pairs.push([iw.length, ow.length]); // sentinel closing the last gap
  const changes: WordChange[] = [];
  let borrowedUpTo = -1; // input index of a matched word already used by the previous change
  let pi = 0;
  let pj = 0;
  for (const [mi, mj] of pairs) {
    if (mi > pi || mj > pj) {
      if (mi - pi === mj - pj) {
        for (let k = 0; k < mi - pi; k++) push(changes, input, iw, output, ow, pi + k, pi + k + 1, pj + k, pj + k + 1);
      } else if (mi > pi && mj > pj) {
        push(changes, input, iw, output, ow, pi, mi, pj, mj);
      } else if (pi > 0) {
        // An empty side borrows the matched word before it, merging with a change that already holds it.
        let [i0, j0] = [pi - 1, pj - 1];
        const last = changes.at(-1);
        if (last && borrowedUpTo === pi - 1 && last.inWordEnd === pi) {
          changes.pop();
          [i0, j0] = [last.inWordFirst, last.outWordFirst];
        }
        push(changes, input, iw, output, ow, i0, mi, j0, mj);
      } else if (mi < iw.length) {
        push(changes, input, iw, output, ow, pi, mi + 1, pj, mj + 1);
        borrowedUpTo = mi;
      }
      // else: both texts have no common word and one of them is empty; nothing to anchor a change to.
    }
    [pi, pj] = [mi + 1, mj + 1];
  }
  return changes;
}

function push(changes: WordChange[], input: Uint8Array, iw: ByteWord[], output: Uint8Array, ow: ByteWord[],
  i0: number, i1: number, j0: number, j1: number): void {
  const change: WordChange = {
    inStart: iw[i0]!.start, inEnd: iw[i1 - 1]!.end, outStart: ow[j0]!.start, outEnd: ow[j1 - 1]!.end,
    inWordFirst: i0, inWordEnd: i1, outWordFirst: j0, outWordEnd: j1,
  };
  if (ink(input, change.inStart, change.inEnd) === ink(output, change.outStart, change.outEnd)) return;
  changes.push(change);
}
