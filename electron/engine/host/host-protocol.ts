/**
 * Messages between the main process (ProcessCorrector) and the engine's utility process (engine-process.ts).
 * Both ends validate what they receive: a crashed or confused peer must not become a crashed main process.
 */
import { z } from 'zod';
import { correctionResultSchema, engineStatusSchema, languageChoiceSchema, languageSchema, providerSchema, setupOptionsSchema } from '../../shared/schemas.ts';

/** Options the host passes when it starts the engine process (as the first message). */
export const engineInitSchema = z.object({
  type: z.literal('init'),
  modelDir: z.string().optional(),
  threads: z.number().int().positive().optional(),
  /** Providers to try (absent: the platform's default order); ['cpu'] when the user turned the GPU off. */
  providers: z.array(providerSchema).min(1).optional(),
});

export const hostMessageSchema = z.discriminatedUnion('type', [
  engineInitSchema,
  z.object({
    type: z.literal('correct'),
    id: z.number().int(),
    text: z.string(),
    language: languageChoiceSchema,
    around: languageSchema.optional(),
    document: z.string().optional(),
    documentId: z.string().optional(),
  }),
  z.object({ type: z.literal('cancel'), documentId: z.string() }),
  z.object({ type: z.literal('setup'), ...setupOptionsSchema.shape }),
]);
export type HostMessage = z.infer<typeof hostMessageSchema>;

export const engineMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('status'), status: engineStatusSchema }),
  z.object({ type: z.literal('progress'), id: z.number().int(), done: z.number(), total: z.number() }),
  z.object({ type: z.literal('result'), id: z.number().int(), result: correctionResultSchema }),
  z.object({ type: z.literal('error'), id: z.number().int(), message: z.string(), cancelled: z.boolean() }),
]);
export type EngineMessage = z.infer<typeof engineMessageSchema>;

/**
 * The handle the host holds on the engine process. Electron's UtilityProcess fits it directly; tests
 * use Node's child_process.fork wrapped to the same shape.
 */
export interface EngineChild {
  postMessage(message: HostMessage): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}
