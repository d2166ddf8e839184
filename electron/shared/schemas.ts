/**
 * The zod schemas of the value types in types.ts: one definition per shape, checked at runtime where a value
 * crosses a process or thread boundary (shared/contract.ts, engine/host/host-protocol.ts,
 * engine/worker/worker-protocol.ts). types.ts infers the types from these without importing zod at runtime, so
 * code that only needs the types (most of the engine) does not load zod.
 */
import { z } from 'zod';
import { LANGUAGES, PROVIDERS } from './types.ts';

/** A language code the model supports. */
export const languageSchema = z.enum(LANGUAGES);

/** A language choice: explicit, or detected from the text. */
export const languageChoiceSchema = z.enum(['auto', ...LANGUAGES]);

/** Half-open range [start, end) in UTF-16 code units. */
export const spanSchema = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
  .refine((span) => span.end >= span.start, 'span end before start');

/** What kind of change a suggestion makes: only diacritics differ, or the letters differ. */
export const suggestionKindSchema = z.enum(['diacritics', 'spelling']);

/**
 * Where a suggestion comes from: another spelling of the word from the dictionary (lexicon), a dictionary word a
 * typo away from an unknown one (typo), or text no dictionary attests: what the model wrote freely, the diacritics
 * tagger's spelling of a word no dictionary knows, or a letter model's respelling of its ending (model).
 */
export const suggestionSourceSchema = z.enum(['lexicon', 'typo', 'model']);

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

/** A stretch of text corrected as one language. */
export const languageSpanSchema = z.object({ span: spanSchema, language: languageSchema });

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
  /**
   * The words of the text (lowercase, sorted) taken for names because the text, or the document it belongs to,
   * repeats them: they keep their letters where written capitalised (CorrectOptions.document).
   */
  repeatedNames: z.array(z.string()).optional(),
  /** Wall time spent by the engine, in milliseconds. */
  elapsedMs: z.number().nonnegative(),
});

/** Execution provider in use. */
export const providerSchema = z.enum(PROVIDERS);

/** Why a provider was or was not used, for each provider tried, in the order they were tried. */
export const providerReasonSchema = z.object({
  provider: providerSchema,
  used: z.boolean(),
  /** e.g. "unavailable (Failed to get a WebGPU adapter: No supported adapters)", or how it passed its check. */
  reason: z.string(),
  /** Time spent opening and checking it (ms). */
  ms: z.number(),
});

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

/** Progress of a long (document) correction. */
export const progressSchema = z.object({ done: z.number().nonnegative(), total: z.number().nonnegative() });

/** What a corrector can load ahead of the first request. */
export const setupOptionsSchema = z.object({
  /** Languages whose lexicons and language models load now rather than on their first request. */
  languages: z.array(languageSchema),
});
