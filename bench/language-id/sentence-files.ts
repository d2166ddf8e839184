/**
 * Where bench/language-id's measurements read sentences: ../shared/benchmarks/ud (evaluation only, the default) or
 * `dev`, data/corpus/<lang>.dev.txt, the split to tune on.
 */
import { fileURLToPath } from 'node:url';

export type SentenceSet = 'ud' | 'dev';

/** The sentence set named on the command line (`ud` when none). */
export function sentenceSet(arg: string | undefined): SentenceSet {
  if (arg === undefined || arg === 'ud' || arg === 'dev') return arg ?? 'ud';
  throw new Error(`unknown sentence set '${arg}' (expected ud or dev)`);
}

/** The file of `lang`'s sentences in `set`. */
export function sentenceFile(set: SentenceSet, lang: string): string {
  return fileURLToPath(set === 'dev' ? new URL(`../../data/corpus/${lang}.dev.txt`, import.meta.url)
    : new URL(`../../../shared/benchmarks/ud/${lang}.txt`, import.meta.url));
}
