/**
 * Entry of the engine: createCorrector() loads the model in a worker thread and returns the Corrector that
 * the CLI, the engine's process (host/) and the tests use.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LanguageCode, ProviderName } from '../shared/types.ts';
import { type Decoding, LocalCorrector, loadLanguages, usesTagger } from './local-corrector.ts';
import { Lexicons } from './lexicon/lexicon.ts';
import type { PlanOptions } from './lexicon/lexicon-plan.ts';
import { NgramModels } from './lm/ngram-model.ts';
import { WorkerClient } from './worker/worker-client.ts';
import { MAX_BATCH_SENTENCES } from './model/encoder-batches.ts';
import type { EncoderKind } from './model/encoder-kind.ts';
import { providerList } from './model/model-loader.ts';
import { loadTaggers } from './tagger/load-tagger.ts';

export { CorrectionCancelledError } from '../shared/cancellation.ts';
export { ModelFileError } from './model/model-files.ts';
export { DECODINGS, type Decoding, LocalCorrector } from './local-corrector.ts';
export { DEFAULT_LAMBDA, DEFAULT_TYPED_LAMBDA } from './decoding/lexicon-decode.ts';

/** Options of createCorrector. */
export interface CreateCorrectorOptions {
  /** Folder with manifest.json and the ONNX files (default: <repo>/models). */
  modelDir?: string;
  /**
   * Providers to try in order; the CPU is always the last resort (default: the platform's accelerators, then cpu,
   * an accelerator kept only if it beats the CPU; named here, it is kept when it is correct). ['cpu'] forces the CPU.
   */
  providers?: ProviderName[];
  /** The encoder graph every provider runs (default: float on an accelerator, int8 on the CPU); for comparisons. */
  encoder?: EncoderKind;
  /** Intra-op threads of the CPU sessions (default 2). */
  threads?: number;
  /** Folder of the complete lexicons, <lang>.lex.br (default: <modelDir>/lexicon; null: none). */
  lexiconDir?: string | null;
  /** Folder of the word language models, <lang>.lm.br (default: <modelDir>/lm; null or absent folder: none). */
  lmDir?: string | null;
  /** Weight of the language model in the lattice (default DEFAULT_LM_WEIGHT); 0 turns it off. */
  lmWeight?: number;
  /** Its weight in sentences that already have diacritics (default DEFAULT_TYPED_LM_WEIGHT). */
  typedLmWeight?: number;
  /** Share of the suffix-class model (<lang>.sfx.br) beside the word LM's (default: per language, SUFFIX_WEIGHTS). */
  suffixWeight?: number;
  /** Share of the ending-class model (<lang>.end.br) beside the word LM's (default: per language, ENDING_WEIGHTS). */
  endingWeight?: number;
  /** Weight of the respellings of unknown words' endings (<lang>.spelled.br; default: per language, SPELLED_WEIGHTS). */
  spelledWeight?: number;
  /**
   * Weight of the diacritics taggers (<modelDir>/tagger.<langs>.int8.onnx) in lexicon decoding (default: per
   * language, TAGGER_WEIGHTS); 0 turns their opinion of lexicon candidates off. A language no tagger knows goes
   * without.
   */
  taggerWeight?: number;
  /**
   * Weight of a tagger's own spelling of a word the lexicon does not know (default: per language,
   * TAGGER_SPELLING_WEIGHTS); 0 writes no such spelling. With both weights 0 the taggers are not loaded.
   */
  taggerSpellingWeight?: number;
  /** Where a language model that cannot be loaded is reported, once per language (default: stderr). */
  onWarning?: (message: string) => void;
  /**
   * lexicon (default: the model ranks the lexicon's spellings of each word; a language without a forms lexicon
   * falls back to speculative) or speculative (free decoding). bench/lexicon-decoding/REPORT.md has the
   * measurements behind the default.
   */
  decoding?: Decoding;
  /**
   * Weight of the frequency prior in lexicon decoding for sentences without diacritics (default DEFAULT_LAMBDA in
   * MODEL_RANKED_LANGUAGES, else PRIORS_ONLY: the priors decide alone and the model is not run).
   */
  lambda?: number;
  /** The same for sentences that already have diacritics (default DEFAULT_TYPED_LAMBDA). */
  typedLambda?: number;
  /** The same for a word that may be a typo, in a sentence without diacritics (default DEFAULT_TYPO_LAMBDA). */
  typoLambda?: number;
  /** The same for a sentence with diacritics whose writer skipped some (default DEFAULT_SKIPPING_LAMBDA). */
  skippingLambda?: number;
  /** How lexicon decoding picks candidates, e.g. `inputCount`: the weight of an unattested input spelling. */
  lexiconPlan?: Partial<PlanOptions>;
  /**
   * Languages whose lexicons start loading at once, on this thread, while the worker loads the model (the
   * CLI knows its --lang before it has read any text), their diacritics taggers' sessions too. Loading them one
   * after the other was most of the CLI's cold start; others load on first use.
   */
  languages?: LanguageCode[];
}

/** The shipped model's folder: <repo>/models. */
export const DEFAULT_MODEL_DIR = fileURLToPath(new URL('../../models', import.meta.url));

/**
 * Loads the model (sha256-verified) in a worker thread, picks the execution provider, and returns a ready
 * Corrector. Rejects with a clear message (naming the file) when the model is missing, truncated or corrupt.
 */
export async function createCorrector(options: CreateCorrectorOptions = {}): Promise<LocalCorrector> {
  const modelDir = options.modelDir ?? DEFAULT_MODEL_DIR;
  // A provider name nobody knows is the caller's mistake: refused here with UnknownProviderError, before a worker starts.
  if (options.providers !== undefined) providerList(options.providers);
  const worker = new WorkerClient(modelDir, options.providers, options.threads ?? 2, options.encoder);
  const lexiconDir = options.lexiconDir === undefined ? join(modelDir, 'lexicon') : options.lexiconDir;
  const decoding = options.decoding ?? 'lexicon';
  const forms = new Lexicons(lexiconDir);
  const lmDir = options.lmDir === undefined ? join(modelDir, 'lm') : options.lmDir;
  const warn = options.onWarning ?? ((message: string) => console.error(`ogonek: ${message}`));
  // The language model only sharpens choices: a damaged one is reported once and decoding goes on without it.
  const lms = options.lmWeight === 0 ? undefined
    : new NgramModels(lmDir && existsSync(lmDir) ? lmDir : null, (error) => warn(error.message));
  // A missing or damaged lexicon of a language asked for fails the start with the LexiconError naming the file.
  // Its language model loads at the same time: left to the first correct(), it came after the model was ready,
  // about 80 ms on the CLI's cold start.
  const preloading = loadLanguages({ decoding, forms, lms }, options.languages ?? []);
  // The sessions of the named languages whose tagger weighs in open with the model.
  const taggedNow = (options.languages ?? []).filter((lang) => usesTagger(options, lang));
  try {
    const [info, tagger] = await Promise.all([worker.ready,
      decoding === 'lexicon' && !(options.taggerWeight === 0 && options.taggerSpellingWeight === 0)
        ? loadTaggers(modelDir, taggedNow) : null, preloading]);
    return new LocalCorrector(worker, { modelVersion: info.modelVersion, maxInputBytes: info.maxInputBytes,
      status: { state: 'ready', modelVersion: info.modelVersion, provider: info.provider, providerNote: info.providerNote,
        providerReasons: info.providerReasons },
      info, batchSize: info.batchedEncoder ? MAX_BATCH_SENTENCES : undefined, decoding, forms, lms, lmWeight: options.lmWeight, typedLmWeight: options.typedLmWeight,
      suffixWeight: options.suffixWeight, endingWeight: options.endingWeight,
      spelledWeight: options.spelledWeight, lambda: options.lambda,
      typedLambda: options.typedLambda, typoLambda: options.typoLambda,
      skippingLambda: options.skippingLambda, plan: options.lexiconPlan, tagger: tagger ?? undefined,
      taggerWeight: options.taggerWeight, taggerSpellingWeight: options.taggerSpellingWeight });
  } catch (error) {
    await worker.dispose();
    throw error;
  }
}
