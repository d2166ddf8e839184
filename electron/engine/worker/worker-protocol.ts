/**
 * Messages between the engine worker (engine-worker.ts) and its client (worker-client.ts).
 */
import type { ProviderName } from '../../shared/types.ts';
import type { LexiconPlan } from '../lexicon/lexicon-plan.ts';

/** One unit to decode: encoder ids and the sentence bytes that seed the drafts. */
export interface DecodeJob {
  encoderIds: Int32Array;
  source: Uint8Array;
  /** Plain greedy decoding (the reference) instead of speculation. */
  greedy?: boolean;
  /** Lexicon-aware decoding (lexicon-decode.ts) of `source`, the input bytes, instead of free decoding. */
  lexicon?: { plan: LexiconPlan; lambda: number };
}

/** What the decoder produced for one job. */
export interface DecodeOutcome {
  ids: number[];
  probs: number[];
  passes: number;
  ms: number;
}

/** Facts about the loaded model that the client needs. */
export interface ModelInfo {
  modelVersion: string;
  maxInputBytes: number;
  provider: ProviderName;
  providerNote?: string;
  loadMs: number;
}

export type ToWorker =
  | { type: 'init'; modelDir: string; providers?: ProviderName[]; threads: number }
  | { type: 'decode'; id: number; jobs: DecodeJob[] }
  | { type: 'cancel'; id: number }
  | { type: 'dispose' };

export type FromWorker =
  | { type: 'ready'; info: ModelInfo }
  | { type: 'init-error'; message: string }
  | { type: 'decoded'; id: number; outcomes: DecodeOutcome[] }
  | { type: 'cancelled'; id: number }
  | { type: 'decode-error'; id: number; message: string }
  | { type: 'disposed' };
