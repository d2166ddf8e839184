/**
 * Unigram lexicons written by the corpus builder: models/lexicon/<lang>.tsv.gz, UTF-8 lines
 * `stripped_lowercase_word<TAB>most_frequent_lowercase_form<TAB>count`. A key that is absent means the
 * stripped word is itself the most frequent form (or was never seen), so the word is left as it is.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decodeUtf8, EvalInputError } from '../gold-file.ts';
import { DEFAULT_LEXICON_DIR } from '../paths.ts';

/** Stripped lowercase word -> its most frequent lowercase written form. */
export type Lexicon = Map<string, string>;

/** Path of the lexicon of `lang` in `dir`. */
export function lexiconPath(lang: string, dir: string = DEFAULT_LEXICON_DIR): string {
  return join(dir, `${lang}.tsv.gz`);
}

/** Parses the text of a lexicon file; malformed lines are an error (they would silently skew a baseline). */
export function parseLexicon(text: string, label: string): Lexicon {
  const lexicon: Lexicon = new Map();
  text.split('\n').forEach((line, index) => {
    if (line === '') return;
    const [key, form] = line.split('\t');
    if (!key || !form) throw new EvalInputError(`${label}:${index + 1}: expected key<TAB>form<TAB>count`);
    lexicon.set(key.normalize('NFC'), form.normalize('NFC'));
  });
  return lexicon;
}

/** Loads the lexicon of `lang` from `dir` (default models/lexicon). */
export function loadLexicon(lang: string, dir: string = DEFAULT_LEXICON_DIR): Lexicon {
  const path = lexiconPath(lang, dir);
  if (!existsSync(path)) {
    throw new EvalInputError(
      `no unigram lexicon for '${lang}': ${path} does not exist ` +
        '(the corpus builder in models/training/corpus writes it)',
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = gunzipSync(readFileSync(path));
  } catch (error) {
    throw new EvalInputError(`cannot read lexicon ${path}: ${(error as Error).message}`);
  }
  return parseLexicon(decodeUtf8(bytes, path), path);
}
