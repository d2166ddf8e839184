/**
 * Entry of the engine worker thread: owns the ONNX sessions (session.run blocks its thread) and runs whole
 * decodings here, so a sentence costs one message each way instead of one per decoder pass.
 */
import { parentPort } from 'node:worker_threads';
import { greedyDecode, speculativeDecode } from '../decoding/decode.ts';
import { lexiconDecode } from '../decoding/lexicon-decode.ts';
import { loadModel, type LoadedModel } from '../model/model-loader.ts';
import type { DecodeOutcome, FromWorker, ToWorker } from './worker-protocol.ts';

if (!parentPort) throw new Error('engine-worker.ts must run in a worker thread');
const port = parentPort;
const post = (message: FromWorker) => port.postMessage(message);

let loaded: LoadedModel | undefined;
const cancelled = new Set<number>();
// Messages are handled one at a time; 'cancel' bypasses the queue so that it lands mid-request.
let queue: Promise<void> = Promise.resolve();

async function handle(message: ToWorker): Promise<void> {
  switch (message.type) {
    case 'init':
      try {
        loaded = await loadModel(message.modelDir, message.providers, message.threads);
        post({ type: 'ready', info: {
          modelVersion: loaded.manifest.version, maxInputBytes: loaded.manifest.max_input_bytes,
          provider: loaded.provider, providerNote: loaded.providerNote, loadMs: loaded.loadMs,
        } });
      } catch (error) {
        post({ type: 'init-error', message: error instanceof Error ? error.message : String(error) });
      }
      return;
    case 'decode': {
      const { id, jobs } = message;
      try {
        if (!loaded) throw new Error('the model is not loaded');
        const outcomes: DecodeOutcome[] = [];
        for (const job of jobs) {
          if (cancelled.has(id)) break;
          const start = performance.now();
          const result = job.lexicon
            ? await lexiconDecode(loaded.model, job.encoderIds, job.source, job.lexicon.plan, job.lexicon)
            : job.greedy
              ? await greedyDecode(loaded.model, job.encoderIds)
              : await speculativeDecode(loaded.model, job.encoderIds, job.source);
          outcomes.push({ ...result, ms: performance.now() - start });
        }
        post(cancelled.delete(id) ? { type: 'cancelled', id } : { type: 'decoded', id, outcomes });
      } catch (error) {
        cancelled.delete(id);
        post({ type: 'decode-error', id, message: error instanceof Error ? error.message : String(error) });
      }
      return;
    }
    case 'dispose':
      await loaded?.model.release();
      loaded = undefined;
      post({ type: 'disposed' });
      return;
    default:
      return;
  }
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') {
    cancelled.add(message.id);
    return;
  }
  queue = queue.then(() => handle(message));
});
