/**
 * The engine as the main process sees it: a Corrector whose work happens in a separate process.
 *
 * `session.run` blocks its thread and a native crash in onnxruntime would take its process down, so the
 * engine lives in an Electron utility process. When that process dies, pending requests fail with
 * EngineCrashedError (the renderer keeps its text and asks again), and a fresh process is started after a
 * short backoff. A process that keeps dying is given up on, and the status says so.
 */
import type { CorrectOptions, CorrectionResult, Corrector, EngineStatus } from '../shared/types.ts';
import { engineMessageSchema, type EngineChild, type EngineMessage } from './engine-protocol.ts';

/** A request failed because the engine process died; asking again is safe. */
export class EngineCrashedError extends Error {
  constructor() {
    super('The correction engine stopped unexpectedly and is restarting.');
    this.name = 'EngineCrashedError';
  }
}

/** A request was superseded or cancelled; nobody is waiting for its answer. */
export class CorrectionCancelledError extends Error {
  constructor(message = 'Correction cancelled.') {
    super(message);
    this.name = 'CorrectionCancelledError';
  }
}

/** How EngineHost starts and restarts its process. */
export interface EngineHostOptions {
  spawn: () => EngineChild;
  modelDir?: string;
  threads?: number;
  /** Crashes tolerated within `crashWindowMs` before giving up. */
  maxCrashes?: number;
  crashWindowMs?: number;
  /** Delay before restart number `attempt` (1-based). */
  restartDelayMs?: (attempt: number) => number;
  now?: () => number;
}

interface Pending {
  resolve: (result: CorrectionResult) => void;
  reject: (error: Error) => void;
  onProgress?: CorrectOptions['onProgress'];
}

/** A Corrector backed by a restartable engine process. */
export class EngineHost implements Corrector {
  #options: Required<Omit<EngineHostOptions, 'modelDir' | 'threads'>> & Pick<EngineHostOptions, 'modelDir' | 'threads'>;
  #child: EngineChild | undefined;
  #status: EngineStatus = { state: 'loading' };
  #pending = new Map<number, Pending>();
  #nextId = 1;
  #crashTimes: number[] = [];
  #restartTimer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;
  #listeners = new Set<(status: EngineStatus) => void>();

  constructor(options: EngineHostOptions) {
    this.#options = {
      maxCrashes: 3,
      crashWindowMs: 60_000,
      restartDelayMs: (attempt) => Math.min(500 * 2 ** (attempt - 1), 10_000),
      now: Date.now,
      ...options,
    };
    this.#start();
  }

  /** Latest status reported by the engine (or by the host while the engine is down). */
  status(): EngineStatus {
    return this.#status;
  }

  /** Subscribes to status changes; returns the unsubscribe function. */
  onDidChangeStatus(listener: (status: EngineStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  correct(text: string, options: CorrectOptions): Promise<CorrectionResult> {
    if (this.#disposed) return Promise.reject(new Error('The engine has been shut down.'));
    if (!this.#child) {
      return Promise.reject(new Error(this.#status.error ?? 'The correction engine is not running.'));
    }
    const id = this.#nextId++;
    return new Promise<CorrectionResult>((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress: options.onProgress });
      this.#child!.postMessage({ type: 'correct', id, text, language: options.language, documentId: options.documentId });
    });
  }

  /** Cancels the request in flight for `documentId`, if any (its promise rejects with CorrectionCancelledError). */
  cancel(documentId: string): void {
    this.#child?.postMessage({ type: 'cancel', documentId });
  }

  async dispose(): Promise<void> {
    this.#disposed = true;
    clearTimeout(this.#restartTimer);
    const child = this.#child;
    this.#child = undefined;
    this.#failPending(() => new Error('The engine has been shut down.'));
    child?.kill();
  }

  #start(): void {
    const child = this.#options.spawn();
    this.#child = child;
    child.onMessage((raw) => {
      if (this.#child !== child) return;
      const parsed = engineMessageSchema.safeParse(raw);
      if (parsed.success) this.#handle(parsed.data);
      else console.error('[engine-host] dropped a malformed message from the engine', parsed.error.issues);
    });
    child.onExit((code) => {
      if (this.#child !== child) return;
      this.#child = undefined;
      this.#onCrash(code);
    });
    child.postMessage({ type: 'init', modelDir: this.#options.modelDir, threads: this.#options.threads });
  }

  #handle(message: EngineMessage): void {
    switch (message.type) {
      case 'status':
        this.#setStatus(message.status);
        return;
      case 'progress':
        this.#pending.get(message.id)?.onProgress?.({ done: message.done, total: message.total });
        return;
      case 'result':
        this.#pending.get(message.id)?.resolve(message.result);
        this.#pending.delete(message.id);
        return;
      case 'error': {
        const error = message.cancelled ? new CorrectionCancelledError(message.message) : new Error(message.message);
        this.#pending.get(message.id)?.reject(error);
        this.#pending.delete(message.id);
      }
    }
  }

  #onCrash(code: number): void {
    if (this.#disposed) return;
    console.error(`[engine-host] engine process exited with code ${code}`);
    this.#failPending(() => new EngineCrashedError());
    const now = this.#options.now();
    this.#crashTimes = [...this.#crashTimes.filter((t) => now - t < this.#options.crashWindowMs), now];
    if (this.#crashTimes.length > this.#options.maxCrashes) {
      this.#setStatus({ state: 'error', error: `The correction engine crashed ${this.#crashTimes.length} times in a row (last exit code ${code}).` });
      return;
    }
    this.#setStatus({ state: 'loading', error: `Restarting after a crash (exit code ${code}).` });
    const delay = this.#options.restartDelayMs(this.#crashTimes.length);
    this.#restartTimer = setTimeout(() => {
      if (!this.#disposed) this.#start();
    }, delay);
  }

  #failPending(makeError: () => Error): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const request of pending) request.reject(makeError());
  }

  #setStatus(status: EngineStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }
}
