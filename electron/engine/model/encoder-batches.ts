/**
 * How a document's sentences go to a batched encoder (models/ONNX-CONTRACT.md, encoder.float.onnx): a GPU
 * pays per call, not per sentence, so a whole document goes in a few calls. Sentences are sorted by length
 * so that each batch pads little, and a batch is capped in padded ids (the activations a call holds) and in
 * sentences. Pure: the ORT backend runs the batches, tests check the grouping.
 */

/** Default cap of one call: B * S ids (64 sentences of 256 ids). */
export const MAX_BATCH_IDS = 16_384;
/** Default cap of sentences per call. */
export const MAX_BATCH_SENTENCES = 64;

/**
 * Indices of `lengths` grouped into batches, shortest sentences first; each batch holds at most
 * `maxSentences` sentences and at most `maxIds` padded ids (count * longest), except that a sentence longer
 * than `maxIds` on its own still gets a batch of one.
 */
export function encoderBatches(lengths: readonly number[], maxIds = MAX_BATCH_IDS,
  maxSentences = MAX_BATCH_SENTENCES): number[][] {
  const order = lengths.map((_n, i) => i).sort((a, b) => lengths[a]! - lengths[b]! || a - b);
  const batches: number[][] = [];
  let batch: number[] = [];
  for (const i of order) {
    // Sorted ascending: the sentence joining is the longest, so it sets the batch's padded width.
    const ids = (batch.length + 1) * lengths[i]!;
    if (batch.length > 0 && (batch.length === maxSentences || ids > maxIds)) {
      batches.push(batch);
      batch = [];
    }
    batch.push(i);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/**
 * Right-pads `rows` with PAD (0) into one [rows.length, width] int32 matrix, width = the longest row.
 */
export function padRows(rows: readonly Int32Array[]): { data: Int32Array; width: number } {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const data = new Int32Array(rows.length * width);
  rows.forEach((row, b) => data.set(row, b * width));
  return { data, width };
}

/**
 * Sentence `b`'s block of a [B, L, H, S, D] encoder output, cut to its own `length` positions: the
 * [L, H, length, D] tensor data that the decoder takes for one sentence.
 */
export function sentenceBlock(data: Float32Array, b: number, dims: { layers: number; heads: number; width: number;
  headDim: number }, length: number): Float32Array {
  const { layers, heads, width, headDim } = dims;
  const rows = layers * heads;
  const out = new Float32Array(rows * length * headDim);
  const base = b * rows * width * headDim;
  for (let r = 0; r < rows; r++) {
    const from = base + r * width * headDim;
    out.set(data.subarray(from, from + length * headDim), r * length * headDim);
  }
  return out;
}
