/**
 * The one place where UTF-8 byte offsets (what the model sees) become UTF-16 code-unit offsets (what every
 * caller of the engine sees). Everything else in the engine goes through this function.
 */

/** UTF-8 length of the code point starting with code unit `unit` (`next` is the code unit after it). */
function charBytes(unit: number, next: number): { bytes: number; units: number } {
  if (unit < 0x80) return { bytes: 1, units: 1 };
  if (unit < 0x800) return { bytes: 2, units: 1 };
  if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return { bytes: 4, units: 2 };
  // Other BMP code points, and lone surrogates: TextEncoder writes a lone surrogate as U+FFFD (3 bytes).
  return { bytes: 3, units: 1 };
}

/**
 * Maps a byte offset into `new TextEncoder().encode(text)` to the UTF-16 offset into `text`.
 * An offset that falls inside a multi-byte character maps to the start of that character, so a span never
 * splits a surrogate pair. Lone surrogates count as the 3 bytes of U+FFFD, as TextEncoder writes them.
 * @throws RangeError when `byteOffset` is negative, not an integer, or past the end of the encoded text.
 */
export function utf8ToUtf16Offset(text: string, byteOffset: number): number {
  if (!Number.isInteger(byteOffset) || byteOffset < 0) {
    throw new RangeError(`byte offset ${byteOffset} is not a non-negative integer`);
  }
  let bytes = 0;
  let i = 0;
  while (i < text.length) {
    const { bytes: width, units } = charBytes(text.charCodeAt(i), text.charCodeAt(i + 1));
    if (byteOffset < bytes + width) return i;
    bytes += width;
    i += units;
  }
  if (byteOffset === bytes) return text.length;
  throw new RangeError(`byte offset ${byteOffset} is past the end of the text (${bytes} bytes)`);
}
