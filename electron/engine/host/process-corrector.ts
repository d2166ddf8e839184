/**
 * The engine as the main process sees it: a Corrector whose work happens in a separate process.
 *
 * `session.run` blocks its thread and a native crash in onnxruntime would take its process down, so the
 * engine lives in an Electron utility process. When that process dies, pending requests fail with
 * EngineCrashedError (the renderer keeps its text and asks again), and a fresh process is started after a
 * short backoff. A process that keeps dying is given up on, and the status says so.
 *
 * A process can also hang (a stuck native call, an endless loop) without dying: then nothing would ever
 * answer, and the tray, which corrects one clipboard at a time, would ignore every later shortcut press.
 * So each request has a watchdog: when the engine sends nothing about it (no progress, no result) for
 * `stallTimeoutMs`, the process is killed and restarted like a crashed one, and what was pending fails
 * with EngineTimeoutError, whose message tells the user what happened.
 */
import { CorrectionCancelledError } from '../../shared/cancellation.ts';
import type { CorrectOptions, CorrectionResult, Corrector, EngineStatus, ProviderName, SetupOptions } from '../../shared/types.ts';
import { engineMessageSchema, type EngineChild, type EngineMessage } from './host-protocol.ts';

/** A request failed because the engine process died; asking again is safe. */
export class EngineCrashedError extends Error {
  constructor() {
    super('The correction engine stopped unexpectedly and is restarting.');
    this.name = 'EngineCrashedError';
  }
}

/** A request failed because the engine stopped responding; it is being restarted and asking again is safe. */
export class EngineTimeoutError extends Error {
  constructor(seconds: number) {
    super(`The correction engine stopped responding for ${seconds} s and was restarted. Try again in a moment.`);
    this.name = 'EngineTimeoutError';
  }
}

/** How ProcessCorrector starts and restarts its process. */
export interface ProcessCorrectorOptions {
  spawn: () => EngineChild;
  modelDir?: string;
  threads?: number;
  /** Providers the engine tries (default: the platform's order); change with setProviders(). */
  providers?: ProviderName[];
  /** Crashes tolerated within `crashWindowMs` before giving up. */
  maxCrashes?: number;
  crashWindowMs?: number;
  /** Delay before restart number `attempt` (1-based). */
  restartDelayMs?: (attempt: number) => number;
  /**
   * How long a request may go without any word from the engine (progress or result) before the engine is
   * taken for hung. Progress comes per sentence, so this bounds one sentence, not a whole document.
   */
  stallTimeoutMs?: number;
  now?: () => number;
}

interface Pending {
  resolve: (result: CorrectionResult) => void;
  reject: (error: Error) => void;
  onProgress?: CorrectOptions['onProgress'];
  watchdog?: ReturnType<typeof setTimeout>;
}

/** Default for ProcessCorrectorOptions.stallTimeoutMs. */
export const DEFAULT_STALL_TIMEOUT_MS = 30_000;

/** A Corrector backed by a restartable engine process. */
export class ProcessCorrector implements Corrector {
  #options: Required<Omit<ProcessCorrectorOptions, 'modelDir' | 'threads' | 'providers'>>
    & Pick<ProcessCorrectorOptions, 'modelDir' | 'threads' | 'providers'>;
  #child: EngineChild | undefined;
  #status: EngineStatus = { state: 'loading' };
  #pending = new Map<number, Pending>();
  #nextId = 1;
  #crashTimes: number[] = [];
  #restartTimer: ReturnType<typeof setTimeout> | undefined;
  #disposed = false;
  #listeners = new Set<(status: EngineStatus) => void>();

  constructor(options: ProcessCorrectorOptions) {
    this.#options = {
      maxCrashes: 3,
      crashWindowMs: 60_000,
      restartDelayMs: (attempt) => Math.min(500 * 2 ** (attempt - 1), 10_000),
      stallTimeoutMs: DEFAULT_STALL_TIMEOUT_MS,
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

  /**
   * Asks the engine process to load what `options` names. It answers nothing: a language that cannot be loaded
   * fails its first request with the reason, as without setup.
   */
  async setup(options: SetupOptions): Promise<void> {
    this.#child?.postMessage({ type: 'setup', languages: options.languages });
  }

  correct(text: string, options: CorrectOptions): Promise<CorrectionResult> {
    if (this.#disposed) return Promise.reject(new Error('The engine has been shut down.'));
    if (!this.#child) {
      return Promise.reject(new Error(this.#status.error ?? 'The correction engine is not running.'));
    }
    const id = this.#nextId++;
    return new Promise<CorrectionResult>((resolve, reject) => {
      const pending: Pending = { resolve, reject, onProgress: options.onProgress };
      this.#pending.set(id, pending);
      this.#armWatchdog(pending);
      this.#child!.postMessage({ type: 'correct', id, text, language: options.language, around: options.around,
        document: options.document, documentId: options.documentId });
    });
  }

  /** Cancels the request in flight for `documentId`, if any (its promise rejects with CorrectionCancelledError). */
  cancel(documentId: string): void {
    this.#child?.postMessage({ type: 'cancel', documentId });
  }

  /**
   * Restarts the engine on other providers (the "Use the GPU" setting): a provider is chosen once, when the
   * engine loads. What was pending fails as cancelled; the renderer asks again once the engine is ready.
   */
  setProviders(providers: ProviderName[] | undefined): void {
    if (this.#disposed || JSON.stringify(providers) === JSON.stringify(this.#options.providers)) return;
    this.#options.providers = providers;
    const child = this.#child;
    this.#child = undefined;
    clearTimeout(this.#restartTimer);
    this.#failPending(() => new CorrectionCancelledError('The engine is restarting on other providers.'));
    child?.kill();
    this.#setStatus({ state: 'loading' });
    this.#start();
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
    child.postMessage({ type: 'init', modelDir: this.#options.modelDir, threads: this.#options.threads,
      providers: this.#options.providers });
  }

  #handle(message: EngineMessage): void {
    switch (message.type) {
      case 'status':
        this.#setStatus(message.status);
        return;
      case 'progress': {
        const pending = this.#pending.get(message.id);
        if (pending) this.#armWatchdog(pending);
        pending?.onProgress?.({ done: message.done, total: message.total });
        return;
      }
      case 'result':
        this.#settle(message.id)?.resolve(message.result);
        return;
      case 'error': {
        const error = message.cancelled ? new CorrectionCancelledError(message.message) : new Error(message.message);
        this.#settle(message.id)?.reject(error);
      }
    }
  }

  /** Removes request `id` from the pending ones and stops its watchdog. */
  #settle(id: number): Pending | undefined {
    const pending = this.#pending.get(id);
    clearTimeout(pending?.watchdog);
    this.#pending.delete(id);
    return pending;
  }

  /** (Re)starts the timer after which `pending`'s silence means the engine hung. */
  #armWatchdog(pending: Pending): void {
    clearTimeout(pending.watchdog);
    pending.watchdog = setTimeout(() => this.#onHang(), this.#options.stallTimeoutMs);
  }

  #onHang(): void {
    const child = this.#child;
    if (this.#disposed || !child) return;
    const seconds = Number((this.#options.stallTimeoutMs / 1000).toFixed(2));
    console.error(`[engine-host] the engine sent nothing for ${seconds} s; killing and restarting it`);
    // Detach first: the exit of the killed process must not count as a second failure.
    this.#child = undefined;
    child.kill();
    this.#onDown(() => new EngineTimeoutError(seconds), `Restarting: the engine stopped responding for ${seconds} s.`, 'stopped responding');
  }

  #onCrash(code: number): void {
    if (this.#disposed) return;
    console.error(`[engine-host] engine process exited with code ${code}`);
    this.#onDown(() => new EngineCrashedError(), `Restarting after a crash (exit code ${code}).`, `last exit code ${code}`);
  }

  /** The process is gone (crashed or killed as hung): fail what was pending and start a new one, within limits. */
  #onDown(makeError: () => Error, restarting: string, lastCause: string): void {
    this.#failPending(makeError);
    const now = this.#options.now();
    this.#crashTimes = [...this.#crashTimes.filter((t) => now - t < this.#options.crashWindowMs), now];
    if (this.#crashTimes.length > this.#options.maxCrashes) {
      this.#setStatus({ state: 'error', error: `The correction engine crashed ${this.#crashTimes.length} times in a row (${lastCause}).` });
      return;
    }
    this.#setStatus({ state: 'loading', error: restarting });
    const delay = this.#options.restartDelayMs(this.#crashTimes.length);
    this.#restartTimer = setTimeout(() => {
      if (!this.#disposed) this.#start();
    }, delay);
  }

  #failPending(makeError: () => Error): void {
    const pending = [...this.#pending.values()];
    this.#pending.clear();
    for (const request of pending) {
      clearTimeout(request.watchdog);
      request.reject(makeError());
    }
  }

  #setStatus(status: EngineStatus): void {
    this.#status = status;
    for (const listener of this.#listeners) listener(status);
  }
}
