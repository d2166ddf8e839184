/**
 * Value types shared by the engine, the main process, the preload and the renderer: each shape is one zod
 * schema and its type is inferred from it, so the IPC contract (contract.ts) and the engine's process protocol
 * validate exactly what the code is typed with. Offsets are always UTF-16 code units of the caller's JS string.
 * Only plain TS + zod here: this module is bundled into the sandboxed preload and the renderer.
 */
import { z } from 'zod';

/** Languages the model knows, in the order of their tag ids (see models/manifest.json). */
export const LANGUAGES = [
  'lt', 'lv', 'cs', 'sk', 'pl', 'hr', 'ro', 'hu', 'fr', 'es', 'ga', 'tr', 'vi',
  'de', 'pt', 'it', 'sl', 'et', 'is', 'en',
] as const;

export const languageSchema = z.enum(LANGUAGES);
/** A language code the model supports. */
export type LanguageCode = z.infer<typeof languageSchema>;

export const languageChoiceSchema = z.enum(['auto', ...LANGUAGES]);
/** A language choice: explicit, or detected from the text. */
export type LanguageChoice = z.infer<typeof languageChoiceSchema>;

/** Half-open range [start, end) in UTF-16 code units. */
export const spanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((span) => span.end >= span.start, 'span end before start');
export type Span = z.infer<typeof spanSchema>;

/** What kind of change a suggestion makes: only diacritics differ, or the letters differ. */
export const suggestionKindSchema = z.enum(['diacritics', 'spelling']);
export type SuggestionKind = z.infer<typeof suggestionKindSchema>;

/**
 * Where a suggestion comes from: another spelling of the word from the dictionary (lexicon), a dictionary word a
 * typo away from an unknown one (typo), or text the model wrote freely (model).
 */
export const suggestionSourceSchema = z.enum(['lexicon', 'typo', 'model']);
export type SuggestionSource = z.infer<typeof suggestionSourceSchema>;

/** One proposed replacement of a word (or a few words) of the input. */
export const suggestionSchema = z.object({
  span: spanSchema,
  original: z.string(),
  replacement: z.string(),
  kind: suggestionKindSchema,
  source: suggestionSourceSchema,
  /** 0..1, from the model's probabilities of the replaced bytes. */
  confidence: z.number().min(0).max(1),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

/** A stretch of text corrected as one language. */
export const languageSpanSchema = z.object({ span: spanSchema, language: languageSchema });
export type LanguageSpan = z.infer<typeof languageSpanSchema>;

/** Result of correcting one text. */
export const correctionResultSchema = z.object({
  /** The corrected text (input with every suggestion applied). */
  text: z.string(),
  suggestions: z.array(suggestionSchema),
  /** The language used (resolved when the request said 'auto': the language of most of the text). */
  language: languageSchema,
  /**
   * The language of each part, in text order: with 'auto' each paragraph, and each sentence of a paragraph
   * that has several, may have its own (consecutive parts of one language are one span).
   */
  languages: z.array(languageSpanSchema).optional(),
  /** Wall time spent by the engine, in milliseconds. */
  elapsedMs: z.number().nonnegative(),
});
export type CorrectionResult = z.infer<typeof correctionResultSchema>;

/** Execution providers of onnxruntime-node that the engine knows (DESIGN.md section 7). */
export const PROVIDERS = ['cpu', 'cuda', 'dml', 'coreml', 'webgpu'] as const;

/** Execution provider in use. */
export const providerSchema = z.enum(PROVIDERS);
export type ProviderName = z.infer<typeof providerSchema>;

/** Why a provider was or was not used, for each provider tried, in the order they were tried. */
export const providerReasonSchema = z.object({
  provider: providerSchema,
  used: z.boolean(),
  /** e.g. "unavailable (Failed to get a WebGPU adapter: No supported adapters)", or how it passed its check. */
  reason: z.string(),
  /** Time spent opening and checking it (ms). */
  ms: z.number(),
});
export type ProviderReason = z.infer<typeof providerReasonSchema>;

/** What the engine reports about itself. */
export const engineStatusSchema = z.object({
  state: z.enum(['loading', 'ready', 'error']),
  modelVersion: z.string().optional(),
  provider: providerSchema.optional(),
  /** Why the accelerator was not used, when it was not (one line: the reasons of the providers not used). */
  providerNote: z.string().optional(),
  /** Every provider tried and why it was or was not used (the status bar tooltip, `ogonek fix --verbose`). */
  providerReasons: z.array(providerReasonSchema).optional(),
  error: z.string().optional(),
});
export type EngineStatus = z.infer<typeof engineStatusSchema>;

/** Progress of a long (document) correction. */
export const progressSchema = z.object({ done: z.number().nonnegative(), total: z.number().nonnegative() });
export type Progress = z.infer<typeof progressSchema>;

/** What a corrector can load ahead of the first request. */
export const setupOptionsSchema = z.object({
  /** Languages whose lexicons and language models load now rather than on their first request. */
  languages: z.array(languageSchema),
});
export type SetupOptions = z.infer<typeof setupOptionsSchema>;

/** Options of one correction request (a callback: no schema, nothing here crosses a boundary as it is). */
export interface CorrectOptions {
  language: LanguageChoice;
  /** Requests with the same documentId supersede each other: the older one is cancelled. */
  documentId?: string;
  onProgress?: (progress: Progress) => void;
}

/**
 * The engine as every caller sees it (CLI, desktop app, tests). Implemented in this process over a worker
 * thread (electron/engine/local-corrector.ts) and in a separate process (electron/engine/host/).
 */
export interface Corrector {
  status(): EngineStatus;
  /** Loads what `options` names ahead of the first request; rejects when something it needs is missing. */
  setup(options: SetupOptions): Promise<void>;
  /** Rejects with CorrectionCancelledError (shared/cancellation.ts) when superseded or cancelled. */
  correct(text: string, options: CorrectOptions): Promise<CorrectionResult>;
  /** Cancels the request in flight for `documentId`, if any. */
  cancel(documentId: string): void;
  dispose(): Promise<void>;
}
