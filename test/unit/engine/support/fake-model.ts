/**
 * A causal fake decoder for decoding tests: the "model" writes a fixed target text, and once the fed
 * prefix leaves the target it writes a deterministic hash of the prefix. The session keeps the ids fed at
 * each position, so a wrong past length or a bad rollback changes the output and the tests see it.
 */
import type { DecoderSession, StepModel, StepResult } from '../../../../electron/engine/decoding/decode.ts';

const BOS = 2;
const EOS = 1;

/** Fake decoder that writes `target` (then EOS); off-target prefixes give hash-chosen ids. */
export class FakeModel implements StepModel {
  released = false;
  readonly maxPositions: number;
  passes = 0;
  /** Milliseconds each step waits (to make a "slow provider"). */
  delayMs = 0;
  private target: number[] = [];

  /** `target`: the text to write, or a function of the sentence bytes (the encoder input without tag/EOS). */
  constructor(private readonly targetOf: Uint8Array | ((source: Uint8Array) => Uint8Array), maxPositions = 768,
    private readonly offTargetEos = 5) {
    this.maxPositions = maxPositions;
  }

  async start(encoderIds?: Int32Array): Promise<DecoderSession> {
    const source = Uint8Array.from((encoderIds ?? new Int32Array(2)).slice(1, -1), (id) => id - 3);
    const target = typeof this.targetOf === 'function' ? this.targetOf(source) : this.targetOf;
    this.target = [...target].map((b) => b + 3);
    const fed: number[] = [];
    return {
      step: async (query: Int32Array, pastLen: number): Promise<StepResult> => {
        if (pastLen > fed.length) throw new Error(`past_len ${pastLen} > cached ${fed.length}`);
        if (pastLen + query.length > this.maxPositions) throw new Error('position past max_positions');
        this.passes++;
        if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
        fed.length = pastLen;
        const nextIds: number[] = [];
        const nextProbs: number[] = [];
        for (const id of query) {
          fed.push(id);
          const [next, prob] = this.next(fed);
          nextIds.push(next);
          nextProbs.push(prob);
        }
        return { nextIds, nextProbs };
      },
    };
  }

  async release(): Promise<void> {
    this.released = true;
  }

  /** Next id after the fed ids (BOS first). */
  private next(fed: readonly number[]): [number, number] {
    if (fed[0] !== BOS) throw new Error('decoding must start from BOS');
    const out = fed.length - 1;
    let onTarget = true;
    for (let k = 0; k < out && onTarget; k++) onTarget = fed[k + 1] === this.target[k];
    if (onTarget) return [out < this.target.length ? this.target[out]! : EOS, 0.9];
    let hash = 17;
    for (const id of fed) hash = (hash * 31 + id) >>> 0;
    // Off target: mostly ASCII letters, sometimes EOS, so decoding ends.
    return hash % this.offTargetEos === 0 ? [EOS, 0.3] : [(hash % 26) + 97 + 3, 0.5];
  }
}
