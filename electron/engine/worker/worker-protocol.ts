/**
 * Messages between the engine worker (engine-worker.ts) and its client (worker-client.ts), validated like the
 * other two hops (shared/contract.ts, host/host-protocol.ts): a message that does not fit is a bug, reported as
 * one instead of decoded into garbage. Both directions are checked on the client's side, what it receives and
 * what it sends, so that zod never loads in the worker thread, where it cost 125-290 ms and 6-10 MB per start.
 */
import { z } from 'zod';
import { providerReasonSchema, providerSchema } from '../../shared/schemas.ts';
import { ENCODERS } from '../model/encoder-kind.ts';
import { lexiconPlanSchema, wordChoiceSchema } from '../decoding/lexicon-schemas.ts';

const encoderIdsSchema = z.custom<Int32Array>((value) => value instanceof Int32Array, 'expected an Int32Array');
/** The sentence's UTF-8 bytes: what speculation drafts from, what lexicon decoding copies. */
const sourceSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected a Uint8Array');

/** One unit to decode: free decoding (speculative), or the model ranking the plan's lexicon candidates. */
export const decodeJobSchema = z.discriminatedUnion('decoding', [
  z.object({ decoding: z.literal('speculative'), encoderIds: encoderIdsSchema, source: sourceSchema }),
  z.object({ decoding: z.literal('lexicon'), encoderIds: encoderIdsSchema, source: sourceSchema,
    plan: lexiconPlanSchema, lambda: z.number(), typoLambda: z.number() }),
]);
export type DecodeJob = z.infer<typeof decodeJobSchema>;

/** What the decoder produced for one job. */
export const decodeOutcomeSchema = z.object({
  ids: z.array(z.number().int()),
  probs: z.array(z.number()),
  /** Lexicon decoding: what it wrote for each plan word, in plan order (free decoding chooses no words). */
  choices: z.array(wordChoiceSchema).optional(),
  passes: z.number().int().nonnegative(),
  ms: z.number().nonnegative(),
});
export type DecodeOutcome = z.infer<typeof decodeOutcomeSchema>;

/** Facts about the loaded model that the client needs. */
export const modelInfoSchema = z.object({
  modelVersion: z.string(),
  maxInputBytes: z.number().int().positive(),
  provider: providerSchema,
  providerNote: z.string().optional(),
  providerReasons: z.array(providerReasonSchema),
  /** The encoder graph in use (int8 on the CPU, float on an accelerator). */
  encoder: z.enum(ENCODERS),
  /** Whether the encoder takes batches: then a document goes to the worker in larger messages. */
  batchedEncoder: z.boolean(),
  loadMs: z.number().nonnegative(),
});
export type ModelInfo = z.infer<typeof modelInfoSchema>;

const requestId = z.number().int();

export const toWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('init'), modelDir: z.string(), providers: z.array(providerSchema).optional(),
    threads: z.number().int().positive(), encoder: z.enum(ENCODERS).optional() }),
  z.object({ type: z.literal('decode'), id: requestId, jobs: z.array(decodeJobSchema) }),
  z.object({ type: z.literal('cancel'), id: requestId }),
]);
export type ToWorker = z.infer<typeof toWorkerSchema>;

export const fromWorkerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), info: modelInfoSchema }),
  z.object({ type: z.literal('init-error'), message: z.string() }),
  z.object({ type: z.literal('decoded'), id: requestId, outcomes: z.array(decodeOutcomeSchema) }),
  z.object({ type: z.literal('cancelled'), id: requestId }),
  z.object({ type: z.literal('decode-error'), id: requestId, message: z.string() }),
]);
export type FromWorker = z.infer<typeof fromWorkerSchema>;
