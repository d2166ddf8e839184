/**
 * Value types shared by the engine, the main process, the preload and the renderer.
 * Offsets are always UTF-16 code units of the caller's JS string.
 */

/** Languages the model knows, in the order of their tag ids (see models/manifest.json). */
export const LANGUAGES = [
  'lt', 'lv', 'cs', 'sk', 'pl', 'hr', 'ro', 'hu', 'fr', 'es', 'ga', 'tr', 'vi',
  'de', 'pt', 'it', 'sl', 'et', 'is', 'en',
] as const;

/** A language code the model supports. */
export type LanguageCode = (typeof LANGUAGES)[number];

/** A language choice: explicit, or detected from the text. */
export type LanguageChoice = LanguageCode | 'auto';

/** Half-open range [start, end) in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/** What kind of change a suggestion makes: only diacritics differ, or the letters differ. */
export type SuggestionKind = 'diacritics' | 'spelling';

/** One proposed replacement of a word (or a few words) of the input. */
export interface Suggestion {
  span: Span;
  original: string;
  replacement: string;
  kind: SuggestionKind;
  /** 0..1, from the model's probabilities of the replaced bytes. */
  confidence: number;
}

/** Result of correcting one text. */
export interface CorrectionResult {
  /** The corrected text (input with every suggestion applied). */
  text: string;
  suggestions: Suggestion[];
  /** The language used (resolved when the request said 'auto': the language of most of the text). */
  language: LanguageCode;
  /**
   * The language of each part, in text order: with 'auto' each paragraph, and each sentence of a paragraph
   * that has several, may have its own (consecutive parts of one language are one span).
   */
  languages?: LanguageSpan[];
  /** Wall time spent by the engine, in milliseconds. */
  elapsedMs: number;
}

/** A stretch of text corrected as one language. */
export interface LanguageSpan {
  span: Span;
  language: LanguageCode;
}

/** Execution providers of onnxruntime-node that the engine knows (DESIGN.md section 7). */
export const PROVIDERS = ['cpu', 'cuda', 'dml', 'coreml', 'webgpu'] as const;

/** Execution provider in use. */
export type ProviderName = (typeof PROVIDERS)[number];

/** Why a provider was or was not used, for each provider tried, in the order they were tried. */
export interface ProviderReason {
  provider: ProviderName;
  used: boolean;
  /** e.g. "unavailable (Failed to get a WebGPU adapter: No supported adapters)", or how it passed its check. */
  reason: string;
  /** Time spent opening and checking it (ms). */
  ms: number;
}

/** What the engine reports about itself. */
export interface EngineStatus {
  state: 'loading' | 'ready' | 'error';
  modelVersion?: string;
  provider?: ProviderName;
  /** Why the accelerator was not used, when it was not (one line: the reasons of the providers not used). */
  providerNote?: string;
  /** Every provider tried and why it was or was not used (the status bar tooltip, `ogonek fix --verbose`). */
  providerReasons?: ProviderReason[];
  error?: string;
}

/** Progress of a long (document) correction. */
export interface Progress {
  done: number;
  total: number;
}

/** Options of one correction request. */
export interface CorrectOptions {
  language: LanguageChoice;
  /** Requests with the same documentId supersede each other: the older one is cancelled. */
  documentId?: string;
  onProgress?: (progress: Progress) => void;
}

/**
 * The engine as every caller sees it (CLI, desktop app, tests).
 * Implemented by the worker-backed engine in electron/engine.
 */
export interface Corrector {
  status(): EngineStatus;
  correct(text: string, options: CorrectOptions): Promise<CorrectionResult>;
  dispose(): Promise<void>;
}
