/**
 * The diacritics taggers of a model folder. Each is a pair of files the manifest lists under one name: the graph as
 * `tagger.<name>` (tagger.<name>.int8.onnx) and its alphabet as `tagger_alphabet.<name>` (tagger.<name>.json, which
 * says the languages it was trained on); the name is its languages joined by '-' (models/training/tagger/install.py).
 * The shipped one covers the 13 paper languages (trained on a GPU, models/MODEL.md); a network of one language (two CPU
 * cores train one in 12 minutes) installs the same way, and a network replaces the ones whose languages it covers.
 *
 * Every listed file is size- and sha256-checked at the start like the encoder and decoder (a missing or damaged one
 * fails it with a ModelFileError naming the file), but a graph's onnxruntime session opens on the first sentence of
 * one of its languages (or at the start for `preload`), and closes when another language's opens
 * (MAX_OPEN_TAGGERS).
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
  /** Scores running on the session (it is never closed under them). */
  private busy = 0;
  /** When it was last asked (TaggerSet's clock). */
  lastUsed = 0;

  constructor(readonly alphabet: TaggerAlphabet, private readonly graph: string) {}

  get open(): boolean {
    return this.opening !== null;
  }

  get idle(): boolean {
    return this.busy === 0;
  }

  async use<T>(work: (tagger: DiacriticsTagger) => Promise<T>): Promise<T> {
    this.busy++;
    try {
      this.opening ??= createOrtTaggerRunner(this.graph).then(
        (runner) => new DiacriticsTagger(runner, this.alphabet),
        (error: unknown) => { throw new ModelFileError(this.graph, `onnxruntime cannot load the tagger (${firstLine(error)})`); });
      return await work(await this.opening);
    } finally {
      this.busy--;
    }
  }

  async release(): Promise<void> {
    const opening = this.opening;
    this.opening = null;
    await (await opening?.catch(() => null))?.release();
  }
}

/**
 * Sessions kept open at once: the tagger of the language written last. Another tagger's language closes the idle one,
 * and the usual second language of a user (English) has none. The shipped tagger covers all 13 paper languages, so
 * moving among them reopens nothing (its open and first sentence took 195 ms in a fresh process, onnxruntime's own
 * start included, against 125 ms for a one-language tagger; session 24). npm run bench's peak RSS varies too much
 * between identical runs (444-577 MB, models/MODEL.md) to tell one open from two.
 */
export const MAX_OPEN_TAGGERS = 1;

/** The folder's taggers, each asked only for the languages it was trained on. */
export class TaggerSet {
  private readonly byLanguage = new Map<string, LazyTagger>();
  private clock = 0;

  constructor(private readonly taggers: readonly LazyTagger[]) {
    for (const tagger of taggers) {
      for (const lang of tagger.alphabet.languagesTagged()) if (!this.byLanguage.has(lang)) this.byLanguage.set(lang, tagger);
    }
  }

  /** The languages some tagger was trained on and has choices to make in. */
  get languages(): string[] {
    return [...this.byLanguage.keys()];
  }

  /** How many graphs have a session open now. */
  get openSessions(): number {
    return this.taggers.filter((t) => t.open).length;
  }

  /** Whether a tagger knows `lang` and has choices to make in it. */
  tags(lang: string): boolean {
    return this.byLanguage.has(lang);
  }

  /** Scores NFC sentences of one language in one batch (opening that language's graph when it is not open). */
  async score(texts: readonly string[], lang: string): Promise<LetterScores[]> {
    const tagger = this.byLanguage.get(lang);
    if (!tagger) throw new RangeError(`no tagger knows language ${lang}`);
    return this.use(tagger, (t) => t.score(texts, lang));
  }

  /** Opens the graphs of these languages now (the ones no tagger knows are skipped). */
  async preload(langs: readonly string[]): Promise<void> {
    const taggers = new Set(langs.flatMap((lang) => this.byLanguage.get(lang) ?? []));
    await Promise.all([...taggers].map((t) => this.use(t, async () => undefined)));
  }

  /** Frees every opened session. */
  async release(): Promise<void> {
    await Promise.all(this.taggers.map((t) => t.release()));
  }

  private use<T>(tagger: LazyTagger, work: (t: DiacriticsTagger) => Promise<T>): Promise<T> {
    tagger.lastUsed = ++this.clock;
    const result = tagger.use(work);
    const others = this.taggers.filter((t) => t !== tagger && t.open)
      .sort((a, b) => b.lastUsed - a.lastUsed);
    for (const stale of others.slice(MAX_OPEN_TAGGERS - 1)) if (stale.idle) void stale.release().catch(() => undefined);
    return result;
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
