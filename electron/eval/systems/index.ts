/**
 * The systems the harness can score, behind one interface so that every baseline and the model are run,
 * timed and measured the same way.
 */
import { join } from 'node:path';
import { type Lexicon, LexiconError, readLexicon } from '../../engine/lexicon/lexicon.ts';
import type { LanguageCode } from '../../shared/types.ts';
import { EvalInputError } from '../gold-file.ts';
import { DEFAULT_MODEL_DIR } from '../paths.ts';
import { latticeContext } from '../../engine/local-corrector.ts';
import { buildPlan, choosePriorBest, planOptionsFor, sentencePlanOptions, sentenceTyping } from '../../engine/lexicon/lexicon-plan.ts';
import { readNgramModel } from '../../engine/lm/ngram-model.ts';
import { correctAll, createModelCorrector, createProductCorrector, createTaggerRestorer, repeatedNamesByLine } from './model.ts';
import { createSpellChecker, createSpellCorrector, loadWordFrequencies } from './spell.ts';
import { createUnigramRestorer } from './unigram.ts';

/**
 * keep: identity; unigram: lexicon baseline; spell: nspell baseline; model: the network alone (the diacritics
 * tagger's letter-by-letter restoration in the languages the model folder's tagger knows, else free decoding);
 * product: exactly what `ogonek fix` does by default, the stable name of the product in every report.
 * The ablations of the product's lattice: lexicon (candidates + frequency prior, no model, no language model),
 * lexicon-lm (+ the word language model), product-nolm (+ the model: tagger and decoder, without the language model).
 */
export const SYSTEMS = ['keep', 'unigram', 'spell', 'model', 'product', 'lexicon', 'lexicon-lm', 'product-nolm'] as const;

/** One of {@link SYSTEMS}. */
export type SystemName = (typeof SYSTEMS)[number];

/**
 * Names that earlier runs used for a system, and the system they mean now. `model-lexicon` (the model ranking
 * the lexicon's forms) became the default of `ogonek fix`, so it is the product.
 */
export const SYSTEM_ALIASES: Readonly<Record<string, SystemName>> = { 'model-lexicon': 'product' };

/** A loaded system, ready to correct sentences of one language. */
export interface EvalSystem {
  readonly name: SystemName;
  /** Corrects each sentence; the result has the same length and order. */
  correct(sentences: readonly string[]): Promise<string[]>;
  dispose(): Promise<void>;
}

/** Where systems find their data; defaults are the committed locations. */
export interface SystemOptions {
  lang: LanguageCode;
  /** Folder of the complete lexicons, <lang>.lex.br (default <modelDir>/lexicon, as the engine). */
  lexiconDir?: string;
  /** Folder with manifest.json and the ONNX graphs (default models). */
  modelDir?: string;
  /** Folder of wordfreq lists (default ../shared/wordfreq). */
  wordfreqDir?: string;
  /** CPU threads for the model. */
  threads?: number;
}

/** True when `value` names a system (its current name). */
export function isSystemName(value: string): value is SystemName {
  return (SYSTEMS as readonly string[]).includes(value);
}

/** The system `value` names, by its current name or an alias; undefined when it names none. */
export function resolveSystemName(value: string): SystemName | undefined {
  return isSystemName(value) ? value : SYSTEM_ALIASES[value];
}

/** The folder whose <lang>.lex.br the baselines and the candidates measurement read: the product's. */
export function lexiconDirOf(options: Pick<SystemOptions, 'lexiconDir' | 'modelDir'>): string {
  return options.lexiconDir ?? join(options.modelDir ?? DEFAULT_MODEL_DIR, 'lexicon');
}

/** Reads the lexicon of `lang`; a missing or damaged file is bad input (its message names file and language). */
export async function loadEvalLexicon(dir: string, lang: LanguageCode): Promise<Lexicon> {
  try {
    return await readLexicon(dir, lang);
  } catch (error) {
    if (error instanceof LexiconError) throw new EvalInputError(error.message);
    throw error;
  }
}

function fromFunction(name: SystemName, fix: (text: string) => string): EvalSystem {
  return {
    name,
    correct: async (sentences) => sentences.map(fix),
    dispose: async () => {},
  };
}

/** Loads system `name` for `options.lang` (dictionary and lexicon loading happen here, not in correct()). */
export async function createSystem(name: SystemName, options: SystemOptions): Promise<EvalSystem> {
  const { lang } = options;
  const modelDir = options.modelDir ?? DEFAULT_MODEL_DIR;
  switch (name) {
    case 'keep':
      return fromFunction(name, (text) => text);
    case 'unigram':
      return fromFunction(name, createUnigramRestorer(await loadEvalLexicon(lexiconDirOf(options), lang), lang));
    case 'spell': {
      const checker = await createSpellChecker(lang);
      return fromFunction(name, createSpellCorrector(checker, loadWordFrequencies(lang, options.wordfreqDir), lang));
    }
    case 'lexicon':
    case 'lexicon-lm': {
      const lexicon = await loadEvalLexicon(lexiconDirOf(options), lang);
      const lm = name === 'lexicon-lm' ? await readNgramModel(join(modelDir, 'lm'), lang) : null;
      const fix = (text: string, names: ReadonlySet<string>) => {
        const nfc = text.normalize('NFC');
        // The product's weights: a sentence that already has diacritics, none of them skipped, trusts its words more.
        const { typed, skipping } = sentenceTyping(nfc, lang, lexicon);
        const context = lm ? latticeContext(lm, lang, typed && !skipping) : undefined;
        return choosePriorBest(nfc, buildPlan(nfc, lang, lexicon,
          { ...sentencePlanOptions(planOptionsFor(lang), typed), repeatedNames: names }, context));
      };
      return {
        name,
        // As the product reads them: the lines of one file, with the names its pieces repeat.
        correct: async (sentences) => {
          const names = repeatedNamesByLine(sentences, lang);
          return sentences.map((text, i) => fix(text, names[i]!));
        },
        dispose: async () => {},
      };
    }
    case 'model': {
      const restorer = await createTaggerRestorer(modelDir, lang);
      if (restorer) return { name, correct: (sentences) => restorer.restore(sentences), dispose: () => restorer.dispose() };
      const corrector = await createModelCorrector(modelDir, options.threads, 'speculative');
      return { name, correct: (sentences) => correctAll(corrector, lang, sentences), dispose: () => corrector.dispose() };
    }
    case 'product':
    case 'product-nolm': {
      const corrector = await createProductCorrector(modelDir, lang, {
        ...(options.threads === undefined ? {} : { threads: options.threads }),
        ...(options.lexiconDir === undefined ? {} : { lexiconDir: options.lexiconDir }),
        ...(name === 'product-nolm' ? { lmWeight: 0 } : {}),
      });
      return {
        name,
        correct: (sentences) => correctAll(corrector, lang, sentences),
        dispose: () => corrector.dispose(),
      };
    }
  }
}
