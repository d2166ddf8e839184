/**
 * Where the tuning sets of the lexicon-decoding scripts live, one file per language: `dev` (data/corpus/<lang>.dev.txt),
 * `news` (data/news-dev: `python3 -m models.training news-dev`), `informal` (data/informal-dev: `python3 -m
 * models.training informal-dev`), or any folder of <lang>.txt given by its path. None of them is a benchmark.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** The sets known by name. */
export const TUNING_SETS = ['dev', 'news', 'informal'] as const;

/** The file of `lang` in the tuning set `set` (a name of TUNING_SETS, else a folder). */
export function tuningSetFile(set: string, lang: string): string {
  if (set === 'dev') return join(REPO, 'data', 'corpus', `${lang}.dev.txt`);
  if (set === 'news') return join(REPO, 'data', 'news-dev', `${lang}.txt`);
  if (set === 'informal') return join(REPO, 'data', 'informal-dev', `${lang}.txt`);
  return join(set, `${lang}.txt`);
}
