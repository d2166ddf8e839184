/**
 * The trained model as an evaluation system, through the same engine entry the app and `ogonek fix` use.
 * Imported lazily: the harness must work in a checkout (or CI run) that has no engine or no model yet.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LexiconError } from '../../engine/lexicon/lexicon.ts';
import type { Corrector, LanguageCode, ProviderName } from '../../shared/types.ts';
import { EvalInputError } from '../gold-file.ts';

/** The createCorrector options the harness uses (electron/engine/index.ts has them all). */
interface EngineOptions {
  modelDir?: string;
  providers?: ProviderName[];
  threads?: number;
  decoding?: 'speculative' | 'lexicon';
  lexiconDir?: string | null;
  languages?: LanguageCode[];
}

interface EngineModule {
  createCorrector(options?: EngineOptions): Promise<Corrector>;
}

/** Starts the engine on `modelDir`; fails with a clear message when the engine, the model or a lexicon is missing. */
async function startEngine(modelDir: string, options: Omit<EngineOptions, 'modelDir'>): Promise<Corrector> {
  const entry = new URL('../../engine/index.ts', import.meta.url);
  if (!existsSync(fileURLToPath(entry))) {
    throw new EvalInputError(
      `the model system needs the engine (${fileURLToPath(entry)}), ` + 'which this checkout does not have yet',
    );
  }
  if (!existsSync(join(modelDir, 'manifest.json'))) {
    throw new EvalInputError(`the model system needs a model: ${join(modelDir, 'manifest.json')} does not exist`);
  }
  // A literal specifier (not entry.href), so that the CLI's bundle (bin/cli-bundle.mjs) compiles the engine in.
  const engine = (await import('../../engine/index.ts')) as EngineModule;
  try {
    return await engine.createCorrector({ modelDir, ...options });
  } catch (error) {
    // A missing or damaged lexicon is bad input (exit 1 with the engine's message), not a crash.
    if (error instanceof LexiconError) throw new EvalInputError(error.message);
    throw error;
  }
}

/** The model with an explicit decoding (the `model` system: free decoding). */
export function createModelCorrector(
  modelDir: string,
  threads?: number,
  decoding: 'speculative' | 'lexicon' = 'speculative',
): Promise<Corrector> {
  return startEngine(modelDir, { decoding, ...(threads === undefined ? {} : { threads }) });
}

/**
 * Exactly what `ogonek fix --lang <lang> --model <modelDir>` runs (electron/cli/fix-command.ts): the engine's
 * default decoding, providers and lexicon folder (<modelDir>/lexicon), with the language's lexicon loading while
 * the model loads. Only what the caller sets explicitly differs: `threads` (speed only) and `lexiconDir`.
 */
export function createProductCorrector(
  modelDir: string,
  lang: LanguageCode,
  overrides: { threads?: number; lexiconDir?: string; lmWeight?: number } = {},
): Promise<Corrector> {
  return startEngine(modelDir, {
    languages: [lang],
    ...(overrides.threads === undefined ? {} : { threads: overrides.threads }),
    ...(overrides.lexiconDir === undefined ? {} : { lexiconDir: overrides.lexiconDir }),
    ...(overrides.lmWeight === undefined ? {} : { lmWeight: overrides.lmWeight }),
  });
}

/**
 * The network alone when the model folder has a diacritics tagger trained on `lang`: every letter written as its
 * most likely variant in the sentence (no lexicon, no language model). Null otherwise.
 */
export async function createTaggerRestorer(modelDir: string, lang: LanguageCode):
  Promise<{ restore(sentences: readonly string[]): Promise<string[]>; dispose(): Promise<void> } | null> {
  // No manifest: not a model folder; startEngine says so (exit 1 with the path).
  if (!existsSync(join(modelDir, 'manifest.json'))) return null;
  const { loadTaggers } = await import('../../engine/tagger/load-tagger.ts');
  const tagger = await loadTaggers(modelDir);
  if (!tagger) return null;
  // A language the tagger was not trained on: the model system is the decoder's free decoding, as before.
  if (!tagger.tags(lang)) {
    await tagger.release();
    return null;
  }
  return {
    async restore(sentences) {
      const out: string[] = [];
      for (const s of sentences) out.push((await tagger.score([s.normalize('NFC')], lang))[0]!.restore());
      return out;
    },
    dispose: () => tagger.release(),
  };
}

/** Corrects sentences one by one with the language named, as `ogonek fix --lang` does. */
export async function correctAll(
  corrector: Corrector,
  lang: LanguageCode,
  sentences: readonly string[],
): Promise<string[]> {
  const outputs: string[] = [];
  for (const sentence of sentences) outputs.push((await corrector.correct(sentence, { language: lang })).text);
  return outputs;
}
