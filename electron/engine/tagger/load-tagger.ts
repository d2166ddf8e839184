/**
 * The diacritics tagger of a model folder: tagger.int8.onnx and tagger.json beside manifest.json. A folder
 * without them has no tagger (lexicon decoding goes on without its letter scores); damaged files fail the start
 * with a message naming the file.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createOrtTaggerRunner } from '../model/ort-backend.ts';
import { DiacriticsTagger } from './diacritics-tagger.ts';
import { TaggerAlphabet } from './tagger-alphabet.ts';

export const TAGGER_GRAPH = 'tagger.int8.onnx';
export const TAGGER_ALPHABET = 'tagger.json';

export class TaggerFileError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`the diacritics tagger ${file} cannot be used: ${reason}`);
    this.name = 'TaggerFileError';
  }
}

/** The folder's tagger, or null when the folder has none. */
export async function loadTagger(modelDir: string): Promise<DiacriticsTagger | null> {
  const graph = join(modelDir, TAGGER_GRAPH);
  const table = join(modelDir, TAGGER_ALPHABET);
  if (!existsSync(graph) && !existsSync(table)) return null;
  let alphabet: TaggerAlphabet;
  try {
    alphabet = TaggerAlphabet.parse(JSON.parse(await readFile(table, 'utf8')));
  } catch (error) {
    throw new TaggerFileError(table, error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
  try {
    return new DiacriticsTagger(await createOrtTaggerRunner(graph), alphabet);
  } catch (error) {
    throw new TaggerFileError(graph, error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
}
