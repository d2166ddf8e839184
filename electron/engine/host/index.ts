/**
 * The public face of the engine's process host: what the main process (and the tests that stand in for it)
 * may import. The protocol and the process entry behind it are the host's own business.
 */
export { DEFAULT_STALL_TIMEOUT_MS, EngineCrashedError, EngineTimeoutError, ProcessCorrector,
  type ProcessCorrectorOptions } from './process-corrector.ts';
export type { EngineChild } from './host-protocol.ts';
export { ENGINE_ENV, engineProcessEnv } from './engine-env.ts';
