/**
 * Value types shared by the engine, the main process, the preload and the renderer. Each shape is one zod schema
 * (schemas.ts) and its type is inferred from it here, so the IPC contract and the engine's protocols validate
 * exactly what the code is typed with. Type-only imports: loading this module does not load zod (125-290 ms and
 * 6-10 MB per thread, measured), which the engine's worker and the CLI's start do not pay.
 * Offsets are always UTF-16 code units of the caller's JS string.
 */
import type { z } from 'zod';
import type * as schemas from './schemas.ts';

/** Languages the model knows, in the order of their tag ids (see models/manifest.json). */
export const LANGUAGES = [
  'lt', 'lv', 'cs', 'sk', 'pl', 'hr', 'ro', 'hu', 'fr', 'es', 'ga', 'tr', 'vi',
  'de', 'pt', 'it', 'sl', 'et', 'is', 'en',
] as const;

/** A language code the model supports. */
export type LanguageCode = z.infer<typeof schemas.languageSchema>;

/** A language choice: explicit, or detected from the text. */
export type LanguageChoice = z.infer<typeof schemas.languageChoiceSchema>;

/** Half-open range [start, end) in UTF-16 code units. */
export type Span = z.infer<typeof schemas.spanSchema>;

/** What kind of change a suggestion makes: only diacritics differ, or the letters differ. */
export type SuggestionKind = z.infer<typeof schemas.suggestionKindSchema>;

/**
 * Where a suggestion comes from: another spelling of the word from the dictionary (lexicon), a dictionary word a
 * typo away from an unknown one (typo), or text the model wrote freely (model).
 */
export type SuggestionSource = z.infer<typeof schemas.suggestionSourceSchema>;

/** One proposed replacement of a word (or a few words) of the input. */
export type Suggestion = z.infer<typeof schemas.suggestionSchema>;

/** A stretch of text corrected as one language. */
export type LanguageSpan = z.infer<typeof schemas.languageSpanSchema>;

/** Result of correcting one text. */
export type CorrectionResult = z.infer<typeof schemas.correctionResultSchema>;

/** Execution providers of onnxruntime-node that the engine knows (DESIGN.md section 7). */
export const PROVIDERS = ['cpu', 'cuda', 'dml', 'coreml', 'webgpu'] as const;

/** Execution provider in use. */
export type ProviderName = z.infer<typeof schemas.providerSchema>;

/** Why a provider was or was not used, for each provider tried, in the order they were tried. */
export type ProviderReason = z.infer<typeof schemas.providerReasonSchema>;

/** What the engine reports about itself. */
export type EngineStatus = z.infer<typeof schemas.engineStatusSchema>;

/** Progress of a long (document) correction. */
export type Progress = z.infer<typeof schemas.progressSchema>;

/** What a corrector can load ahead of the first request. */
export type SetupOptions = z.infer<typeof schemas.setupOptionsSchema>;

/** Options of one correction request (a callback: no schema, nothing here crosses a boundary as it is). */
export interface CorrectOptions {
  language: LanguageChoice;
  /**
   * With `auto`: the language of the text this one belongs to (the paragraphs before it, where a caller corrects a
   * document piece by piece). The text keeps it unless its own n-grams and lexicon say otherwise, as a paragraph of
   * a whole text does; a short one ("S pozdravem, Jiri Dvorak") always does.
   */
  around?: LanguageCode;
  /**
   * The whole text this one is a part of (the editor's document around the paragraph it checks while one types):
   * a word the document repeats as a name (lexicon/repeated-names.ts) is one in this part too, as in a Fix all.
   */
  document?: string;
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
