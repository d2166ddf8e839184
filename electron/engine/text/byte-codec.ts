/**
 * Text <-> model ids, per models/ONNX-CONTRACT.md: bytes are ids 3..258, the encoder input is
 * [language tag, bytes..., EOS] and the decoder emits bytes followed by EOS.
 */
import { LANGUAGES, type LanguageCode } from '../../shared/types.ts';

export const PAD_ID = 0;
export const EOS_ID = 1;
export const BOS_ID = 2;
export const BYTE_OFFSET = 3;
/** Tag ids follow the byte ids in LANGUAGES order. */
export const FIRST_TAG_ID = 259;
export const AUTO_TAG_ID = 279;

const encoder = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** Tag id of a language, or of AUTO when the language is not known. */
export function tagId(language: LanguageCode | 'auto'): number {
  if (language === 'auto') return AUTO_TAG_ID;
  const index = LANGUAGES.indexOf(language);
  if (index < 0) throw new RangeError(`unknown language '${String(language)}'`);
  return FIRST_TAG_ID + index;
}

/**
 * Whether the model can take this text unchanged: no lone surrogates (they would silently become U+FFFD),
 * no NUL or other C0/C1 control characters except tab, and NFC already (callers normalise first).
 */
export function isModelSafe(text: string): boolean {
  if (LONE_SURROGATE.test(text)) return false;
  return !/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(text);
}

/** UTF-8 bytes of well-formed text. */
export function utf8Bytes(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Encoder input ids for already-encoded sentence bytes. */
export function encoderIds(bytes: Uint8Array, language: LanguageCode | 'auto'): Int32Array {
  const ids = new Int32Array(bytes.length + 2);
  ids[0] = tagId(language);
  for (let i = 0; i < bytes.length; i++) ids[i + 1] = bytes[i]! + BYTE_OFFSET;
  ids[bytes.length + 1] = EOS_ID;
  return ids;
}

/** Ids of raw bytes (the draft alphabet). */
export function byteIds(bytes: Uint8Array): Int32Array {
  const ids = new Int32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) ids[i] = bytes[i]! + BYTE_OFFSET;
  return ids;
}

/**
 * Bytes of a decoder output (ids up to, not including, EOS), or null when the output is unusable:
 * a non-byte id (PAD, BOS, a tag), no EOS, or bytes that are not valid UTF-8.
 */
export function outputBytes(ids: ArrayLike<number>): Uint8Array | null {
  const bytes: number[] = [];
  let ended = false;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id === EOS_ID) {
      ended = true;
      break;
    }
    if (id < BYTE_OFFSET || id >= BYTE_OFFSET + 256) return null;
    bytes.push(id - BYTE_OFFSET);
  }
  if (!ended) return null;
  const out = Uint8Array.from(bytes);
  return decodeUtf8(out) === null ? null : out;
}

/** Strict UTF-8 decoding: null for invalid sequences. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return strictDecoder.decode(bytes);
  } catch {
    return null;
  }
}
