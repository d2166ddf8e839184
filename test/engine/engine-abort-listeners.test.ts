/**
 * Abort listeners of the worker client (issue 15, item 6): every decode request adds one to the caller's
 * signal and must take it away again when the request settles, whether it resolves, fails or is cancelled.
 * The corrector passes one signal to all batches of a text, so before the fix a text of ~100 sentences left
 * 13 listeners behind and Node printed MaxListenersExceededWarning. Runs the real worker thread with the tiny
 * random-weight model (the outputs are noise; only the plumbing is judged).
 */
import { getEventListeners } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encoderIds, utf8Bytes } from '../../electron/engine/text/byte-codec.ts';
import { LocalCorrector } from '../../electron/engine/local-corrector.ts';
import { WorkerClient, type DecodeBackend } from '../../electron/engine/worker/worker-client.ts';
import type { DecodeJob, ModelInfo } from '../../electron/engine/worker/worker-protocol.ts';

const TINY = fileURLToPath(new URL('../fixtures/tiny-model', import.meta.url));

const abortListeners = (signal: AbortSignal) => getEventListeners(signal, 'abort').length;

function job(text: string): DecodeJob {
  const bytes = utf8Bytes(text);
  return { decoding: 'speculative', encoderIds: encoderIds(bytes, 'lt'), source: bytes };
}

/** Warnings Node emits while `run` runs (they are emitted on a later tick, so wait one). */
async function warningsDuring(run: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const listener = (warning: Error) => seen.push(`${warning.name}: ${warning.message}`);
  process.on('warning', listener);
  try {
    await run();
    await new Promise((resolve) => setTimeout(resolve, 50));
  } finally {
    process.off('warning', listener);
  }
  return seen;
}

describe('abort listeners are removed when a decode settles', () => {
  let worker: WorkerClient;
  let info: ModelInfo;
  beforeAll(async () => {
    worker = new WorkerClient(TINY, ['cpu'], 2);
    info = await worker.ready;
  });
  afterAll(async () => worker?.dispose());

  it('one signal over 30 sequential decodes: 0 listeners after each', async () => {
    const controller = new AbortController();
    const counts: number[] = [];
    for (let i = 0; i < 30; i++) {
      await worker.decode([job(`Siandien ${i} labai grazus oras.`)], controller.signal);
      counts.push(abortListeners(controller.signal));
    }
    expect(counts).toEqual(Array(30).fill(0));
  });

  it('a request that fails in the worker (a malformed job) takes its listener away too', async () => {
    const controller = new AbortController();
    const bad: DecodeJob = { ...job('Labas.'), decoding: 'lexicon', plan: { words: null as never }, lambda: 1, typoLambda: 1 };
    await expect(worker.decode([bad], controller.signal)).rejects.toThrow(/malformed message/);
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it('a request that is aborted while in flight takes its listener away too', async () => {
    const controller = new AbortController();
    const pending = worker.decode(Array.from({ length: 8 }, (_, i) => job(`Sakinys numeris ${i}.`)),
      controller.signal);
    controller.abort();
    await pending.catch(() => undefined); // cancelled, or finished first: either way settled
    expect(abortListeners(controller.signal)).toBe(0);
  });

  it('a text of 100 sentences: no MaxListenersExceededWarning, and the signal ends with 0 listeners', async () => {
    const signals: AbortSignal[] = [];
    // The real worker client, watched: the corrector makes its own signal per text and hands it to each batch.
    const watched: DecodeBackend = {
      decode: (jobs, signal) => {
        if (signal && !signals.includes(signal)) signals.push(signal);
        return worker.decode(jobs, signal);
      },
      dispose: async () => undefined,
    };
    const corrector = new LocalCorrector(watched, { modelVersion: info.modelVersion,
      maxInputBytes: info.maxInputBytes, status: { state: 'ready' }, decoding: 'speculative' });
    const text = Array.from({ length: 100 }, (_, i) => `Tai yra sakinys numeris ${i + 1}.`).join(' ');
    const warnings = await warningsDuring(async () => {
      await corrector.correct(text, { language: 'lt' });
    });
    expect(warnings.filter((w) => w.includes('MaxListenersExceeded'))).toEqual([]);
    expect(signals).toHaveLength(1);
    expect(abortListeners(signals[0]!)).toBe(0);
  }, 300_000);
});
