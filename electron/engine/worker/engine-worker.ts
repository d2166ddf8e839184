/**
 * Entry of the engine worker thread: owns the ONNX sessions (session.run blocks its thread) and runs whole
 * decodings here, so a sentence costs one message each way instead of one per decoder pass.
 */
import { parentPort } from 'node:worker_threads';
import { speculativeDecode } from '../decoding/decode.ts';
import { lexiconDecode } from '../decoding/lexicon-decode.ts';
import { loadModel, type LoadedModel } from '../model/model-loader.ts';
// Types only: zod stays out of this thread (importing it cost 125-290 ms and 6-10 MB per start, measured);
// the client checks every message it sends here against the protocol's schemas (worker-client.ts).
import type { DecodeJob, DecodeOutcome, FromWorker, ToWorker } from './worker-protocol.ts';

if (!parentPort) throw new Error('engine-worker.ts must run in a worker thread');
const port = parentPort;
const post = (message: FromWorker) => port.postMessage(message);
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

let loaded: LoadedModel | undefined;
const cancelled = new Set<number>();
// Messages are handled one at a time; 'cancel' bypasses the queue so that it lands mid-request.
let queue: Promise<void> = Promise.resolve();

async function decodeJob(model: LoadedModel['model'], job: DecodeJob): Promise<DecodeOutcome> {
  const start = performance.now();
  if (job.decoding === 'speculative') {
    const { ids, probs, passes } = await speculativeDecode(model, job.encoderIds, job.source);
    return { ids, probs, passes, ms: performance.now() - start };
  }
  const { ids, probs, passes, choices } = await lexiconDecode(model, job.encoderIds, job.source, job.plan,
    { lambda: job.lambda, typoLambda: job.typoLambda });
  return { ids, probs, passes, choices, ms: performance.now() - start };
}

async function handle(message: Exclude<ToWorker, { type: 'cancel' }>): Promise<void> {
  if (message.type === 'init') {
    try {
      loaded = await loadModel(message.modelDir, message.providers, message.threads, { encoder: message.encoder });
      post({ type: 'ready', info: {
        modelVersion: loaded.manifest.version, maxInputBytes: loaded.manifest.max_input_bytes,
        provider: loaded.provider, providerNote: loaded.providerNote, providerReasons: loaded.providerReasons,
        encoder: loaded.encoder, batchedEncoder: loaded.model.layout === 'batched', loadMs: loaded.loadMs,
      } });
    } catch (error) {
      post({ type: 'init-error', message: messageOf(error) });
    }
    return;
  }
  const { id, jobs } = message;
  try {
    if (!loaded) throw new Error('the model is not loaded');
    const outcomes: DecodeOutcome[] = [];
    // A batched (GPU) encoder takes the whole message's sentences in a few calls; a no-op on the CPU's.
    await loaded.model.prepare(jobs.map((job) => job.encoderIds));
    for (const job of jobs) {
      if (cancelled.has(id)) break;
      outcomes.push(await decodeJob(loaded.model, job));
    }
    post(cancelled.delete(id) ? { type: 'cancelled', id } : { type: 'decoded', id, outcomes });
  } catch (error) {
    cancelled.delete(id);
    post({ type: 'decode-error', id, message: messageOf(error) });
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') {
    cancelled.add(message.id);
    return;
  }
  queue = queue.then(() => handle(message));
});
