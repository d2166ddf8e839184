/**
 * The systems the harness can score, behind one interface so that every baseline and the model are run,
 * timed and measured the same way.
 */
import type { LanguageCode } from '../../shared/types.ts';
import { DEFAULT_LEXICON_DIR, DEFAULT_MODEL_DIR } from '../paths.ts';
import { loadLexicon } from './lexicon.ts';
import { correctAll, createModelCorrector } from './model.ts';
import { createSpellChecker, createSpellCorrector, loadWordFrequencies } from './spell.ts';
import { createUnigramRestorer } from './unigram.ts';

/**
 * keep: identity; unigram: lexicon baseline; spell: nspell baseline; model: the trained model (free decoding);
 * model-lexicon: the trained model ranking the candidates of models/lexicon/<lang>.forms.tsv.br.
 */
export const SYSTEMS = ['keep', 'unigram', 'spell', 'model', 'model-lexicon'] as const;

/** One of {@link SYSTEMS}. */
export type SystemName = (typeof SYSTEMS)[number];

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
  /** Folder of <lang>.tsv.gz unigram lexicons (default models/lexicon). */
  lexiconDir?: string;
  /** Folder with manifest.json and the ONNX graphs (default models). */
  modelDir?: string;
  /** Folder of wordfreq lists (default ../shared/wordfreq). */
  wordfreqDir?: string;
  /** CPU threads for the model. */
  threads?: number;
}

/** True when `value` names a system. */
export function isSystemName(value: string): value is SystemName {
  return (SYSTEMS as readonly string[]).includes(value);
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
  switch (name) {
    case 'keep':
      return fromFunction(name, (text) => text);
    case 'unigram':
      return fromFunction(
        name,
        createUnigramRestorer(loadLexicon(lang, options.lexiconDir ?? DEFAULT_LEXICON_DIR), lang),
      );
    case 'spell': {
      const checker = await createSpellChecker(lang);
      return fromFunction(name, createSpellCorrector(checker, loadWordFrequencies(lang, options.wordfreqDir), lang));
    }
    case 'model':
    case 'model-lexicon': {
      const decoding = name === 'model' ? 'speculative' : 'lexicon';
      const corrector = await createModelCorrector(options.modelDir ?? DEFAULT_MODEL_DIR, options.threads, decoding);
      return {
        name,
        correct: (sentences) => correctAll(corrector, lang, sentences),
        dispose: () => corrector.dispose(),
      };
    }
  }
}
