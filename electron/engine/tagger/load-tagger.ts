/**
 * The diacritics taggers of a model folder. Each is a pair of files the manifest lists under one name: the graph as
 * `tagger.<name>` (tagger.<name>.int8.onnx) and its alphabet as `tagger_alphabet.<name>` (tagger.<name>.json, which
 * says the languages it was trained on); the name is its languages joined by '-' (models/training/tagger/install.py).
 * One network per language because two CPU cores train one language in minutes, and a second language continued
 * into the same network cost the first ten points (models/MODEL.md).
 *
 * Every listed file is size- and sha256-checked at the start like the encoder and decoder (a missing or damaged one
 * fails it with a ModelFileError naming the file), but a graph's onnxruntime session opens on the first sentence of
 * one of its languages (or at the start for `preload`): each costs ~8 MB, and a user writes one or two languages.
 */
import { readFile } from 'node:fs/promises';
import { createOrtTaggerRunner } from '../model/ort-backend.ts';
import { ModelFileError, readManifest, verifyModelFile } from '../model/model-files.ts';
import { DiacriticsTagger, type LetterScores } from './diacritics-tagger.ts';
import { TaggerAlphabet } from './tagger-alphabet.ts';

const firstLine = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;

/** One tagger of the folder: its alphabet read, its graph verified, its session opened when first needed. */
class LazyTagger {
  private opening: Promise<DiacriticsTagger> | null = null;

  constructor(readonly alphabet: TaggerAlphabet, private readonly graph: string) {}

  open(): Promise<DiacriticsTagger> {
    this.opening ??= createOrtTaggerRunner(this.graph).then(
      (runner) => new DiacriticsTagger(runner, this.alphabet),
      (error: unknown) => { throw new ModelFileError(this.graph, `onnxruntime cannot load the tagger (${firstLine(error)})`); });
    return this.opening;
  }

  async release(): Promise<void> {
    const opening = this.opening;
    this.opening = null;
    await (await opening?.catch(() => null))?.release();
  }
}

/** The folder's taggers, each asked only for the languages it was trained on. */
export class TaggerSet {
  private readonly byLanguage = new Map<string, LazyTagger>();

  constructor(taggers: readonly LazyTagger[]) {
    for (const tagger of taggers) {
      for (const lang of tagger.alphabet.languagesTagged()) if (!this.byLanguage.has(lang)) this.byLanguage.set(lang, tagger);
    }
  }

  /** The languages some tagger was trained on and has choices to make in. */
  get languages(): string[] {
    return [...this.byLanguage.keys()];
  }

  /** Whether a tagger knows `lang` and has choices to make in it. */
  tags(lang: string): boolean {
    return this.byLanguage.has(lang);
  }

  /** Scores NFC sentences of one language in one batch (opening that language's graph the first time). */
  async score(texts: readonly string[], lang: string): Promise<LetterScores[]> {
    const tagger = this.byLanguage.get(lang);
    if (!tagger) throw new RangeError(`no tagger knows language ${lang}`);
    return (await tagger.open()).score(texts, lang);
  }

  /** Opens the graphs of these languages now (the ones no tagger knows are skipped). */
  async preload(langs: readonly string[]): Promise<void> {
    await Promise.all(langs.flatMap((lang) => this.byLanguage.get(lang)?.open() ?? []));
  }

  /** Frees every opened session. */
  async release(): Promise<void> {
    await Promise.all([...new Set(this.byLanguage.values())].map((t) => t.release()));
  }
}

const GRAPH_ROLE = /^tagger\.(.+)$/;

/** The folder's taggers, or null when its manifest lists none. */
export async function loadTaggers(modelDir: string, preload: readonly string[] = []): Promise<TaggerSet | null> {
  const manifest = await readManifest(modelDir);
  const names = Object.keys(manifest.files).flatMap((role) => GRAPH_ROLE.exec(role)?.[1] ?? []);
  for (const role of Object.keys(manifest.files)) {
    const name = /^tagger_alphabet\.(.+)$/.exec(role)?.[1];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  if (names.length === 0) return null;
  const taggers = await Promise.all(names.map(async (name) => {
    const [graph, table] = await Promise.all([verifyModelFile(modelDir, manifest, `tagger.${name}`),
      verifyModelFile(modelDir, manifest, `tagger_alphabet.${name}`)]);
    try {
      return new LazyTagger(TaggerAlphabet.parse(JSON.parse(await readFile(table, 'utf8'))), graph);
    } catch (error) {
      throw new ModelFileError(table, `not a tagger alphabet (${firstLine(error)})`);
    }
  }));
  const set = new TaggerSet(taggers);
  try {
    await set.preload(preload);
  } catch (error) {
    await set.release();
    throw error;
  }
  return set;
}
