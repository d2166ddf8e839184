/**
 * The diacritics tagger of a model folder: the files the manifest lists as `tagger` (the graph) and
 * `tagger_alphabet` (tagger.json), size- and sha256-checked like the encoder and decoder. A model without them has
 * no tagger (lexicon decoding goes on without its letter scores); a listed file that is missing, damaged or not a
 * graph onnxruntime can run fails the start with a ModelFileError naming it.
 */
import { readFile } from 'node:fs/promises';
import { createOrtTaggerRunner } from '../model/ort-backend.ts';
import { ModelFileError, readManifest, verifyModelFile } from '../model/model-files.ts';
import { DiacriticsTagger } from './diacritics-tagger.ts';
import { TaggerAlphabet } from './tagger-alphabet.ts';

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

/** The folder's tagger, or null when its manifest lists none. */
export async function loadTagger(modelDir: string): Promise<DiacriticsTagger | null> {
  const manifest = await readManifest(modelDir);
  if (!manifest.files.tagger && !manifest.files.tagger_alphabet) return null;
  const [graph, table] = await Promise.all([verifyModelFile(modelDir, manifest, 'tagger'),
    verifyModelFile(modelDir, manifest, 'tagger_alphabet')]);
  let alphabet: TaggerAlphabet;
  try {
    alphabet = TaggerAlphabet.parse(JSON.parse(await readFile(table, 'utf8')));
  } catch (error) {
    throw new ModelFileError(table, `not a tagger alphabet (${firstLine(error)})`);
  }
  try {
    return new DiacriticsTagger(await createOrtTaggerRunner(graph), alphabet);
  } catch (error) {
    throw new ModelFileError(graph, `onnxruntime cannot load the tagger (${firstLine(error)})`);
  }
}
