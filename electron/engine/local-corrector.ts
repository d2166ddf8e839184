/**
 * The Corrector behind every caller: segmentation, the result cache, cancellation of superseded requests,
 * document mode with progress, and suggestions built from the decoder output. Decoding itself happens in a
 * DecodeBackend (the worker thread in the app and the CLI, an in-process fake in unit tests).
 */
import { CorrectionCancelledError } from '../shared/cancellation.ts';
import { LANGUAGES, type CorrectOptions, type CorrectionResult, type Corrector, type EngineStatus,
  type LanguageCode, type LanguageSpan, type SetupOptions, type Suggestion } from '../shared/types.ts';
import { encoderIds, isModelSafe, outputBytes, utf8Bytes } from './text/byte-codec.ts';
import type { ContextModel } from './lm/context.ts';
import type { Lexicon, Lexicons } from './lexicon/lexicon.ts';
import { priorDecode, priorsDecide, priorWeightsFor } from './decoding/lexicon-decode.ts';
import { buildPlan, planOptionsFor, sentencePlanOptions, sentenceTyping, type PlanOptions } from './lexicon/lexicon-plan.ts';
import { modelView, suggestionsOnUnit, type ModelView } from './text/model-view.ts';
import { bestLanguage, languageScores, MIN_GRAMS } from './language/language-id.ts';
import { candidateLanguages, detectWithLexicons, partLanguage } from './language/lexicon-check.ts';
import { textLanguage, unitLanguages, within, type PartJudge, type ResolvedLanguage } from './language/language-regions.ts';
import { fencedBlocks, withoutCode } from './lexicon/code-spans.ts';
import { stripDiacritics } from './noise/index.ts';
import { ResultCache, type UnitSuggestions } from './result-cache.ts';
import { repeatedNamesIn, repeatedNamesOf } from './lexicon/repeated-names.ts';
import { lexiconKey } from './lexicon/word-rules.ts';
import { segmentUnits, type TextUnit } from './text/segment.ts';
import { applySuggestions, buildSuggestions, suggestionsFromChoices } from './suggestions/suggestions.ts';
import type { DecodeBackend } from './worker/worker-client.ts';
import type { DecodeJob, DecodeOutcome, ModelInfo } from './worker/worker-protocol.ts';
import type { TaggerSet } from './tagger/load-tagger.ts';

/**
 * Units sent to the backend per message: small enough for prompt progress and cancellation on the CPU. A
 * batched (GPU) encoder takes a message's units in one call, so there a document goes in larger messages.
 */
const BATCH = 8;

/** What the corrector knows about the model it drives. */
export interface CorrectorModel {
  modelVersion: string;
  maxInputBytes: number;
  status: EngineStatus;
  /** What loading the model found (provider reasons, encoder, load time), for --verbose and the bench. */
  info?: ModelInfo;
  /** Units per message to the backend (default BATCH; larger where the encoder takes batches). */
  batchSize?: number;
  /** How units are decoded (default speculative). */
  decoding?: Decoding;
  /** The complete lexicons whose forms lexicon decoding ranks; without them, units are decoded speculatively. */
  forms?: Lexicons;
  /** Word language models that re-score lexicon candidates in context; a language without one goes without. */
  lms?: { get(lang: LanguageCode): Promise<ContextModel | null> };
  /** Weight of the language model against the frequency prior (DEFAULT_LM_WEIGHT where not given). */
  lmWeight?: number;
  /** The same for sentences that already have diacritics (DEFAULT_TYPED_LM_WEIGHT where not given). */
  typedLmWeight?: number;
  /** Share of the suffix-class model beside the word LM (SUFFIX_WEIGHTS, else 0, where not given). */
  suffixWeight?: number;
  /** Share of the ending-class model beside the word LM (ENDING_WEIGHTS, else 0, where not given). */
  endingWeight?: number;
  /** Weight of the letter model's respellings of unknown words' endings (SPELLED_WEIGHTS, else 0, where not given). */
  spelledWeight?: number;
  /** Weight of the frequency prior in lexicon decoding, for sentences without diacritics. */
  lambda?: number;
  /** The same for sentences that already have diacritics. */
  typedLambda?: number;
  /** The same for a word that may be a typo, in a sentence without diacritics. */
  typoLambda?: number;
  /** The same for a sentence with diacritics whose writer skipped some (skipsDiacritics). */
  skippingLambda?: number;
  /** How lexicon decoding picks candidates (planOptionsFor: the defaults and the language's own, where not given). */
  plan?: Partial<PlanOptions>;
  /** The diacritics taggers whose letter scores join the candidates' priors (lexicon decoding only). */
  tagger?: TaggerSet;
  /** Its weight against the frequency prior (TAGGER_WEIGHTS, else DEFAULT_TAGGER_WEIGHT, where not given). */
  taggerWeight?: number;
  /** Weight of its own spelling of a word the lexicon does not know (TAGGER_SPELLING_WEIGHTS, else 0). */
  taggerSpellingWeight?: number;
}

/** Weight of the diacritics tagger's letter scores against the frequency prior, where TAGGER_WEIGHTS has none. */
export const DEFAULT_TAGGER_WEIGHT = 0.25;

/**
 * Per language, of the tagger weights 0, 0.25, 0.5, 0.75 and 1, the one with the best mean over stripped, typo'd and
 * clean text of dev and news (data/corpus/<lang>.dev.txt, data/news-dev/<lang>.txt, first 300 each; `compare.ts --set
 * dev|news --lambdas default --tagger-weights 0,0.25,0.5,0.75,1`; bench/lexicon-decoding/REPORT.md, session 24), kept
 * only where it beats 0 by at least 0.05 points of that mean (two or three words in a task). With the 13-language
 * tagger (5.45 M parameters, models/MODEL.md): vi 1 (+0.22, dev only), lv 0.25 (+0.18), lt 0.25 (+0.12), es 0.75
 * (+0.08); under the bar pl (+0.04 at 0.25), cs and hr (+0.02); sk, ro, hu, fr, ga and tr lose. Then, in the
 * languages at 0, the small weights 0.03 and 0.1 (session 25: where the lexicon knows a key's forms only from the
 * dictionary, all count 0, their tie went to the first in the automaton's order, the one with fewer diacritics: cs
 * "uzivanim" -> "uzíváním", not "užíváním"; a small weight breaks such ties and overrules little else): cs +0.068
 * and pl +0.067 at 0.1; under the bar sk +0.04, tr +0.04, ro +0.03, hr +0.03, hu +0.02, fr 0, ga +0.06 at 0.03 but
 * +0.01 at 0.1 (dev only). A weight above 0 runs the graph on each sentence (8.7 MB, ~4 ms for 110 characters on one
 * thread). Languages no tagger in models/ covers are not affected.
 */
export const TAGGER_WEIGHTS: Readonly<Partial<Record<LanguageCode, number>>> = {
  lt: 0.25, lv: 0.25, pl: 0.1, vi: 1, cs: 0.1, sk: 0, hr: 0, ro: 0, hu: 0, fr: 0, es: 0.75, ga: 0, tr: 0,
};

/**
 * Per language, the weight of the tagger's own spelling of a word the lexicon does not know, against the word as
 * typed (TaggerPrior.spellingWeight; 0: no such candidate), lowercase words only (withTaggerSpelling). Of 0, 0.5 and 1
 * with the 13-language tagger and TAGGER_WEIGHTS (`compare.ts --set dev|news --tagger-spelling-weights 0,0.5,1`, first
 * 300, mean of stripped, typo'd and clean text of both sets; bench/lexicon-decoding/REPORT.md, session 24), 0.5 and 1
 * tie within 0.02 everywhere; 0.5 is kept where it beats 0 by at least 0.05 points, the bar of TAGGER_WEIGHTS: hu
 * +1.45, tr +1.09, lv +0.39, ga +0.10 (dev only), sk +0.09 (dev only), fr +0.08 (the languages whose lexicons miss
 * most words); under the bar ro +0.04, es +0.02, lt +0.01, hr +0.01, vi 0, pl and cs 0 or below. It runs the
 * tagger in sk, hu, tr, fr and ga, which TAGGER_WEIGHTS leaves at 0.
 */
export const TAGGER_SPELLING_WEIGHTS: Readonly<Partial<Record<LanguageCode, number>>> = {
  lv: 0.5, sk: 0.5, hu: 0.5, tr: 0.5, fr: 0.5, ga: 0.5,
};

/** Weight of the word language model against the frequency prior in the lattice, where LM_WEIGHTS has none. */
export const DEFAULT_LM_WEIGHT = 1;

/**
 * Per language, the weight of 0.5, 1 and 2 (and 3, 4 for es fr vi, which were best at 2) that restored the most words
 * of stripped dev text (data/corpus/<lang>.dev.txt, first 150 sentences; bench/lexicon-decoding/REPORT.md):
 * Vietnamese syllables and the Romance languages lean on context most, Czech, Croatian and Turkish least. Checked again
 * in session 17 (`compare.ts --set dev|news --lm-weights 0,0.5,1,1.5,2,3,4,6 --tasks diacritics,typos`, first 300, 19
 * languages on dev, 14 on news): only fr moved (3 -> 1.5: +0.07 dev, +0.20 news, mean of the two tasks); no other
 * weight beat the shipped one by 0.05 on the mean of both sets.
 */
export const LM_WEIGHTS: Readonly<Partial<Record<LanguageCode, number>>> = { cs: 0.5, hr: 0.5, tr: 0.5, fr: 1.5, es: 2,
  vi: 4 };

/**
 * Weight of the language model in a sentence that already has diacritics, none of them skipped (skipsDiacritics:
 * a sentence with skipped ones gets the weight of sentences without): the writer typed them, so the words
 * as written should rarely be overruled (dev clean text, 13 languages: weight 0 / 0.25 / 1 kept 99.79 / 99.83 /
 * 99.77 % of words; bench/lexicon-decoding/REPORT.md). Vietnamese, whose every syllable is "typed", keeps more
 * with the full weight (98.93 / 99.42 / 99.76).
 */
export const DEFAULT_TYPED_LM_WEIGHT = 0.25;
const TYPED_LM_WEIGHTS: Readonly<Partial<Record<LanguageCode, number>>> = { vi: 1 };

/**
 * Per language, the share of the suffix-class model's ln P (models/lm/<lang>.sfx.br) added to the word LM's in the
 * lattice: of 0, 0.25, 0.5 and 1, the best mean of stripped, typo'd and clean text on dev and news (first 300 each;
 * `compare.ts --suffix-weights`; bench/lexicon-decoding/REPORT.md), kept where it beats 0 by at least 0.05 points:
 * with three-letter classes ro +0.30, cs +0.26, fr +0.06, hu +0.05, vi +0.05; with two-letter ones (where they beat
 * three) lt +0.30, tr +0.15, pl +0.10, lv +0.10, es +0.08, hr +0.06, sk +0.05. ga has none (no gain): 0 leaves the
 * model unread.
 */
export const SUFFIX_WEIGHTS: Readonly<Partial<Record<LanguageCode, number>>> = {
  ro: 1, cs: 0.5, lt: 1, tr: 1, fr: 0.25, hu: 0.25, vi: 0.25, pl: 0.25, lv: 0.5, es: 0.5, hr: 1, sk: 0.25,
};

/**
 * Per language, the share of the ending-class model's ln P (models/lm/<lang>.end.br: one class per word ending, "-ých
 * -ů", so agreement has the counts that the suffix classes split by stem letters) added beside the suffix-class
 * model's. Of 0, 0.25, 0.5 and 1 on dev and news (`compare.ts --ending-weights`, first 300, mean of stripped, typo'd
 * and clean text; bench/lexicon-decoding/REPORT.md), kept where it beats 0 by at least 0.05 points: cs +0.14 (news
 * stripped +0.48), pl +0.08. The other eleven paper languages gained less or lost and ship no such model.
 */
export const ENDING_WEIGHTS: Readonly<Partial<Record<LanguageCode, number>>> = { cs: 0.5, pl: 0.5 };

/**
 * Per language, the weight of the letter model of the words as written (models/lm/<lang>.spelled.br) in the
 * respellings of an unknown word's ending in a sentence without diacritics or with some skipped (0 in one typed with
 * all: latticeContext; lexicon-plan.ts withEndingSpellings: "Fiona Parryova" -> "Parryová", "Jo Coxove" ->
 * "Coxové"). Weight 1 against 0 (`compare.ts --set dev|news --spelled-weights 0,1`, first 300, mean of stripped,
 * typo'd and clean text; bench/lexicon-decoding/REPORT.md, session 22), kept where it beats 0 by at least 0.05
 * points: cs +0.052 (news stripped +0.18, typos +0.13, partly stripped +0.03; no cell lost; 0.5 and 2 one to three
 * words fewer on news). tr +0.027 and lt +0.007 stay under the bar, the others gain nothing or lose (hu -0.12: its
 * news names' final vowels lengthened, "Napolitano" -> "Napolitanó"). hu and tr ship one for another use, at weight
 * 0 here: it chooses among the tagger's spellings of their unknown words (lexicon-plan.ts TAGGER_SPELLED_WEIGHT).
 */
export const SPELLED_WEIGHTS: Readonly<Partial<Record<LanguageCode, number>>> = { cs: 1 };

/**
 * The LM weight of a sentence of `lang` with (`typed`, none skipped) or without diacritics: the engine's override,
 * else the language's tuned weight, else the default.
 */
export function contextWeight(lang: LanguageCode, typed: boolean,
  overrides: { lmWeight?: number; typedLmWeight?: number } = {}): number {
  return typed ? overrides.typedLmWeight ?? TYPED_LM_WEIGHTS[lang] ?? DEFAULT_TYPED_LM_WEIGHT
    : overrides.lmWeight ?? LM_WEIGHTS[lang] ?? DEFAULT_LM_WEIGHT;
}

/**
 * The lattice's context for a sentence of `lang` (lexicon-plan.ts buildPlan): the word LM with its weight, the
 * suffix- and ending-class models' shares and the weight of unknown words' respelled endings (each the engine's
 * override, else the language's table, else 0; no respelling where `typed`). The product and the eval's lexicon-lm
 * system both take it from here, so the ablation weighs context as the product does.
 */
export function latticeContext(model: ContextModel, lang: LanguageCode, typed: boolean,
  overrides: { lmWeight?: number; typedLmWeight?: number; suffixWeight?: number; endingWeight?: number;
    spelledWeight?: number } = {}):
  { model: ContextModel; weight: number; suffixWeight: number; endingWeight: number; spelledWeight: number } {
  return { model, weight: contextWeight(lang, typed, overrides),
    suffixWeight: overrides.suffixWeight ?? SUFFIX_WEIGHTS[lang] ?? 0,
    endingWeight: overrides.endingWeight ?? ENDING_WEIGHTS[lang] ?? 0,
    spelledWeight: typed ? 0 : overrides.spelledWeight ?? SPELLED_WEIGHTS[lang] ?? 0 };
}

/**
 * Decoding strategies: ranking lexicon candidates, or free decoding (input-guided speculation, byte for byte
 * what greedy decoding writes; greedy itself is the reference of the tests and the benchmark, not a mode).
 */
export const DECODINGS = ['lexicon', 'speculative'] as const;

/** One of {@link DECODINGS}. */
export type Decoding = (typeof DECODINGS)[number];

/** Whether a unit is text our Latin-script model should touch: mostly Latin letters. */
function isLatinText(text: string): boolean {
  let letters = 0;
  let latin = 0;
  for (const m of text.matchAll(/\p{L}/gu)) {
    letters++;
    if (/\p{Script=Latin}/u.test(m[0])) latin++;
  }
  return letters > 0 && latin * 2 >= letters;
}

const hasForeignLetters = (text: string) => /(?=\p{L})\P{Script=Latin}/u.test(text);

/**
 * The lexicon that lexicon decoding needs for `lang`; null where the decoding needs none or the engine has no
 * lexicon folder. Rejects with a LexiconError (naming the file) when the language's lexicon is missing or damaged:
 * the request fails with that message and the caller keeps the text.
 */
export async function loadLexicon(model: Pick<CorrectorModel, 'decoding' | 'forms'>, lang: LanguageCode):
  Promise<Lexicon | null> {
  if ((model.decoding ?? 'speculative') !== 'lexicon') return null;
  return (await model.forms?.get(lang)) ?? null;
}

/**
 * Loads the lexicon and the language model of each language (in parallel; a language model that cannot be
 * read is reported by its loader and goes without). Rejects like loadLexicon.
 */
export async function loadLanguages(
  model: Pick<CorrectorModel, 'decoding' | 'forms' | 'lms' | 'tagger' | 'taggerWeight' | 'taggerSpellingWeight'>,
  languages: readonly LanguageCode[]): Promise<void> {
  await Promise.all([...languages.map((lang) => Promise.all([loadLexicon(model, lang),
    model.decoding === 'lexicon' ? model.lms?.get(lang) : undefined])),
  model.tagger?.preload(languages.filter((lang) => usesTagger(model, lang)))]);
}

/** The tagger's weight in `lang`: the corrector's own, else TAGGER_WEIGHTS, else DEFAULT_TAGGER_WEIGHT (0: unused). */
export function taggerWeightFor(model: Pick<CorrectorModel, 'taggerWeight'>, lang: LanguageCode): number {
  return model.taggerWeight ?? TAGGER_WEIGHTS[lang] ?? DEFAULT_TAGGER_WEIGHT;
}

/** The weight of the tagger's spellings of unknown words in `lang`: the corrector's own, else TAGGER_SPELLING_WEIGHTS. */
export function taggerSpellingWeightFor(model: Pick<CorrectorModel, 'taggerSpellingWeight'>, lang: LanguageCode): number {
  return model.taggerSpellingWeight ?? TAGGER_SPELLING_WEIGHTS[lang] ?? 0;
}

/** Whether lexicon decoding in `lang` runs the tagger: one of its two weights is above 0. */
export function usesTagger(model: Pick<CorrectorModel, 'taggerWeight' | 'taggerSpellingWeight'>,
  lang: LanguageCode): boolean {
  return taggerWeightFor(model, lang) > 0 || taggerSpellingWeightFor(model, lang) > 0;
}

/** Consecutive units of one language as spans of the text (from the first unit's start to the last one's end). */
function languageSpans(units: TextUnit[], languages: ResolvedLanguage[]): LanguageSpan[] {
  const spans: LanguageSpan[] = [];
  units.forEach((unit, i) => {
    const last = spans.at(-1);
    if (last && last.language === languages[i]!.code) last.span.end = unit.end;
    else spans.push({ span: { start: unit.start, end: unit.end }, language: languages[i]!.code });
  });
  return spans;
}

/** The language of most of the text (by characters), or undefined for a text without units. */
function mainLanguage(spans: LanguageSpan[]): LanguageCode | undefined {
  const size = new Map<LanguageCode, number>();
  for (const { span, language } of spans) size.set(language, (size.get(language) ?? 0) + span.end - span.start);
  let best: LanguageCode | undefined;
  for (const [language, n] of size) if (best === undefined || n > size.get(best)!) best = language;
  return best;
}

/** The Corrector of this process: the pipeline here, decoding in a backend (the worker thread, or a fake). */
export class LocalCorrector implements Corrector {
  readonly cache = new ResultCache();
  private readonly documents = new Map<string, AbortController>();
  private disposed = false;

  constructor(private readonly backend: DecodeBackend, private readonly model: CorrectorModel) {}

  /** What loading the model found (provider reasons, encoder, load time); undefined over a test backend. */
  get info(): ModelInfo | undefined {
    return this.model.info;
  }

  status(): EngineStatus {
    return this.disposed ? { ...this.model.status, state: 'error', error: 'disposed' } : this.model.status;
  }

  async correct(text: string, options: CorrectOptions): Promise<CorrectionResult> {
    const started = performance.now();
    if (this.disposed) throw new Error('the corrector was disposed');
    if (typeof text !== 'string') throw new TypeError('text must be a string');
    // auto: the language of the prose, not of the code in it.
    const prose = options.language === 'auto' ? withoutCode(text) : text;
    const language = options.language === 'auto' ? await this.autoLanguage(prose, options.around)
      : this.resolveLanguage(options.language);
    const controller = new AbortController();
    if (options.documentId !== undefined) {
      this.documents.get(options.documentId)?.abort();
      this.documents.set(options.documentId, controller);
    }
    try {
      const fences = fencedBlocks(text);
      const units = segmentUnits(text, this.model.maxInputBytes, language.code).map((unit) =>
        fences.some(([start, end]) => unit.start >= start && unit.end <= end) ? { ...unit, code: true } : unit);
      // auto: each paragraph, and each sentence of a long one, may be in a language of its own.
      const languages = options.language === 'auto'
        ? await this.unitLanguages(prose, units.map((u) => ({ ...u, text: prose.slice(u.start, u.end) })), language)
        : units.map(() => language);
      const { perUnit, names } = await this.suggestionsByLanguage(text, options.document, units, languages,
        controller.signal, options.onProgress);
      const suggestions: Suggestion[] = [];
      units.forEach((unit, i) => {
        for (const s of perUnit[i]!) {
          suggestions.push({ ...s, span: { start: s.span.start + unit.start, end: s.span.end + unit.start } });
        }
      });
      const spans = languageSpans(units, languages);
      return { text: applySuggestions(text, suggestions), suggestions, language: mainLanguage(spans) ?? language.code,
        languages: spans, repeatedNames: names, elapsedMs: performance.now() - started };
    } finally {
      if (options.documentId !== undefined && this.documents.get(options.documentId) === controller) {
        this.documents.delete(options.documentId);
      }
    }
  }

  /**
   * The lexicons' judge of parts' languages (lexicon-check.ts partLanguage) for `detect`, a run of the regions' rules:
   * a first run with the n-grams alone names every language a part could be (the candidates of each part, and each
   * parent); their lexicons are loaded, and the second run is the answer. With a single language in sight there is
   * nothing to ask: the first run is.
   */
  private async withLexiconJudge<T>(detect: (judge?: PartJudge) => T, also: readonly LanguageCode[]): Promise<T> {
    const seen = new Set<LanguageCode>(also);
    const first = detect((_text, scores, parent) => {
      seen.add(parent);
      for (const language of candidateLanguages(scores)) seen.add(language);
      return null;
    });
    if (seen.size < 2) return first;
    const lexicons = await this.opinionLexicons([...seen]);
    return detect((text, scores, parent) => partLanguage(text, scores, parent, lexicons));
  }

  /**
   * The lexicons of `codes` for an opinion on a language: one that cannot be loaded is null (no opinion), not a failed
   * correction; the text's own language reports its lexicon's failure when it is decoded.
   */
  private async opinionLexicons(codes: readonly LanguageCode[]): Promise<Map<LanguageCode, Lexicon | null>> {
    return new Map(await Promise.all(codes.map(async (code) =>
      [code, await loadLexicon(this.model, code).catch(() => null)] as const)));
  }

  /** The language of a text under `auto`: the n-grams' likeliest languages re-ranked by their lexicons. */
  private async detectedLanguage(text: string): Promise<ResolvedLanguage> {
    const scores = languageScores(text);
    if (!scores) return textLanguage(text);
    // A single candidate needs no lexicon (detectWithLexicons then gives the n-grams' own).
    const candidates = candidateLanguages(scores);
    const lexicons = candidates.length > 1 ? await this.opinionLexicons(candidates) : new Map<LanguageCode, null>();
    const detection = detectWithLexicons(text, scores, lexicons) ?? bestLanguage(scores);
    return { code: detection.language, tag: detection.reliable ? detection.language : 'auto' };
  }

  /** The language of a whole text under `auto`: its own, or inside `around` as a paragraph inside its text. */
  private async autoLanguage(text: string, around: LanguageCode | undefined): Promise<ResolvedLanguage> {
    if (around !== undefined && !(LANGUAGES as readonly string[]).includes(around)) {
      throw new RangeError(`unsupported language '${String(around)}' around the text`);
    }
    const detected = await this.detectedLanguage(text);
    if (around === undefined || detected.code === around) return detected;
    // As a paragraph inside a text of `around`: its own language, by n-grams and lexicons, must beat it by the
    // margin (a short text keeps it).
    const parent = { code: around, tag: around };
    return this.withLexiconJudge((judge) => within(text, parent, MIN_GRAMS, judge), [around, detected.code]);
  }

  /** The language of each unit under `auto` (language-regions.ts), each part judged with the lexicons. */
  private async unitLanguages(text: string, units: Array<TextUnit & { text: string }>, whole: ResolvedLanguage):
    Promise<ResolvedLanguage[]> {
    return this.withLexiconJudge((judge) => unitLanguages(text, units, whole, judge), [whole.code]);
  }

  /** A language named by the caller (not auto). */
  private resolveLanguage(choice: LanguageCode): ResolvedLanguage {
    if (!(LANGUAGES as readonly string[]).includes(choice)) {
      throw new RangeError(`unsupported language '${String(choice)}' (expected one of ${LANGUAGES.join(', ')} or auto)`);
    }
    return { code: choice, tag: choice };
  }

  /**
   * Suggestions of every unit, each decoded in its language: one language after the other, progress over all. Also
   * the names the text repeats, or its document where the caller gave one (CorrectOptions.document), that it holds.
   */
  private async suggestionsByLanguage(text: string, document: string | undefined, units: TextUnit[],
    languages: ResolvedLanguage[], signal: AbortSignal, onProgress: CorrectOptions['onProgress']):
    Promise<{ perUnit: UnitSuggestions[]; names: string[] }> {
    const groups = new Map<string, { language: ResolvedLanguage; indices: number[] }>();
    languages.forEach((language, i) => {
      const key = `${language.code}/${language.tag}`;
      const group = groups.get(key) ?? groups.set(key, { language, indices: [] }).get(key)!;
      group.indices.push(i);
    });
    const out: UnitSuggestions[] = units.map(() => []);
    const allNames = new Set<string>();
    const nfc = text.normalize('NFC');
    const nfcDocument = document?.normalize('NFC');
    let before = 0;
    for (const { language, indices } of groups.values()) {
      const progress = onProgress && ((p: { done: number }) => onProgress({ done: before + p.done, total: units.length }));
      // The lexicon and the language model load together (the model is only used with a lexicon).
      const [forms, lmIfLexicon] = await Promise.all([loadLexicon(this.model, language.code),
        (this.model.decoding ?? 'speculative') === 'lexicon' ? this.model.lms?.get(language.code) : undefined]);
      const lm = forms ? lmIfLexicon ?? null : null;
      // A name changes only a word the lexicon lacks (lexicon-plan.ts wordChoice), and only with a lexicon.
      const names = forms ? repeatedNamesOf(nfc, nfcDocument ?? nfc, language.code,
        (word) => forms.variants(lexiconKey(word, language.code)).length === 0) : new Set<string>();
      names.forEach((name) => allNames.add(name));
      const results = await this.unitSuggestions(indices.map((i) => units[i]!), language, forms, lm, signal, progress,
        names);
      indices.forEach((unit, k) => (out[unit] = results[k]!));
      before += indices.length;
    }
    if (units.length === 0) onProgress?.({ done: 0, total: 0 });
    return { perUnit: out, names: [...allNames].sort() };
  }

  /** Suggestions of every unit: from the cache, or decoded in batches with progress and cancellation. */
  private async unitSuggestions(units: TextUnit[], language: ResolvedLanguage, forms: Lexicon | null,
    lm: ContextModel | null, signal: AbortSignal, onProgress: CorrectOptions['onProgress'], names: ReadonlySet<string>):
    Promise<UnitSuggestions[]> {
    // Decodings differ in output, so each has its own cache entries.
    const decoding = this.model.decoding ?? 'speculative';
    const version = `${this.model.modelVersion}/${decoding}`;
    const planOptions: PlanOptions = planOptionsFor(language.code, this.model.plan);
    const taggerWeight = taggerWeightFor(this.model, language.code);
    const spellingWeight = taggerSpellingWeightFor(this.model, language.code);
    // The model sees each unit without the characters it cannot read (model-view.ts); made once per text.
    const viewOf = new Map<string, ModelView>();
    // A unit's result depends on its text and on which of its words are names the whole text repeats: its cache key,
    // made once per distinct text of the call (looked up, then stored).
    const keys = new Map<string, string>();
    const cacheText = (t: string) => {
      if (names.size === 0) return t;
      let key = keys.get(t);
      if (key === undefined) {
        const words = repeatedNamesIn(t.normalize('NFC'), language.code, names);
        key = words.length > 0 ? `${t}\u0000${words.join(' ')}` : t;
        keys.set(t, key);
      }
      return key;
    };
    const results: Array<UnitSuggestions | undefined> = units.map((unit) => {
      if (unit.tooLong || unit.code) return [];
      const cached = this.cache.get(version, language.tag, cacheText(unit.text));
      if (cached) return cached;
      const view = viewOf.get(unit.text) ?? modelView(unit.text);
      viewOf.set(unit.text, view);
      const nfc = view.text.normalize('NFC');
      return isModelSafe(nfc) && isLatinText(nfc) ? undefined : [];
    });
    // Each distinct text is decoded once, however often it occurs.
    const todo = [...new Set(units.filter((_u, i) => results[i] === undefined).map((u) => u.text))];
    const total = units.length;
    const report = (doneTexts: Set<string>) => onProgress?.({
      done: units.filter((u, i) => results[i] !== undefined || doneTexts.has(u.text)).length, total,
    });
    const done = new Set<string>();
    const fresh = new Map<string, UnitSuggestions>();
    report(done);
    const batch = this.model.batchSize ?? BATCH;
    for (let b = 0; b < todo.length; b += batch) {
      if (signal.aborted) throw new CorrectionCancelledError();
      const texts = todo.slice(b, b + batch);
      const views = texts.map((t) => viewOf.get(t)!);
      const nfcs = views.map((v) => v.text.normalize('NFC'));
      const inputs = nfcs.map((t) => utf8Bytes(t));
      // The tagger scores the letters of the batch's sentences (each in a run of its own: DiacriticsTagger.score).
      const letterScores = forms && (taggerWeight > 0 || spellingWeight > 0) && this.model.tagger?.tags(language.code)
        ? await this.model.tagger.score(nfcs, language.code) : null;
      const jobs: DecodeJob[] = inputs.map((input, i) => {
        const nfc = nfcs[i]!;
        if (!forms) return { decoding: 'speculative', encoderIds: encoderIds(input, language.tag), source: input };
        const { typed, skipping } = sentenceTyping(nfc, language.code, forms);
        const context = lm ? latticeContext(lm, language.code, typed && !skipping, this.model) : undefined;
        const tagger = letterScores?.[i] ? { scores: letterScores[i]!, weight: taggerWeight, spellingWeight } : undefined;
        return { decoding: 'lexicon', encoderIds: encoderIds(input, language.tag), source: input,
          plan: buildPlan(nfc, language.code, forms, { ...sentencePlanOptions(planOptions, typed), repeatedNames: names },
            context, tagger),
          ...priorWeightsFor(typed, this.model, language.code, skipping) };
      });
      const outcomes = await this.decode(jobs, signal);
      if (signal.aborted) throw new CorrectionCancelledError();
      texts.forEach((t, i) => {
        const suggestions = this.suggestionsFor(t, views[i]!, jobs[i]!, outcomes[i]!, language.code);
        this.cache.set(version, language.tag, cacheText(t), suggestions);
        fresh.set(t, suggestions);
        done.add(t);
      });
      report(done);
    }
    return units.map((u, i) => results[i] ?? fresh.get(u.text) ?? []);
  }

  /** The jobs' outcomes: the backend runs the model, except where the priors decide alone (no model needed). */
  private async decode(jobs: DecodeJob[], signal: AbortSignal): Promise<DecodeOutcome[]> {
    const byPriors = (job: DecodeJob): job is Extract<DecodeJob, { decoding: 'lexicon' }> =>
      job.decoding === 'lexicon' && priorsDecide(job);
    const asked = jobs.filter((job) => !byPriors(job));
    const decoded = asked.length > 0 ? await this.backend.decode(asked, signal) : [];
    let next = 0;
    return jobs.map((job) => (byPriors(job) ? { ...priorDecode(job.source, job.plan), ms: 0 } : decoded[next++]!));
  }

  /**
   * The suggestions of one unit: from the word choices of lexicon decoding, else (free decoding, or a choice
   * holding whitespace) from the word diff of the output against the input.
   */
  private suggestionsFor(text: string, view: ModelView, job: DecodeJob, outcome: DecodeOutcome,
    lang: LanguageCode): Suggestion[] {
    const output = outputBytes(outcome.ids);
    if (!output) return []; // no EOS, a non-byte id or invalid UTF-8: the model failed, keep the text
    const strip = (s: string) => stripDiacritics(s, lang);
    const unit = { text: view.text, inputBytes: job.source };
    const chosen = job.decoding === 'lexicon' && outcome.choices
      ? suggestionsFromChoices(unit, job.plan, outcome.choices, strip) : null;
    const onView = (chosen ?? buildSuggestions({ ...unit, outputBytes: output, outputProbs: outcome.probs }, strip))
      .filter((s) => !hasForeignLetters(s.original));
    return suggestionsOnUnit(text, view, onView);
  }

  /** Loads what the languages need (lexicons, language models, tagger sessions) ahead of their first request. */
  async setup(options: SetupOptions): Promise<void> {
    await loadLanguages(this.model, options.languages);
  }

  cancel(documentId: string): void {
    this.documents.get(documentId)?.abort();
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.model.tagger?.release();
    for (const controller of this.documents.values()) controller.abort();
    await this.backend.dispose();
  }
}
