/**
 * How `ogonek fix` cuts streamed input into the pieces it corrects and writes one at a time (issue 15,
 * item 5): paragraphs, long ones at line breaks, then sentence boundaries, then spaces; the pieces always
 * join back to the input, whatever the chunking of the stream.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutPoint, ParagraphSplitter, PieceDocuments } from '../../../../electron/engine/text/paragraphs.ts';

function split(chunks: string[], max?: number): { early: string[][]; pieces: string[] } {
  const splitter = new ParagraphSplitter(max);
  const early = chunks.map((c) => splitter.push(c));
  return { early, pieces: [...early.flat(), ...splitter.end()] };
}

describe('ParagraphSplitter', () => {
  it.each([
    ['two paragraphs', ['Vienas.\n\nDu.\n'], ['Vienas.\n\n', 'Du.\n']],
    ['blank lines with spaces and CRLF stay with the paragraph before them', ['A.\r\n  \r\n\r\nB.'], ['A.\r\n  \r\n\r\n', 'B.']],
    ['a single line break is no paragraph break', ['A.\nB.\n\nC.'], ['A.\nB.\n\n', 'C.']],
    ['a break split across chunks', ['A.\n', '\n', 'B.'], ['A.\n\n', 'B.']],
    ['no input', [], []],
    ['only blank lines', ['\n\n\n'], ['\n\n\n']],
  ])('%s', (_name, chunks, pieces) => {
    expect(split(chunks).pieces).toEqual(pieces);
  });

  it('hands out a paragraph as soon as the next one starts, not at the end of the input', () => {
    expect(split(['Pirmas.\n\nAnt', 'ras.\n']).early).toEqual([['Pirmas.\n\n'], []]);
  });

  it('waits while a break at the end of the input so far may still grow', () => {
    expect(split(['Pirmas.\n\n', '\nAntras.']).early).toEqual([[], ['Pirmas.\n\n\n']]);
  });

  it.each([
    ['at the last line break', 'aaa bbb\nccc ddd\neee', 12, 'aaa bbb\nccc ddd\n'.indexOf('ccc')],
    ['else at the last sentence boundary', 'Vienas du. Trys keturi. Penki sesi septyni', 30, 'Vienas du. Trys keturi. '.length],
    ['else after the last space', 'vienas du trys keturi penki', 20, 'vienas du trys '.length],
    ['else at the limit, but never inside a surrogate pair', 'a'.repeat(9) + '😀😀', 10, 9],
  ])('a piece over the limit is cut %s', (_name, text, max, cut) => {
    expect(cutPoint(text, max)).toBe(cut);
  });

  it('property: pieces join back to the input and none is longer than the limit', () => {
    const piece = fc.constantFrom('Labas', ' ', '. ', '\n', '\n\n', '\r\n', '  \n', 'ą', '😀', 'x', 'Taip? ');
    fc.assert(fc.property(fc.array(piece, { maxLength: 200 }).map((p) => p.join('')), fc.integer({ min: 1, max: 9 }),
      fc.integer({ min: 8, max: 64 }), (text, chunkCount, max) => {
        const size = Math.ceil(text.length / chunkCount) || 1;
        const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
        const { pieces } = split(chunks, max);
        expect(pieces.join('')).toBe(text);
        for (const p of pieces) expect(p.length).toBeLessThanOrEqual(max);
        expect(pieces.every((p) => p.length > 0)).toBe(true);
      }), { numRuns: 300 });
  });
});

describe('PieceDocuments: each piece with the text before it, as far as the look-back reaches', () => {
  it.each([
    // lookBack, pieces -> documents
    [100, ['Prvi redak.\n', 'Drugi redak.\n', 'Treći.'], ['Prvi redak.\n', 'Prvi redak.\nDrugi redak.\n',
      'Prvi redak.\nDrugi redak.\nTreći.']],
    // beyond the look-back the text before starts at a line's start
    [20, ['Prvi redak.\n', 'Drugi redak.\n', 'Treći.'], ['Prvi redak.\n', 'Prvi redak.\nDrugi redak.\n',
      'Drugi redak.\nTreći.']],
    // without a line break, at a word's start
    [16, ['Prva rečenica. ', 'Druga. ', 'Treća.'], ['Prva rečenica. ', 'Prva rečenica. Druga. ', 'Druga. Treća.']],
  ])('look-back %i: %j -> %j', (lookBack, pieces, expected) => {
    const documents = new PieceDocuments(lookBack);
    expect(pieces.map((piece) => documents.next(piece))).toEqual(expected);
  });
});
