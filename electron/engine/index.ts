/**
 * Entry of the engine: createCorrector() loads the model in a worker thread and returns the Corrector that
 * the CLI, the desktop app and the tests all use.
 */
import { fileURLToPath } from 'node:url';
import type { Corrector, EngineStatus, ProviderName } from '../shared/types.ts';
import { EngineCorrector } from './corrector.ts';
import { WorkerClient } from './worker-client.ts';
import type { ModelInfo } from './worker-protocol.ts';

export { CancelledError } from './worker-client.ts';
export { ModelFileError } from './model-files.ts';

/** Options of createCorrector. */
export interface CreateCorrectorOptions {
  /** Folder with manifest.json and the ONNX files (default: <repo>/models). */
  modelDir?: string;
  /** Providers to try in order; the CPU is always the last resort (default: the platform's accelerator, then cpu). */
  providers?: ProviderName[];
  /** Intra-op threads of the CPU sessions (default 2). */
  threads?: number;
}

/** The shipped model's folder: <repo>/models. */
export const DEFAULT_MODEL_DIR = fileURLToPath(new URL('../../models', import.meta.url));

/** A corrector that also reports what loading cost (benchmarks read it). */
export interface EngineHandle extends Corrector {
  readonly info: ModelInfo;
}

/**
 * Loads the model (sha256-verified) in a worker thread, picks the execution provider, and returns a ready
 * Corrector. Rejects with a clear message (naming the file) when the model is missing, truncated or corrupt.
 */
export async function createCorrector(options: CreateCorrectorOptions = {}): Promise<EngineHandle> {
  const client = new WorkerClient(options.modelDir ?? DEFAULT_MODEL_DIR, options.providers, options.threads ?? 2);
  let info: ModelInfo;
  try {
    info = await client.ready;
  } catch (error) {
    await client.dispose();
    throw error;
  }
  const status: EngineStatus = { state: 'ready', modelVersion: info.modelVersion, provider: info.provider,
    providerNote: info.providerNote };
  const corrector = new EngineCorrector(client, { modelVersion: info.modelVersion, maxInputBytes: info.maxInputBytes, status });
  return Object.assign(corrector, { info });
}
