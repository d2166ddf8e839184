/**
 * An in-process decode backend that "corrects" words from a table, counting what it is asked to decode: the
 * LocalCorrector's pipeline (segmentation, cache, cancellation, suggestions) without a model or a worker.
 */
import { CorrectionCancelledError } from '../../../../electron/shared/cancellation.ts';
import { EOS_ID } from '../../../../electron/engine/text/byte-codec.ts';
import type { DecodeBackend } from '../../../../electron/engine/worker/worker-client.ts';
import type { DecodeJob, DecodeOutcome } from '../../../../electron/engine/worker/worker-protocol.ts';

export const FIXES: Record<string, string> = { zolw: 'żółw', grazus: 'gražus', Siandien: 'Šiandien', helo: 'hello', sie: 'się' };

export class TableBackend implements DecodeBackend {
  decoded: string[] = [];
  gate: Promise<void> = Promise.resolve();

  constructor(private readonly fixes: Record<string, string> = FIXES) {}

  async decode(jobs: DecodeJob[], signal?: AbortSignal): Promise<DecodeOutcome[]> {
    await this.gate;
    if (signal?.aborted) throw new CorrectionCancelledError();
    return jobs.map((job) => {
      // The encoder input is the text; job.source only seeds drafts (it may be a lexicon guess).
      const text = new TextDecoder().decode(Uint8Array.from(job.encoderIds.slice(1, -1), (id) => id - 3));
      this.decoded.push(text);
      const out = new TextEncoder().encode(text.replace(/\p{L}+/gu, (w) => this.fixes[w] ?? w));
      return { ids: [...out].map((b) => b + 3).concat(EOS_ID), probs: [...out].map(() => 0.8).concat(0.99), passes: 1, ms: 0 };
    });
  }

  async dispose(): Promise<void> {}
}
