/**
 * One language's complete lexicon (models/lexicon/<lang>.lex.br, built by models/training/lexicon/build.py):
 * every correctly written lowercase form, from the Hunspell dictionary's expansion and from our text, with the
 * counts of the attested ones. The one reader of word forms for decoding, drafts and the eval's baselines.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { LanguageCode } from '../../shared/types.ts';
import { readBrotliFile, RecentLanguages } from './language-data.ts';
import { isChatWord } from './chat-words.ts';
import { keyboardNeighbours } from '../noise/index.ts';
import { AutomatonBuilder, type FormCount, type NearForm, WordAutomaton } from './word-automaton.ts';
import { lexiconKey } from './word-rules.ts';

export type { FormCount, NearForm } from './word-automaton.ts';

/** Most forms variants() returns for one key (Vietnamese syllables have up to about 20). */
const MAX_VARIANTS = 64;

/**
 * An English word mixed into another language's text ("deadline", "already") is kept as written where it has at
 * least this many letters and this count in the English lexicon (37,700 words of ../shared/wordfreq/en.tsv, nearly
 * all of its words of 5+ letters): before, 31-66 % of the 20,000 most frequent ones that a language's lexicon lacks
 * became typo fixes or took the tagger's diacritics in a sentence of that language (cs "deadline" -> "readline", lt
 * "someone" -> "someonė"). Dev and news: the means of stripped, typo'd and clean text unchanged at a count of 50,
 * +0.002 to +0.015 at 3 (bench/lexicon-decoding/REPORT.md, session 19); four letters cost typo'd text.
 */
const ENGLISH_MIN_LETTERS = 5;
const ENGLISH_MIN_COUNT = 3;

export class Lexicon {
  private readonly neighbours: ReadonlyMap<string, readonly string[]>;
  private largest: number | undefined;
  private nameSet: ReadonlySet<string> | undefined;

  /**
   * @param abbreviations The dictionary's abbreviations with diacritics, under their stripped letters, both without
   *   the full stop ("c" -> "č", "marc" -> "márc"; abbreviations.json).
   * @param english The English lexicon, whose frequent words a writer mixes into any language (keepsAsTyped).
   * @param names The forms the language writes capitalised inside a sentence, one per line (isName; <lang>.names.br):
   *   made a set on first use, since only some languages' plans ask (TYPO_NAME_SHARES).
   * @param elisions Elided word -> word after it -> the share of that word's occurrences after it (fr "j" -> "ai" ->
   *   0.61; elisions.json, elision.ts).
   */
  constructor(readonly lang: LanguageCode, private readonly automaton: WordAutomaton,
    readonly abbreviations: ReadonlyMap<string, string> = new Map(), private readonly english: Lexicon | null = null,
    private readonly names = '', readonly elisions: Elisions = new Map()) {
    automaton.setKeys((letter) => lexiconKey(letter, lang));
    this.neighbours = keyboardNeighbours(lang);
  }

  /** Every form whose key is `key` (see lexiconKey): attested forms most frequent first, then dictionary-only ones. */
  variants(key: string): FormCount[] {
    return this.automaton.variants(key, MAX_VARIANTS).sort((a, b) => b.count - a.count);
  }

  /**
   * Forms within `maxEdits` keyboard-weighted edits of the key of `word` (a typo's likely intended forms),
   * cheapest first, then most frequent. Diacritics cost nothing: "zmonse" reaches "žmonės".
   */
  near(word: string, maxEdits = 2, limit = 16): NearForm[] {
    return this.automaton.near(lexiconKey(word, this.lang), maxEdits, { neighbours: this.neighbours }, { limit });
  }

  /** How often `form` (lowercase) was seen in our text: 0 for a dictionary-only or unknown form. */
  count(form: string): number {
    return this.automaton.count(form);
  }

  /** The count of the most frequent form (bounds what a real-word typo's fix can weigh; computed once). */
  get maxCount(): number {
    this.largest ??= this.automaton.maxCount();
    return this.largest;
  }

  /** Whether `form` (lowercase) is a correctly written word of the language. */
  has(form: string): boolean {
    return this.automaton.has(form);
  }

  /** The most frequent attested form of `key`, else undefined (the unigram baseline's and the drafts' choice). */
  best(key: string): string | undefined {
    const top = this.variants(key)[0];
    return top && top.count > 0 ? top.form : undefined;
  }

  /**
   * Whether `word` (lowercase) is kept as written, no typo: chat's acronyms in every language, English too, and the
   * language's own shorthands (isChatWord); else, where this lexicon lacks it, a frequent English word that a writer
   * mixed in (ENGLISH_MIN_LETTERS, ENGLISH_MIN_COUNT), never in the English lexicon itself.
   */
  keepsAsTyped(word: string): boolean {
    return isChatWord(word, this.lang) ||
      (this.english !== null && [...word].length >= ENGLISH_MIN_LETTERS && this.english.count(word) >= ENGLISH_MIN_COUNT);
  }

  /** Whether `form` (lowercase) is written capitalised inside a sentence: a name ("china" for "China"). */
  isName(form: string): boolean {
    this.nameSet ??= new Set(this.names.split('\n').filter((name) => name !== ''));
    return this.nameSet.has(form);
  }

  /** Forms accepted. */
  get size(): number {
    return this.automaton.header.words;
  }
}

/** A lexicon file that is missing, unreadable, truncated or corrupt; the message names the file and language. */
export class LexiconError extends Error {
  override name = 'LexiconError';
  constructor(readonly lang: LanguageCode, readonly path: string, reason: string) {
    super(`The ${lang} lexicon ${path} ${reason}. Reinstall Ogonek or rebuild the lexicons ` +
      '(models/training/README.md).');
  }
}

/** Path of the lexicon of `lang` in `dir`. */
export function lexiconPath(dir: string, lang: LanguageCode): string {
  return join(dir, `${lang}.lex.br`);
}

/** Elided word -> word after it -> share, the longest elided word first (the Lexicon constructor's `elisions`). */
export type Elisions = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** What a lexicon knows besides its forms (see the Lexicon constructor). */
export interface LexiconExtras {
  abbreviations?: ReadonlyMap<string, string>;
  english?: Lexicon | null;
  names?: string;
  elisions?: Elisions;
}

/** Parses a lexicon file's decompressed bytes. */
export function parseLexicon(bytes: Uint8Array, lang: LanguageCode, extras: LexiconExtras = {}): Lexicon {
  return new Lexicon(lang, new WordAutomaton(bytes), extras.abbreviations, extras.english, extras.names,
    extras.elisions);
}

/**
 * Reads one language's lexicon, its abbreviations, its elisions, its name forms and (for any other language) the
 * English lexicon; rejects with a LexiconError naming the file when one is missing or damaged. A folder without
 * abbreviations.json, elisions.json, <lang>.names.br or en.lex.br (as lexicons built before them, or a test's) gives
 * none.
 */
export async function readLexicon(dir: string, lang: LanguageCode): Promise<Lexicon> {
  const abbreviations = await readAbbreviations(dir, lang);
  const elisions = await readElisions(dir, lang);
  const names = await readNames(dir, lang);
  const english = lang !== 'en' && existsSync(lexiconPath(dir, 'en')) ? await englishLexicon(dir) : null;
  const path = lexiconPath(dir, lang);
  return readBrotliFile(path, (bytes) => parseLexicon(bytes, lang, { abbreviations, english, names, elisions }),
    (reason) => new LexiconError(lang, path, reason));
}

/** models/lexicon/<lang>.names.br (models/training/lexicon/names.py): lowercase forms, one per line. */
async function readNames(dir: string, lang: LanguageCode): Promise<string> {
  const path = join(dir, `${lang}.names.br`);
  if (!existsSync(path)) return '';
  return readBrotliFile(path, (bytes) => {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text !== '' && !text.endsWith('\n')) throw new Error('truncated');
    return text;
  }, (reason) => new LexiconError(lang, path, reason));
}

/** The English lexicon of each folder, read once for all languages (1.1 MB); a failed read is not kept. */
const englishLexicons = new Map<string, Promise<Lexicon>>();

function englishLexicon(dir: string): Promise<Lexicon> {
  let english = englishLexicons.get(dir);
  if (!english) {
    english = readLexicon(dir, 'en');
    englishLexicons.set(dir, english);
    english.catch(() => englishLexicons.delete(dir));
  }
  return english;
}

/**
 * One language's table of a JSON file of <dir> that holds a table per language (`schema` checks the whole file): {}
 * without the file, a LexiconError naming it when it is damaged (`what`: what it should have been).
 */
async function readLanguageTable<T>(dir: string, file: string, lang: LanguageCode,
  schema: z.ZodType<Record<string, T>>, what: string): Promise<T | Record<string, never>> {
  const path = join(dir, file);
  if (!existsSync(path)) return {};
  try {
    return schema.parse(JSON.parse(await readFile(path, 'utf8')))[lang] ?? {};
  } catch (error) {
    throw new LexiconError(lang, path, `is damaged (${error instanceof z.ZodError ? `not a table of ${what}`
      : (error as Error).message})`);
  }
}

/** models/lexicon/abbreviations.json (models/training/lexicon/abbreviations.py): language -> stripped -> abbreviation. */
const abbreviationsSchema = z.record(z.string(), z.record(z.string(), z.string()));

async function readAbbreviations(dir: string, lang: LanguageCode): Promise<ReadonlyMap<string, string>> {
  return new Map(Object.entries(await readLanguageTable(dir, 'abbreviations.json', lang, abbreviationsSchema,
    'abbreviations')));
}

/** models/lexicon/elisions.json (models/training/lexicon/elisions.py): language -> elided word -> word -> share. */
const elisionsSchema = z.record(z.string(), z.record(z.string(), z.record(z.string(), z.number().min(0).max(1))));

async function readElisions(dir: string, lang: LanguageCode): Promise<Elisions> {
  return elisionsFrom(await readLanguageTable(dir, 'elisions.json', lang, elisionsSchema, 'elisions'));
}

/** A language's table of elisions as the Lexicon keeps it: the longest elided word first (it "dell'", then "d'"). */
function elisionsFrom(table: Readonly<Record<string, Readonly<Record<string, number>>>>): Elisions {
  return new Map(Object.entries(table).sort(([a], [b]) => b.length - a.length)
    .map(([head, words]) => [head, new Map(Object.entries(words))]));
}

/**
 * The lexicons of the few languages in use, loaded on first use; the `keep` most recently used stay loaded
 * (a few MB each). A failed load is not cached, so a repaired file is picked up by the next request.
 */
export class Lexicons {
  private readonly recent: RecentLanguages<Lexicon>;

  /**
   * `dir` null or a folder that does not exist: no lexicons at all (get() gives null; a bare model such as the
   * tiny test model decodes freely). A folder that exists must hold every language asked for.
   */
  constructor(readonly dir: string | null, keep = 3) {
    if (dir !== null && !existsSync(dir)) this.dir = null;
    this.recent = new RecentLanguages((lang) => readLexicon(this.dir!, lang), keep);
  }

  /** The lexicon of `lang`; null when there is no lexicon folder; rejects with a LexiconError. */
  async get(lang: LanguageCode): Promise<Lexicon | null> {
    return this.dir ? this.recent.get(lang) : null;
  }
}

/**
 * A lexicon made in memory from [form, count] pairs (any order; a repeated form adds up), with abbreviations, an
 * English lexicon, name forms and elisions: for tests and tools.
 */
export function lexiconFromForms(lang: LanguageCode, forms: Iterable<readonly [string, number]>,
  { abbreviations = {}, english = null, names = [], elisions = {} }: { abbreviations?: Readonly<Record<string, string>>;
    english?: Lexicon | null; names?: readonly string[];
    elisions?: Readonly<Record<string, Readonly<Record<string, number>>>> } = {}): Lexicon {
  const counts = new Map<string, number>();
  for (const [form, count] of forms) counts.set(form.normalize('NFC'), (counts.get(form.normalize('NFC')) ?? 0) + count);
  const builder = new AutomatonBuilder();
  for (const form of [...counts.keys()].sort(compareCodePoints)) builder.add(form, counts.get(form)!);
  return parseLexicon(builder.finish(), lang, { abbreviations: new Map(Object.entries(abbreviations)), english,
    names: names.join('\n'),
    elisions: elisionsFrom(elisions) });
}

/** Code-point order (JavaScript's < compares UTF-16 units, which differs beyond U+FFFF). */
function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}
