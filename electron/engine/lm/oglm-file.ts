/**
 * The OGLM container (models/training/lm/lmfile.py): sorted hashed n-gram keys with quantized log10 probabilities and
 * backoff weights, per order. The word trigram LM (ngram-model.ts) and the letter models of spellings
 * (spelling-model.ts) are both stored in it.
 */
import type { LanguageCode } from '../../shared/types.ts';

const MAGIC = 'OGLM';
const VERSION = 1;
/** Stored q means log10 = -q / QUANT_STEPS. */
export const QUANT_STEPS = 20;

/** What the builders write in the file's JSON header (the fields the reader relies on are checked). */
export interface NgramHeader {
  order: number;
  lang: string;
  /** N-grams stored per order (1..order). */
  counts: number[];
  [field: string]: unknown;
}

/** One order's n-grams: keys ascending, quantized log10 probabilities and (below the highest order) backoffs. */
export interface OrderTable {
  keys: Uint32Array;
  logp: Uint8Array;
  /** Empty for the highest order. */
  backoff: Uint8Array;
}

/** Index of `key` in ascending `keys`, or -1. */
export function find(keys: Uint32Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid]!;
    if (k < key) lo = mid + 1;
    else if (k > key) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The header and the per-order arrays of an OGLM file (models/training/lm/lmfile.py). */
export interface OglmTables {
  header: NgramHeader;
  orders: OrderTable[];
}

/**
 * Parses the decompressed bytes of an OGLM file of `order` orders (3: a word LM; 5: a letter model of spellings)
 * holding the model of `lang`; throws an Error saying what is wrong.
 */
export function parseOglm(bytes: Uint8Array, lang: LanguageCode, order: number): OglmTables {
  // Typed-array views need 4-byte alignment: copy a buffer that starts elsewhere (one copy, at load).
  if (bytes.byteOffset % 4 !== 0) bytes = new Uint8Array(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || String.fromCharCode(...bytes.subarray(0, 4)) !== MAGIC) throw new Error('not an OGLM file');
  const version = view.getUint32(4, true);
  if (version !== VERSION) throw new Error(`version ${version}, expected ${VERSION}`);
  const headerLength = view.getUint32(8, true);
  if (12 + headerLength > bytes.length) throw new Error('truncated header');
  let header: NgramHeader;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(12, 12 + headerLength)));
  } catch {
    throw new Error('unreadable header');
  }
  const counts = header?.counts;
  if (header?.order !== order || !Array.isArray(counts) || counts.length !== order ||
    !counts.every((c) => Number.isSafeInteger(c) && c >= 0)) throw new Error(`header without order ${order} and its counts`);
  if (header.lang !== lang) throw new Error(`holds the model of ${JSON.stringify(header.lang)}`);
  const align = (at: number) => at + (-at & 3);
  let at = align(12 + headerLength);
  const orders: OrderTable[] = [];
  for (let n = 1; n <= order; n++) {
    const count = counts[n - 1] as number;
    const keysAt = at;
    const logpAt = keysAt + 4 * count;
    const backoffAt = align(logpAt + count);
    at = n < order ? align(backoffAt + count) : backoffAt;
    if (at > bytes.length) throw new Error(`truncated at order ${n}`);
    const keys = new Uint32Array(bytes.buffer, bytes.byteOffset + keysAt, count);
    for (let i = 1; i < count; i++) {
      if (keys[i - 1]! >= keys[i]!) throw new Error(`order ${n} keys out of order at ${i}`);
    }
    orders.push({ keys, logp: bytes.subarray(logpAt, logpAt + count),
      backoff: n < order ? bytes.subarray(backoffAt, backoffAt + count) : new Uint8Array(0) });
  }
  if (at !== bytes.length) throw new Error(`${bytes.length - at} bytes past the last array`);
  return { header, orders };
}
