/**
 * The trained model as an evaluation system, through the same engine entry the app and `ogonek fix` use.
 * Imported lazily: the harness must work in a checkout (or CI run) that has no engine or no model yet.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Corrector, LanguageCode, ProviderName } from '../../shared/types.ts';
import { EvalInputError } from '../gold-file.ts';

interface EngineModule {
  createCorrector(options?: {
    modelDir?: string;
    providers?: ProviderName[];
    threads?: number;
    decoding?: 'speculative' | 'lexicon';
  }): Promise<Corrector>;
}

/** Starts the engine on `modelDir`; fails with a clear message when the engine or the model is missing. */
export async function createModelCorrector(
  modelDir: string,
  threads?: number,
  decoding: 'speculative' | 'lexicon' = 'speculative',
): Promise<Corrector> {
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
  return engine.createCorrector({ modelDir, decoding, ...(threads === undefined ? {} : { threads }) });
}

/** Corrects sentences one by one (the engine batches internally where it can). */
export async function correctAll(
  corrector: Corrector,
  lang: LanguageCode,
  sentences: readonly string[],
): Promise<string[]> {
  const outputs: string[] = [];
  for (const sentence of sentences) outputs.push((await corrector.correct(sentence, { language: lang })).text);
  return outputs;
}
