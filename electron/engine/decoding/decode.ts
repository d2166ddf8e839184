/**
 * Greedy decoding (the reference) and input-guided speculative decoding (DESIGN.md section 4) over an
 * abstract decoder, so both run the same way against the ONNX graphs and against fakes in unit tests.
 * Speculation must give byte-identical output: each pass accepts the longest draft prefix that equals the
 * decoder's argmax, plus the argmax after it, exactly what greedy steps would have emitted.
 */
import { LANGUAGES } from '../../shared/types.ts';
import { BOS_ID, EOS_ID, FIRST_TAG_ID } from '../text/byte-codec.ts';
import { DraftAligner } from './draft-align.ts';

/** Argmax id and its probability after each query position. */
export interface StepResult {
  nextIds: ArrayLike<number>;
  nextProbs: ArrayLike<number>;
}

/** Decoder state of one sentence: the encoder output and the self-attention cache. */
export interface DecoderSession {
  /**
   * Runs the decoder on `queryIds` at positions pastLen.. . Cache entries at positions >= pastLen are
   * ignored, which is how a rejected draft is rolled back.
   */
  step(queryIds: Int32Array, pastLen: number): Promise<StepResult>;
}

/** A model that can start decoding a sentence. */
export interface StepModel {
  /** Runs the encoder on [tag, bytes..., EOS]. */
  start(encoderIds: Int32Array): Promise<DecoderSession>;
  /** Queries must stay at positions below this. */
  readonly maxPositions: number;
}

/** Output ids (EOS included when reached), their probabilities and the number of decoder passes. */
export interface DecodeResult {
  ids: number[];
  probs: number[];
  passes: number;
}

/** How speculation sizes its drafts. */
export interface SpeculationOptions {
  initialDraft: number;
  minDraft: number;
  maxDraft: number;
}

export const DEFAULT_SPECULATION: SpeculationOptions = { initialDraft: 32, minDraft: 4, maxDraft: 128 };

/** Most output ids allowed for an encoder input of `encoderLength` ids (contract: 2 * S + 16). */
export function outputLimit(encoderLength: number, maxPositions: number): number {
  return Math.min(2 * encoderLength + 16, maxPositions);
}

/** Plain greedy decoding: one decoder pass per output id. */
export async function greedyDecode(model: StepModel, encoderIds: Int32Array, signal?: AbortSignal): Promise<DecodeResult> {
  const session = await model.start(encoderIds);
  const limit = outputLimit(encoderIds.length, model.maxPositions);
  const ids: number[] = [];
  const probs: number[] = [];
  let last = BOS_ID;
  while (ids.length < limit) {
    signal?.throwIfAborted();
    const r = await session.step(Int32Array.of(last), ids.length);
    last = r.nextIds[0]!;
    ids.push(last);
    probs.push(r.nextProbs[0]!);
    if (last === EOS_ID) break;
  }
  return { ids, probs, passes: ids.length };
}

/**
 * Input-guided speculative decoding of `encoderIds` whose sentence bytes are `sourceBytes`.
 * Produces exactly what greedyDecode produces, in fewer decoder passes when the output follows the input.
 */
export async function speculativeDecode(model: StepModel, encoderIds: Int32Array, sourceBytes: Uint8Array,
  options: SpeculationOptions = DEFAULT_SPECULATION, signal?: AbortSignal): Promise<DecodeResult> {
  const session = await model.start(encoderIds);
  const limit = outputLimit(encoderIds.length, model.maxPositions);
  const aligner = new DraftAligner(sourceBytes, LANGUAGES[encoderIds[0]! - FIRST_TAG_ID]);
  const ids: number[] = [];
  const probs: number[] = [];
  let passes = 0;
  let size = options.initialDraft;
  while (ids.length < limit) {
    signal?.throwIfAborted();
    // One pass yields draft.length + 1 ids at most: never plan past the limit.
    const draft = aligner.draft(ids, Math.min(size, limit - ids.length - 1));
    const query = new Int32Array(draft.length + 1);
    query[0] = ids.length === 0 ? BOS_ID : ids[ids.length - 1]!;
    query.set(draft, 1);
    const r = await session.step(query, ids.length);
    passes++;
    let matched = 0;
    let done = false;
    for (let i = 0; i <= draft.length && ids.length < limit; i++) {
      const id = r.nextIds[i]!;
      ids.push(id);
      probs.push(r.nextProbs[i]!);
      if (id === EOS_ID) {
        done = true;
        break;
      }
      if (i === draft.length || id !== draft[i]) break;
      matched++;
    }
    if (done) break;
    // Full acceptance doubles the draft; a rejection at its first byte quarters it (down to single-byte
    // drafts, which cost what a greedy step costs, when the model stops following the input at all).
    if (matched === draft.length) size = Math.max(options.minDraft, Math.min(options.maxDraft, size * 2));
    else if (matched === 0) size = Math.max(1, Math.floor(size / 4));
    else size = Math.max(options.minDraft, matched < size / 2 ? Math.floor(size / 2) : size);
  }
  return { ids, probs, passes };
}
