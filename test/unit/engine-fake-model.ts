/**
 * A causal fake decoder for decoding tests: the "model" writes a fixed target text, and once the fed
 * prefix leaves the target it writes a deterministic hash of the prefix. The session keeps the ids fed at
 * each position, so a wrong past length or a bad rollback changes the output and the tests see it.
 */
import type { DecoderSession, StepModel, StepResult } from '../../electron/engine/decode.ts';

const BOS = 2;
const EOS = 1;

/** Fake decoder that writes `target` (then EOS); off-target prefixes give hash-chosen ids. */
export class FakeModel implements StepModel {
  readonly maxPositions: number;
  passes = 0;
  private readonly target: number[];

  constructor(target: Uint8Array, maxPositions = 768, private readonly offTargetEos = 5) {
    this.target = [...target].map((b) => b + 3);
    this.maxPositions = maxPositions;
  }

  async start(): Promise<DecoderSession> {
    const fed: number[] = [];
    return {
      step: async (query: Int32Array, pastLen: number): Promise<StepResult> => {
        if (pastLen > fed.length) throw new Error(`past_len ${pastLen} > cached ${fed.length}`);
        if (pastLen + query.length > this.maxPositions) throw new Error('position past max_positions');
        this.passes++;
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
