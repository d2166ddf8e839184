import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8ToUtf16Offset } from '../../../../electron/engine/text/utf8-offsets.ts';

const encode = (s: string) => new TextEncoder().encode(s);

describe('utf8ToUtf16Offset', () => {
  it.each([
    // text, byte offset, UTF-16 offset
    ['abc', 0, 0],
    ['abc', 3, 3],
    ['ąb', 2, 1],
    ['ąb', 1, 0], // inside ą: start of the character
    ['a😀b', 1, 1],
    ['a😀b', 5, 3], // after the surrogate pair
    ['a😀b', 3, 1], // inside the emoji, never between its surrogates
    ['e\u0301x', 3, 2], // combining acute is its own code point (2 bytes)
    ['a\r\nb', 3, 3],
    ['\ud800x', 3, 1], // lone surrogate = U+FFFD, 3 bytes
    ['x\udc00', 4, 2],
    ['👩‍👩‍👧', 18, 8], // ZWJ sequence: 3 emoji (4 bytes) + 2 ZWJ (3 bytes)
    ['', 0, 0],
  ])('%j at byte %i -> %i', (text, byte, expected) => {
    expect(utf8ToUtf16Offset(text, byte)).toBe(expected);
  });

  it.each([['abc', 4], ['abc', -1], ['abc', 1.5]])('rejects %j at %d', (text, byte) => {
    expect(() => utf8ToUtf16Offset(text, byte)).toThrow(RangeError);
  });

  const pieces = fc.constantFrom('a', ' ', '\r\n', 'ą', 'ő', 'ậ', '😀', '👩‍👩‍👧', '\u0301', 'ש', '\u200d', '\ud800', '\udfff', '\0', '字');
  const textArb = fc.oneof(fc.array(pieces, { maxLength: 30 }).map((p) => p.join('')), fc.string({ unit: 'binary' }));

  it('property: the byte offset of every code point boundary maps back to that boundary', () => {
    fc.assert(fc.property(textArb, (text) => {
      let i = 0;
      while (i <= text.length) {
        expect(utf8ToUtf16Offset(text, encode(text.slice(0, i)).length)).toBe(i);
        const unit = text.charCodeAt(i);
        const pair = unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
        i += pair ? 2 : 1;
      }
    }), { numRuns: 500 });
  });

  it('property: monotonic over all bytes, never splits a surrogate pair, ends at the string end', () => {
    fc.assert(fc.property(textArb, (text) => {
      const total = encode(text).length;
      let previous = 0;
      for (let b = 0; b <= total; b++) {
        const u = utf8ToUtf16Offset(text, b);
        expect(u).toBeGreaterThanOrEqual(previous);
        const low = text.charCodeAt(u);
        const high = text.charCodeAt(u - 1);
        expect((low & 0xfc00) === 0xdc00 && (high & 0xfc00) === 0xd800).toBe(false);
        previous = u;
      }
      expect(utf8ToUtf16Offset(text, total)).toBe(text.length);
    }), { numRuns: 300 });
  });
});
