/**
 * The trained model as an evaluation system, through the same engine entry the app and `ogonek fix` use.
 * Imported lazily: the harness must work in a checkout (or CI run) that has no engine or no model yet.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LexiconError } from '../../engine/lexicon/lexicon.ts';
import type { Corrector, LanguageCode, ProviderName } from '../../shared/types.ts';
import { ParagraphSplitter, PieceDocuments } from '../../engine/text/paragraphs.ts';
import { repeatedNames } from '../../engine/lexicon/repeated-names.ts';
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

/** Corrects sentences as the lines of one file, with the language named, as `ogonek fix --lang` does. */
export async function correctAll(
  corrector: Corrector,
  lang: LanguageCode,
  sentences: readonly string[],
): Promise<string[]> {
  // The lines as one file, corrected as `ogonek fix` corrects a file (cli/fix-stream.ts: pieces of up to MAX_PIECE
  // characters cut at line breaks, each with the text before it as its document), so that what the engine reads from
  // a whole text (the names it repeats) counts as it does there. The engine never corrects across a line break, so
  // the lines come back one for one.
  let output = '';
  const documents = new PieceDocuments();
  for (const piece of filePieces(sentences)) {
    output += (await corrector.correct(piece, { language: lang, document: documents.next(piece) })).text;
  }
  const lines = output.split('\n').slice(0, -1);
  if (lines.length !== sentences.length) {
    throw new Error(`${sentences.length} lines went in, ${lines.length} came out: a line break was added or removed`);
  }
  return lines;
}

/** Sentences as the text of one file, a sentence per line, in the pieces `ogonek fix` corrects one at a time. */
function filePieces(sentences: readonly string[]): string[] {
  const splitter = new ParagraphSplitter();
  return [...splitter.push(sentences.map((s) => `${s}\n`).join('')), ...splitter.end()];
}

/**
 * For each sentence, the names repeated in the document of the piece of its file that `ogonek fix` corrects it in
 * (correctAll: the piece and the text before it): what the product reads beside each sentence, for the ablations
 * that build its plans themselves.
 */
export function repeatedNamesByLine(sentences: readonly string[], lang: LanguageCode): Array<ReadonlySet<string>> {
  const out: Array<ReadonlySet<string>> = [];
  const documents = new PieceDocuments();
  for (const piece of filePieces(sentences)) {
    const names = repeatedNames(documents.next(piece).normalize('NFC'), lang);
    // A line cut in two (longer than a piece) counts where it ends.
    for (const _end of piece.matchAll(/\n/g)) out.push(names);
  }
  return out;
}
