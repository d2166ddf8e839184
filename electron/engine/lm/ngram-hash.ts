/**
 * The hashes of the word language model (twin of models/training/lm/ngram.py): a word is its FNV-1a 32-bit hash
 * over UTF-8 bytes; an n-gram is its order and word hashes mixed by multiplication with the golden ratio and
 * finished by MurmurHash3's fmix32. Stored keys are these values; no word strings are kept in the model file.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const GOLDEN = 0x9e3779b1;

/** FNV-1a 32-bit of the UTF-8 bytes of `token` (a lone surrogate counts as U+FFFD, as TextEncoder writes it). */
export function wordHashOf(token: string): number {
  let h = FNV_OFFSET;
  const byte = (b: number) => { h = Math.imul(h ^ b, FNV_PRIME); };
  for (let i = 0; i < token.length; i++) {
    let c = token.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < token.length) {
      const d = token.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // unpaired surrogate
    if (c < 0x80) byte(c);
    else if (c < 0x800) { byte(0xc0 | (c >> 6)); byte(0x80 | (c & 63)); }
    else if (c < 0x10000) { byte(0xe0 | (c >> 12)); byte(0x80 | ((c >> 6) & 63)); byte(0x80 | (c & 63)); }
    else {
      byte(0xf0 | (c >> 18)); byte(0x80 | ((c >> 12) & 63)); byte(0x80 | ((c >> 6) & 63)); byte(0x80 | (c & 63));
    }
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser, unsigned. */
export function fmix32(k: number): number {
  k ^= k >>> 16;
  k = Math.imul(k, 0x85ebca6b);
  k ^= k >>> 13;
  k = Math.imul(k, 0xc2b2ae35);
  k ^= k >>> 16;
  return k >>> 0;
}

const mix = (k: number, h: number) => Math.imul(k ^ h, GOLDEN);

/** Key of the unigram w (word hash). */
export function key1(w: number): number {
  return fmix32(mix(1, w));
}

/** Key of the bigram v w. */
export function key2(v: number, w: number): number {
  return fmix32(mix(mix(2, v), w));
}

/** Key of the trigram u v w. */
export function key3(u: number, v: number, w: number): number {
  return fmix32(mix(mix(mix(3, u), v), w));
}

/** Key of an n-gram of any order, from its word hashes (tests and tools; the three above are the fast paths). */
export function ngramKey(hashes: readonly number[]): number {
  let k = hashes.length;
  for (const h of hashes) k = mix(k, h);
  return fmix32(k);
}
