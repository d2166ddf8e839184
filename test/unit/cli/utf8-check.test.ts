/**
 * Where input stops being UTF-8 (electron/cli/utf8-check.ts, issue 15, item 7): the byte offset and line of
 * every ill-formed sequence, counted as TextDecoder counts its U+FFFD, whatever the chunking.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeBytes, Utf8Checker, type Utf8Problem } from '../../../electron/cli/utf8-check.ts';

const FIXTURES = new URL('../../fixtures/invalid-utf8/', import.meta.url);

function problems(bytes: Uint8Array, chunk = bytes.length || 1): Utf8Problem[] {
  const checker = new Utf8Checker();
  const out: Utf8Problem[] = [];
  for (let i = 0; i < bytes.length; i += chunk) out.push(...checker.push(bytes.subarray(i, i + chunk)));
  return [...out, ...checker.end()];
}

describe('Utf8Checker', () => {
  it.each([
    ['latin2.txt', 12, 2, /0xF8.*never occurs in UTF-8/],
    ['wtf8-surrogate.txt', 22, 1, /0xED 0xA0: an encoded UTF-16 surrogate/],
    ['truncated.txt', 28, 2, /0xE2 0x82: an incomplete or overlong sequence/],
    ['stray-continuation.txt', 7, 1, /0x80: a continuation byte without a lead byte/],
  ])('fixture %s: first problem at byte %i, line %i', (name, offset, line, description) => {
    const bytes = readFileSync(new URL(name, FIXTURES));
    for (const chunk of [1, 2, 3, 64]) {
      const [first] = problems(bytes, chunk);
      expect({ offset: first?.offset, line: first?.line }).toEqual({ offset, line });
      expect(describeBytes(first!.bytes)).toMatch(description);
    }
  });

  it.each([
    ['ASCII', [0x61, 0x62]],
    ['two-byte ž', [0xc5, 0xbe]],
    ['three-byte €', [0xe2, 0x82, 0xac]],
    ['four-byte 😀', [0xf0, 0x9f, 0x98, 0x80]],
    ['the last code point U+10FFFF', [0xf4, 0x8f, 0xbf, 0xbf]],
    ['U+D7FF, just below the surrogates', [0xed, 0x9f, 0xbf]],
  ])('valid: %s', (_name, bytes) => {
    expect(problems(Uint8Array.from(bytes))).toEqual([]);
  });

  it('property: as many problems as a lossy TextDecoder writes U+FFFD, whatever the chunk size', () => {
    const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(0x61, 0xc5, 0xbe, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0xe2));
    fc.assert(fc.property(fc.array(byte, { maxLength: 40 }), fc.integer({ min: 1, max: 7 }), (list, chunk) => {
      const bytes = Uint8Array.from(list);
      const replacements = [...new TextDecoder().decode(bytes)].filter((c) => c === '\uFFFD').length;
      // A literal U+FFFD in the input (EF BF BD) is valid: do not count it.
      const encoded = list.join(',').split('239,191,189').length - 1;
      expect(problems(bytes, chunk).length).toBe(replacements - encoded);
    }), { numRuns: 500 });
  });
});
