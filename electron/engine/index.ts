/**
 * Entry of the engine: createCorrector() loads the model in a worker thread and returns the Corrector that
 * the CLI, the desktop app and the tests all use.
 */
import { fileURLToPath } from 'node:url';
import type { Corrector, EngineStatus, LanguageCode, ProviderName } from '../shared/types.ts';
import { join } from 'node:path';
import { type Decoding, EngineCorrector, loadLexicons } from './corrector.ts';
import { FormsLexicons } from './forms-lexicon.ts';
import type { PlanOptions } from './lexicon-plan.ts';
import { DraftLexicons } from './draft-lexicon.ts';
import { WorkerClient } from './worker-client.ts';
import type { ModelInfo } from './worker-protocol.ts';

export { CancelledError } from './worker-client.ts';
export { ModelFileError } from './model-files.ts';
export { DECODINGS, type Decoding } from './corrector.ts';
export { DEFAULT_LAMBDA, DEFAULT_TYPED_LAMBDA } from './lexicon-decode.ts';

/** Options of createCorrector. */
export interface CreateCorrectorOptions {
  /** Folder with manifest.json and the ONNX files (default: <repo>/models). */
  modelDir?: string;
  /** Providers to try in order; the CPU is always the last resort (default: the platform's accelerator, then cpu). */
  providers?: ProviderName[];
  /** Intra-op threads of the CPU sessions (default 2). */
  threads?: number;
  /** Folder of the candidate lexicons (and draft lexicons) (default: <modelDir>/lexicon; null: none). */
  lexiconDir?: string | null;
  /**
   * Speculative drafts from the input with each word replaced by its most frequent spelling, instead of the
   * input itself (default false: with model 0.1.0-h200 the raw input made the faster drafts in four bench runs
   * out of four, 2.78-2.96x against 2.49-2.64x, and costs no lexicon memory).
   */
  draftLexicons?: boolean;
  /**
   * Lexicon decoding also offers the unigram lexicon's spelling of words whose key the forms lexicon had no
   * room for (default true; bench/lexicon-decoding/REPORT.md).
   */
  unigramFallback?: boolean;
  /**
   * lexicon (default: the model ranks the lexicon's spellings of each word; a language without a forms lexicon
   * falls back to speculative), speculative (free decoding) or greedy (the same output as speculative, slower).
   * bench/lexicon-decoding/REPORT.md has the measurements behind the default.
   */
  decoding?: Decoding;
  /** Weight of the frequency prior in lexicon decoding for sentences without diacritics (default DEFAULT_LAMBDA). */
  lambda?: number;
  /** The same for sentences that already have diacritics (default DEFAULT_TYPED_LAMBDA). */
  typedLambda?: number;
  /**
   * How lexicon decoding picks candidates: e.g. `{ unknown: 'model' }` lets the model choose the letters of
   * words without candidates (default: copied); `inputCount` is the weight of an unattested input spelling.
   */
  lexiconPlan?: Partial<PlanOptions>;
  /**
   * Languages whose lexicons start loading at once, on this thread, while the worker loads the model (the
   * CLI knows its --lang before it has read any text). Loading them one after the other was most of the
   * CLI's cold start; others load on first use.
   */
  languages?: LanguageCode[];
}

/** The shipped model's folder: <repo>/models. */
export const DEFAULT_MODEL_DIR = fileURLToPath(new URL('../../models', import.meta.url));

/** A corrector that also reports what loading cost (benchmarks read it). */
export interface EngineHandle extends Corrector {
  readonly info: ModelInfo;
}

/** The corrector and the worker it drives (benchmarks talk to the worker directly for greedy runs). */
export interface Engine {
  corrector: EngineHandle & EngineCorrector;
  worker: WorkerClient;
}

/** Starts the worker, loads the model there and wraps it in a corrector. */
export async function createEngine(options: CreateCorrectorOptions = {}): Promise<Engine> {
  const modelDir = options.modelDir ?? DEFAULT_MODEL_DIR;
  const worker = new WorkerClient(modelDir, options.providers, options.threads ?? 2);
  const lexiconDir = options.lexiconDir === undefined ? join(modelDir, 'lexicon') : options.lexiconDir;
  const lexicons = options.draftLexicons ? new DraftLexicons(lexiconDir) : undefined;
  const decoding = options.decoding ?? 'lexicon';
  const forms = new FormsLexicons(lexiconDir);
  const fallback = options.unigramFallback === false ? undefined : new DraftLexicons(lexiconDir, 2);
  // Lexicon loaders never reject (a missing file means no lexicon), so this cannot outlive a failed model load.
  const preloading = Promise.all((options.languages ?? []).map((lang) =>
    Promise.all([lexicons?.load(lang), loadLexicons({ decoding, forms, fallback }, lang)])));
  let info: ModelInfo;
  try {
    [info] = await Promise.all([worker.ready, preloading]);
  } catch (error) {
    await worker.dispose();
    throw error;
  }
  const status: EngineStatus = { state: 'ready', modelVersion: info.modelVersion, provider: info.provider,
    providerNote: info.providerNote };
  const corrector = new EngineCorrector(worker, { modelVersion: info.modelVersion, maxInputBytes: info.maxInputBytes,
    status, lexicons, decoding, forms, lambda: options.lambda, typedLambda: options.typedLambda, plan: options.lexiconPlan,
    fallback });
  return { corrector: Object.assign(corrector, { info }), worker };
}

/**
 * Loads the model (sha256-verified) in a worker thread, picks the execution provider, and returns a ready
 * Corrector. Rejects with a clear message (naming the file) when the model is missing, truncated or corrupt.
 */
export async function createCorrector(options: CreateCorrectorOptions = {}): Promise<EngineHandle> {
  return (await createEngine(options)).corrector;
}
