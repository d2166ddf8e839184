/**
 * Main-thread side of the engine worker: starts it (through tsx when running from TypeScript sources),
 * loads the model there, and turns decode requests into promises that can be cancelled.
 */
import { Worker } from 'node:worker_threads';
import { CorrectionCancelledError } from '../../shared/cancellation.ts';
import type { ProviderName } from '../../shared/types.ts';
import type { EncoderKind } from '../model/encoder-kind.ts';
import { fromWorkerSchema, toWorkerSchema, type DecodeJob, type DecodeOutcome, type FromWorker, type ModelInfo,
  type ToWorker } from './worker-protocol.ts';
import { disableOrtTelemetry } from '../model/ort-telemetry.ts';

/** Anything that decodes jobs; the worker client, or an in-process fake in tests. */
export interface DecodeBackend {
  decode(jobs: DecodeJob[], signal?: AbortSignal): Promise<DecodeOutcome[]>;
  dispose(): Promise<void>;
}

interface Pending {
  resolve(outcomes: DecodeOutcome[]): void;
  reject(error: Error): void;
}

/**
 * A pending request whose abort listener goes when it settles, however it settles. A corrector passes one
 * signal to every batch of a text, so listeners left behind would pile up: Node warned
 * (MaxListenersExceededWarning) from the 11th batch on, i.e. from about 80 sentences.
 */
function settleOnce(pending: Pending, cleanup: () => void): Pending {
  return {
    resolve: (outcomes) => {
      cleanup();
      pending.resolve(outcomes);
    },
    reject: (error) => {
      cleanup();
      pending.reject(error);
    },
  };
}

/** The worker entry: through a tsx bootstrap when this module runs from TypeScript sources. */
function workerUrl(): URL {
  const fromSources = import.meta.url.endsWith('.ts');
  return new URL(fromSources ? './engine-worker-boot.mjs' : './engine-worker.js', import.meta.url);
}

/** The engine worker, as seen from the main thread. */
export class WorkerClient implements DecodeBackend {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | undefined;
  private disposed = false;
  /** Resolves when the model is loaded; rejects with the loading error. */
  readonly ready: Promise<ModelInfo>;

  constructor(modelDir: string, providers: ProviderName[] | undefined, threads: number, encoder?: EncoderKind) {
    // The worker loads onnxruntime; only this thread can put the off switch where its native code reads it.
    disableOrtTelemetry();
    this.worker = new Worker(workerUrl());
    this.ready = new Promise<ModelInfo>((resolve, reject) => {
      const fail = (error: Error) => {
        this.failure ??= error;
        reject(error);
        for (const p of this.pending.values()) p.reject(error);
        this.pending.clear();
      };
      this.worker.on('message', (raw: unknown) => {
        const parsed = fromWorkerSchema.safeParse(raw);
        if (!parsed.success) {
          // Our own worker speaking out of protocol is a bug: fail loudly rather than decode garbage.
          fail(new Error(`engine worker sent a malformed message (${parsed.error.issues.map((i) => i.message).join('; ')})`));
          return;
        }
        const message = parsed.data;
        if (message.type === 'ready') resolve(message.info);
        else if (message.type === 'init-error') reject(new Error(message.message));
        else this.settle(message);
      });
      this.worker.on('error', (error) => fail(new Error(`engine worker failed: ${error.message}`)));
      this.worker.on('exit', (code) => {
        if (!this.disposed) fail(new Error(`engine worker exited (code ${code})`));
      });
    });
    this.ready.catch(() => undefined); // observed by callers; never an unhandled rejection
    this.post({ type: 'init', modelDir, providers, threads, encoder });
  }

  /**
   * Sends a message that fits the protocol; throws (in the caller) one that does not. The check is made here,
   * not in the worker, so that zod never loads in the worker thread (see engine-worker.ts).
   */
  private post(message: ToWorker): void {
    const parsed = toWorkerSchema.safeParse(message);
    if (!parsed.success) {
      throw new Error(`malformed message for the engine worker (${parsed.error.issues.map((i) => i.message).join('; ')})`);
    }
    this.worker.postMessage(message);
  }

  private settle(message: Extract<FromWorker, { id: number }>): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.type === 'decoded') pending.resolve(message.outcomes);
    else if (message.type === 'cancelled') pending.reject(new CorrectionCancelledError());
    else if (message.type === 'decode-error') pending.reject(new Error(message.message));
  }

  /** Decodes jobs in order; aborting the signal stops the worker after the job in progress. */
  decode(jobs: DecodeJob[], signal?: AbortSignal): Promise<DecodeOutcome[]> {
    if (this.failure) return Promise.reject(this.failure);
    if (signal?.aborted) return Promise.reject(new CorrectionCancelledError());
    const id = this.nextId++;
    return new Promise<DecodeOutcome[]>((resolve, reject) => {
      const onAbort = () => this.post({ type: 'cancel', id });
      signal?.addEventListener('abort', onAbort, { once: true });
      const pending = settleOnce({ resolve, reject }, () => signal?.removeEventListener('abort', onAbort));
      this.pending.set(id, pending);
      try {
        this.post({ type: 'decode', id, jobs });
      } catch (error) {
        this.pending.delete(id);
        pending.reject(error as Error);
      }
    });
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new CorrectionCancelledError('The engine was disposed.'));
    this.pending.clear();
  }
}
