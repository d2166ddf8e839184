/**
 * Entry of the engine's utility process: loads the Corrector and answers ProcessCorrector's messages.
 *
 * Runs under Electron's utilityProcess (process.parentPort) in the app, and under Node's
 * child_process.fork (process.send) in tests, so the same file is exercised both ways.
 * Nothing here imports electron: the engine stays testable under plain Node.
 */
import { CorrectionCancelledError } from '../../shared/cancellation.ts';
import type { Corrector, SetupOptions } from '../../shared/types.ts';
import { hostMessageSchema, type EngineMessage, type HostMessage } from './host-protocol.ts';

interface ParentPort {
  postMessage(message: EngineMessage): void;
  onMessage(listener: (message: unknown) => void): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function connectToParent(): ParentPort {
  const electronPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (electronPort) {
    return {
      postMessage: (message) => electronPort.postMessage(message),
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)),
    };
  }
  if (process.send) {
    return {
      postMessage: (message) => process.send!(message),
      onMessage: (listener) => process.on('message', listener),
    };
  }
  throw new Error('engine-process must be started as a utility process or a forked child');
}

const port = connectToParent();
let correctorPromise: Promise<Corrector> | undefined;

async function load(message: Extract<HostMessage, { type: 'init' }>): Promise<Corrector> {
  port.postMessage({ type: 'status', status: { state: 'loading' } });
  try {
    const { createCorrector } = await import('../index.ts');
    const corrector = await createCorrector({ modelDir: message.modelDir, threads: message.threads,
      providers: message.providers });
    port.postMessage({ type: 'status', status: corrector.status() });
    return corrector;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    port.postMessage({ type: 'status', status: { state: 'error', error: text } });
    throw error;
  }
}

async function correct(message: Extract<HostMessage, { type: 'correct' }>): Promise<void> {
  try {
    if (!correctorPromise) throw new Error('The engine was not initialised.');
    const corrector = await correctorPromise;
    const result = await corrector.correct(message.text, {
      language: message.language,
      around: message.around,
      document: message.document,
      documentId: message.documentId,
      onProgress: (progress) => port.postMessage({ type: 'progress', id: message.id, ...progress }),
    });
    port.postMessage({ type: 'result', id: message.id, result });
    port.postMessage({ type: 'status', status: corrector.status() });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    port.postMessage({ type: 'error', id: message.id, message: text, cancelled: error instanceof CorrectionCancelledError });
  }
}

async function cancel(documentId: string): Promise<void> {
  const corrector = await correctorPromise?.catch(() => undefined);
  corrector?.cancel(documentId);
}

/** Loads ahead what the host asked for; a failure is left to the first request, which names it. */
async function setup(options: SetupOptions): Promise<void> {
  const corrector = await correctorPromise?.catch(() => undefined);
  await corrector?.setup(options).catch(() => undefined);
}

port.onMessage((raw) => {
  const parsed = hostMessageSchema.safeParse(raw);
  if (!parsed.success) {
    console.error('[engine-process] dropped a malformed message', parsed.error.issues);
    return;
  }
  const message = parsed.data;
  if (message.type === 'init') {
    correctorPromise ??= load(message);
    correctorPromise.catch(() => undefined);
  } else if (message.type === 'correct') {
    void correct(message);
  } else if (message.type === 'cancel') {
    void cancel(message.documentId);
  } else {
    void setup({ languages: message.languages });
  }
});
