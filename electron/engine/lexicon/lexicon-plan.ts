/**
 * What lexicon-aware decoding may change in a sentence: its words (letter runs of whitespace tokens, with
 * punctuation peeled off the token edges) and, for each word, the candidate spellings from the complete lexicon
 * (every form with the same key; for an unknown word, the forms a typo away) in the writer's capitalisation with
 * their log relative frequency. Everything else
 * (spaces, punctuation, numbers, other scripts, unknown words) is copied byte for byte by lexicon-decode.ts.
 */
import type { LanguageCode } from '../../shared/types.ts';
import { outputBytes, utf8Bytes } from '../text/byte-codec.ts';
import { ABBREVIATION_TARGET, INITIAL_END } from '../text/segment.ts';
import { type ContextModel, contextPriors, type LatticeSlot } from '../lm/context.ts';
import { endingSpellings } from '../lm/ending-spellings.ts';
import type { Lexicon, NearForm } from './lexicon.ts';
import { isChatWord } from './chat-words.ts';
import { codeRanges } from './code-spans.ts';
import { compoundSpelling } from './compound-spelling.ts';
import { contraction, elidedForms, ELISION_MAX_COUNT, ELISION_RATE, lmWord } from './elision.ts';
import { stretchedWord, type StretchedWord } from './stretched-word.ts';
import { addsOneLetter, hasSyllable, lexiconKey, lowerFor, upperFor, writesOwnLetters } from './word-rules.ts';
import { stripDiacritics } from '../noise/index.ts';
import type { LetterScores } from '../tagger/diacritics-tagger.ts';
import type { LexiconPlan, PlanCandidate, PlanWord } from '../decoding/lexicon-schemas.ts';
import { hasTypedDiacritics, priorDecode } from '../decoding/lexicon-decode.ts';

const decoder = new TextDecoder();

export type { LexiconPlan, PlanCandidate, PlanWord } from '../decoding/lexicon-schemas.ts';

/** How candidates are chosen. */
export interface PlanOptions {
  /** Attested forms below this share of their key's count are left out (they could not beat the prior). */
  minShare: number;
  /** Count given to a form the dictionary knows but our text never showed (below a form seen once). */
  dictionaryCount: number;
  maxCandidates: number;
  /**
   * Count given to the input word when the lexicon does not list it (it stays a candidate, but below a form
   * seen once: an unattested spelling of a known key is usually a stripped one).
   */
  inputCount: number;
  /**
   * inputCount of a lowercase word without diacritics in a sentence that already has some (`typed`): 0 takes a word
   * the lexicon does not attest as typed, beside spellings of its letters with diacritics ("zlutoucky", "žluťoučký"),
   * for one whose diacritics the writer skipped, as in stripped text, instead of leaving it to the byte model, which
   * keeps what was typed (TYPED_INPUT_COUNTS). Capitalised words and words with a diacritic keep inputCount
   * (isPlainLowercase).
   */
  typedInputCount: number;
  /**
   * inputCount of a word typed with a diacritic that the lexicon does not attest (lv "izplatītajā" beside
   * "izplatītājā"): its writer typed this word with care. 0.05 / 0.5 / 5 (`compare.ts --set dev|news
   * --marked-input-count`, 13 / 9 languages, first 300): clean text 99.857 / 99.859 / 99.860 (dev), 99.781 / 99.790 /
   * 99.796 (news; lv 99.63 -> 99.73 at 5), partly stripped text 98.662 / 98.663 / 98.665, 97.771 / 97.777 / 97.779; no
   * cell lost. (Neither task strips part of a word, the case this could cost.)
   */
  markedInputCount: number;
  /** The sentence already has diacritics (sentencePlanOptions). */
  typed: boolean;
  /** Never take away a diacritic the writer typed: candidates may only add diacritics to plain letters. */
  keepTypedDiacritics: boolean;
  /**
   * An unknown all-lowercase word of at least this many letters gets the forms within typoMaxEdits edits as
   * candidates (a likely typo), a known one its real-word fixes (realWordTypoRate); 0 turns typo candidates off.
   * Capitalised words are mostly names: see typoSentenceStart and typoCapitalisedShare. 2: with
   * the spelling models, two- and three-letter non-words ("ajk", "okd") are slips too (dev, 13 languages, first 300:
   * 4 -> 3 -> 2 letters gave typo'd text 93.74 -> 94.12 -> 94.21 %, stripped and clean text within 0.002 points).
   */
  typoMinLength: number;
  /**
   * Whether an unknown word that starts a sentence capitalised (a capital, then lowercase letters) gets typo
   * candidates too, in its capitalisation. Elsewhere a capitalised word is mostly a name (typoCapitalisedShare).
   */
  typoSentenceStart: boolean;
  /**
   * An unknown capitalised word inside a sentence ("Brygtanii" -> "Brytanii"; mostly names the lexicon lacks) gets
   * typo candidates too, keeping this share of the prior itself; 0: it gets none (but see typoNameShare).
   */
  typoCapitalisedShare: number;
  /**
   * The share such a word keeps where its likeliest fix is a name the language writes (Lexicon.isName: "Chgina" ->
   * "China"); with typoCapitalisedShare 0 those are its only fixes. 1: names are fixes like other forms.
   */
  typoNameShare: number;
  /**
   * Whether any form the lexicon knows, not only the language's names, is such a fix of a capitalised unknown word
   * inside a sentence where it is a slip of the cheapest kind away (at typoNameShare): es "Gobietno" -> "Gobierno".
   */
  typoSlipWords: boolean;
  /** Largest keyboard-weighted edit cost of a typo candidate (a neighbour key costs 0.6, another edit 1). */
  typoMaxEdits: number;
  /** Log-prior penalty per unit of edit cost, against the log count of a typo candidate. */
  typoCostWeight: number;
  /** Prior share of an unknown word itself among its typo candidates (the rest: the neighbours, by count). */
  typoInputShare: number;
  /** Most neighbours kept for a possible typo (each costs a decoder call). */
  typoMaxCandidates: number;
  /**
   * Weight of how word-like an unknown word is against its most word-like fix (the spelling model's mean ln P per
   * letter, the word's minus the fix's, plus typoSpellingMargin) in the word's log-odds of being meant as typed
   * (typoInputShare); 0, or no spelling model, leaves the share as it is.
   */
  typoSpellingWeight: number;
  /**
   * How much less word-like per letter (nats) than its best fix an unknown word may be and still keep typoInputShare:
   * real words the lexicon lacks and typo'd known words are told apart about there.
   */
  typoSpellingMargin: number;
  /**
   * Letters (the end counting as one) up to which the margin is per letter; a longer word gets typoSpellingMargin x
   * typoMarginLetters for the whole word. One slip barely moves a long word's mean per letter, so its typos read as
   * real words the lexicon lacks (cs "sermistupnovy" stayed, beside "sedmistupňový"). Infinity: per letter throughout
   * (TYPO_MARGIN_LETTERS).
   */
  typoMarginLetters: number;
  /**
   * How many of an unknown word's last letters may be respelled (withEndingSpellings). 2: cs (the one language that
   * respells) gains the same with 3 (`compare.ts --ending-spelling-letters 2|3`, dev and news); 4, measured before
   * the vowels-only rule of endingSpellings, also respelled foreign names' stems ("Impero" -> "Impéro").
   */
  endingSpellingLetters: number;
  /**
   * Chance that a known word was typed for another one edit away, per unit of that form's count (noisy channel:
   * the fix weighs realWordTypoRate x its count x e^(-typoCostWeight x cost) against the typed key's own count).
   * A rare word next to a very frequent one is then most likely a slip ("tp" for "to", "nei" for "nie"); the
   * language model decides the rest. 0: known words never get typo candidates. Dev (13 languages, first 300,
   * typoMinLength 3; bench/lexicon-decoding/REPORT.md): 0 / 1e-5 / 3e-5 / 1e-4 gave typo'd text 94.12 / 94.48 /
   * 94.58 / 94.67 % and stripped text 98.01 / 98.00 / 97.99 / 97.94 % (damage 0.84 / 0.86 / 0.89 / 0.94 %: real rare
   * words taken for slips of frequent ones, pl "ptak" -> "tak"); 3e-5 is within 0.012 points of the best mean of the
   * three tasks with less damage.
   */
  realWordTypoRate: number;
  /**
   * Whether the diacritics tagger also spells an unknown capitalised word that starts a sentence (TaggerPrior
   * spellingWeight; elsewhere a capitalised word is mostly a name, whose letters it would respell in the language's
   * way). TAGGER_SENTENCE_START_LANGUAGES.
   */
  taggerSentenceStart: boolean;
  /**
   * Share of an unknown word's prior that its spelling as a compound of known words takes (compound-spelling.ts:
   * et "tooulesannete" -> "tööülesannete"), where that spelling adds diacritics; 0: none (COMPOUND_SETTINGS).
   */
  compoundShare: number;
  /**
   * Factor on the odds of an unknown word's typo fixes where its letters cut into known words as typed or with
   * diacritics (compoundSpelling): such a word is mostly a compound the lexicon lacks, no typo (et "alaliit" had
   * become "alaldit"); 1: no change (COMPOUND_SETTINGS).
   */
  compoundFixFactor: number;
  /** Whether a capitalised word inside a sentence is spelled as a compound too (German's nouns); else names stay. */
  compoundCapitalised: boolean;
  /**
   * Weight of the letter model of the language's words as written (<lang>.spelled.br) in the tagger's spelling of a
   * word the lexicon lacks (taggerSpelling); 0, or no such model, leaves the tagger's letter-by-letter best.
   */
  taggerSpelledWeight: number;
  /**
   * Names (lowercase) that the text being corrected repeats (repeated-names.ts): one the lexicon lacks, written
   * capitalised, is meant as typed, no typo.
   */
  repeatedNames?: ReadonlySet<string>;
}

/** How word-like a lexicon key's letters are (electron/engine/lm/spelling-model.ts): natural-log probability. */
export interface Spelling {
  logProb(key: string): number;
}

/**
 * taggerSpelledWeight: a spelling of the tagger's beam scores ln P_tagger + 2 x ln P_spelled. It applies wherever a
 * language has both a letter model of its words as written (models/lm/<lang>.spelled.br: cs, hu, tr) and tagger
 * spellings (TAGGER_SPELLING_WEIGHTS: hu, tr, lv, sk, fr, ga). Session 35 (`compare.ts --set dev|news --systems
 * lexicon --lambdas default --tasks diacritics,typos,clean,partial --tagger-spelled-weight W`, each language's model
 * built by `spelling --spelled`), mean of the eight figures against 0, W = 0.5 / 1 / 2: hu +0.18 / +0.27 / +0.31, tr
 * +0.13 / +0.15 / +0.15 (3 within 0.02 of 2 on dev); under the +0.05 bar of the other per-language settings at 2: lv
 * +0.03, ga +0.02 (dev only), sk 0, fr -0.01, so only hu and tr ship the model. Where the tagger does not spell, its
 * spelling at 0.5 with this model: ro +0.045 (dev only), es +0.02, lt +0.02, pl 0, cs -0.01: left off.
 */
export const TAGGER_SPELLED_WEIGHT = 2;

export const DEFAULT_PLAN_OPTIONS: PlanOptions = { minShare: 0.002, dictionaryCount: 0.5, maxCandidates: 8,
  inputCount: 0.05, typedInputCount: 0.05, markedInputCount: 5, typed: false, keepTypedDiacritics: true, typoMinLength: 2,
  typoSentenceStart: true, typoCapitalisedShare: 0, typoNameShare: 1, typoSlipWords: false, typoMaxEdits: 2, typoCostWeight: 3, typoInputShare: 0.5,
  typoMaxCandidates: 3, typoSpellingWeight: 8, typoSpellingMargin: 0.8, typoMarginLetters: Infinity,
  realWordTypoRate: 3e-5, endingSpellingLetters: 2, taggerSentenceStart: false, compoundShare: 0,
  compoundFixFactor: 1, compoundCapitalised: false, taggerSpelledWeight: TAGGER_SPELLED_WEIGHT };

/**
 * Per language, typoCapitalisedShare (else 0: capitalised words inside a sentence get no typo candidates). Dev, 13
 * languages, first 300 (`compare.ts --set dev --typo-capitalised-share`, bench/lexicon-decoding/REPORT.md): at 0.97
 * typo'd text gained 0.24 points on average, stripped text lost 0.04 and clean text 0.01 (names the lexicon lacks
 * taken for typos; at 0.9: +0.23, -0.08, -0.01); kept where the mean of the three on dev and news (where there is
 * a news set) beats 0 by at least 0.05 points, the bar of the other per-language weights: not lt, lv, fr, es (dev),
 * nor hu and tr (news: hu stripped -0.36, its news is full of foreign names). Outside the 13 (session 33): de at 0.9
 * took news's names for nouns (stripped -0.45: "Merz" -> "Herz"); de, et, is, pt and sl fix slips only
 * (TYPO_SLIP_WORD_LANGUAGES).
 */
export const TYPO_CAPITALISED_SHARES: Readonly<Partial<Record<LanguageCode, number>>> = {
  cs: 0.97, sk: 0.97, pl: 0.97, hr: 0.97, ro: 0.97, ga: 0.97, vi: 0.97,
};

/**
 * Per language, typoNameShare (else 1: names are fixes like other forms). Dev and news, 13 paper languages, first 300
 * (`compare.ts --set dev|news --tasks diacritics,typos,clean --typo-name-share 0.5|0.9|0.97`;
 * bench/lexicon-decoding/REPORT.md, "Typos in names"), names a neighbour key, a doubled letter or a swap away: the mean
 * of the six figures moved lt +0.090 at 0.5 (news typos 91.98 -> 92.37, nothing lost), ga +0.070 at 0.5 (dev only),
 * fr +0.063 at 0.9, lv +0.055 at 0.5, and under 0.05 elsewhere (tr +0.045, es +0.042, hu +0.033, the languages with a
 * typoCapitalisedShare at most +0.02); names one edit of any kind away also took foreign names for the language's
 * ("Javid" -> "David": hu stripped news -0.16 at 0.9). es 0.97 since session 27, with typoSlipWords (below); de et is
 * pt sl since session 33, with it too.
 */
export const TYPO_NAME_SHARES: Readonly<Partial<Record<LanguageCode, number>>> = {
  lt: 0.5, lv: 0.5, ga: 0.5, fr: 0.9, es: 0.97, de: 0.5, et: 0.5, is: 0.5, pt: 0.9, sl: 0.9,
};

/**
 * Languages whose capitalised words inside a sentence take any known form a cheapest slip away as a fix, not only
 * names (typoSlipWords): Spanish capitalises common nouns in names of bodies and titles ("el Gobierno", "la Liga").
 * Session 27 (`compare.ts --set dev|news --tasks diacritics,typos,clean --typo-name-share 0.5|0.8|0.9|0.97
 * --typo-slip-words 1`; bench/lexicon-decoding/REPORT.md, "Typo'd words, and what judges them"), mean
 * of the six figures: es +0.068 at 0.97 (typos +0.09 dev, +0.34 news; stripped news -0.01; names alone at 0.97:
 * +0.038), at least +0.053 at every share; tr +0.038 to +0.052 (stripped news -0.06 at its best share, 0.8: not kept,
 * the best of four under the noise of choosing), fr at 0.9 +0.038, hu -0.002, lt -0.038, lv -0.095.
 * German capitalises every noun, so its typo'd nouns inside a sentence ("Guten Morgdn", "im Gartem") had no fix at all.
 * Session 33, the languages outside the 13 (`compare.ts --set dev|news|informal --tasks diacritics,typos,clean
 * --typo-name-share 0.3|0.5|0.9|0.97 --typo-slip-words 1`, first 300; bench/lexicon-decoding/REPORT.md), mean of the
 * three figures per set against none: de at 0.5 dev +0.42, news +0.37, informal +0.25 (typos +1.27, +1.28, +0.74;
 * stripped news -0.12); every capitalised word a typo candidate instead (typoCapitalisedShare 0.9) took names for
 * nouns ("Merz" -> "Herz", "Lechner" -> "Rechner": stripped news -0.45). et at 0.5 dev +0.16, news +0.04; is at 0.5
 * dev +0.10, news +0.04; pt at 0.9 +0.09 and sl at 0.9 +0.05 (dev only); under the bar en +0.045 (dev, informal), it
 * +0.03 (dev, news, informal).
 */
export const TYPO_SLIP_WORD_LANGUAGES: ReadonlySet<LanguageCode> = new Set(['es', 'de', 'et', 'is', 'pt', 'sl']);

/**
 * Per language, typedInputCount (else inputCount). A writer who types some diacritics and skips others wrote
 * "Příliš zlutoucky kůň upel": the sentence has diacritics, so the byte model, which keeps words as typed, decided the
 * rest and restored none of it. With 0, a lowercase word the lexicon does not attest as typed loses its input
 * candidate there. On the `partial` task (each token's diacritics stripped with probability 1/2; electron/eval/tasks.ts)
 * and clean text, dev and news, first 300 (`compare.ts --set dev|news --lambdas default --tasks partial,clean
 * --typed-input-count 0`; bench/lexicon-decoding/REPORT.md, "Text typed with some diacritics"), the mean of the four
 * figures gained cs +0.68, hu +0.41, sk +0.32, lv +0.30, ga +0.28, pl +0.14, lt +0.13, ro +0.11, hr +0.09, tr +0.08
 * (cs partial news 94.98 -> 97.06; clean text lost up to 0.14 in lv, 0.10 in tr); fr, es, vi within 0.04: kept at
 * inputCount. Outside the 13 (session 33, the same command on dev, news and informal): de pt it sl et is en
 * unchanged to two decimals (is news partial +0.01): kept at inputCount.
 */
export const TYPED_INPUT_COUNTS: Readonly<Partial<Record<LanguageCode, number>>> = {
  lt: 0, lv: 0, cs: 0, sk: 0, pl: 0, hr: 0, ro: 0, hu: 0, ga: 0, tr: 0,
};

/**
 * Per language, typoMarginLetters (else Infinity: the margin per letter). Dev and news, 13 paper languages, first 300
 * (`compare.ts --set dev|news --tasks diacritics,typos,clean --typo-margin-letters 8|6|4`;
 * bench/lexicon-decoding/REPORT.md, "Typos in long words"): at 6 the mean of the six figures moved lt +0.11, hr +0.11,
 * cs +0.10, pl +0.05 (typo'd text up to +0.53, hr dev), kept there by the bar of the other per-language settings
 * (4 beat 6 by at most 0.03 there); ga gained +0.07 at 4 (dev only); hu -0.30 and tr -0.06 at 6, whose long
 * compounds and suffix chains the lexicon lacks are real words.
 */
export const TYPO_MARGIN_LETTERS: Readonly<Partial<Record<LanguageCode, number>>> = {
  lt: 6, hr: 6, cs: 6, pl: 6, ga: 4,
};

/**
 * Per language, how many candidates a word keeps (else maxCandidates 8 and minShare 0.002 for a known word's
 * spellings, typoMaxCandidates 3 for the forms a typo away). A Vietnamese syllable has up to a dozen spellings (six
 * tones, and the vowels' own marks): the three likeliest forms a typo away were often spellings of one syllable
 * ("hoj": "hơn", "hơi", "hội") and cut the one meant ("hôn"), and a stripped syllable's rarer spellings fell under 0.2 %
 * of its key or past the eighth. Dev, first 300 (`compare.ts --set dev --langs vi --tasks diacritics,typos,clean
 * --typo-max 5|8|12|16`, then `--max-candidates 16 --min-share 0.0005`; bench/lexicon-decoding/REPORT.md, session 26):
 * typos 94.51 -> 94.90 with twelve typo candidates (stripped and clean unchanged), then stripped 97.28 -> 97.49 and
 * typos 94.90 -> 95.30 with sixteen spellings down to 0.05 %, clean 99.84 throughout. The other twelve paper
 * languages, dev and news, mean of the six figures against their defaults: +0.05 at most with either (sk +0.047 with
 * both), and lt -0.05 with eight typo candidates, es -0.05 with both.
 */
export const CANDIDATE_LIMITS: Readonly<Partial<Record<LanguageCode,
  Pick<PlanOptions, 'maxCandidates' | 'minShare' | 'typoMaxCandidates'>>>> = {
  vi: { maxCandidates: 16, minShare: 0.0005, typoMaxCandidates: 12 },
};

/**
 * The languages whose sentences' first words, where the lexicon lacks them, the tagger spells too
 * (taggerSentenceStart). Dev and news, the six languages with tagger spellings, first 300 (`compare.ts --set dev|news
 * --tasks diacritics,typos,clean --tagger-sentence-start`; bench/lexicon-decoding/REPORT.md, session 25), mean of the
 * six figures: tr +0.063 (stripped dev +0.15: "Iltihaplanmayi" -> "İltihaplanmayı", "Baskanlarin" -> "Başkanların"),
 * hu +0.003, sk fr ga 0, lv -0.033 (names: "Bafets" -> "Bafēts").
 */
export const TAGGER_SENTENCE_START_LANGUAGES: ReadonlySet<LanguageCode> = new Set(['tr']);

/**
 * Per language, how an unknown word is spelled as a compound of known words (else compoundShare 0: never).
 * Estonian and Icelandic write compounds as one word and have no diacritics tagger to spell them; German too, and
 * capitalises every noun. Session 34, first 300 (`compare.ts --set dev|news|informal --systems lexicon --lambdas
 * default --tasks diacritics,typos,clean,partial --compound-share 0.6 --compound-fix-factor F --compound-capitalised
 * C`; bench/lexicon-decoding/REPORT.md, "Compounds the lexicon lacks"), against none: et (F 0.1) stripped dev +1.60,
 * news +1.50, typos +0.88 / +1.15, clean 0.00 / +0.06, partial +0.44 / +0.38; is (F 0.1) +0.87 / +1.39, +0.55 /
 * +0.97, -0.19 / -0.08, +0.22 / +0.45; de (F 1, capitalised words too) stripped news +0.65 (dev +0.09, informal
 * +0.04), typos +0.56 / +0.05 / -0.09, mean of the twelve figures +0.11. The tagger's languages lost (hu -0.24, tr
 * -0.21: its own spellings were better), the others moved under 0.03; the fix factor alone moved no language by 0.05;
 * capitalised words in et and is moved the mean -0.03 and +0.04. (Those figures cut into seen words only; parts only
 * the dictionary knows added et +0.37 on the mean, is +0.03, de +0.01: compound-spelling.ts DICTIONARY_PART_COUNT.)
 */
export const COMPOUND_SETTINGS: Readonly<Partial<Record<LanguageCode,
  Pick<PlanOptions, 'compoundShare' | 'compoundFixFactor' | 'compoundCapitalised'>>>> = {
  et: { compoundShare: 0.6, compoundFixFactor: 0.1, compoundCapitalised: false },
  is: { compoundShare: 0.6, compoundFixFactor: 0.1, compoundCapitalised: false },
  de: { compoundShare: 0.6, compoundFixFactor: 1, compoundCapitalised: true },
};

/** The plan options of `lang`: DEFAULT_PLAN_OPTIONS, the language's own settings, then `overrides`. */
export function planOptionsFor(lang: LanguageCode, overrides: Partial<PlanOptions> = {}): PlanOptions {
  return { ...DEFAULT_PLAN_OPTIONS, typoCapitalisedShare: TYPO_CAPITALISED_SHARES[lang] ?? 0,
    typoNameShare: TYPO_NAME_SHARES[lang] ?? DEFAULT_PLAN_OPTIONS.typoNameShare,
    typoSlipWords: TYPO_SLIP_WORD_LANGUAGES.has(lang),
    typoMarginLetters: TYPO_MARGIN_LETTERS[lang] ?? DEFAULT_PLAN_OPTIONS.typoMarginLetters,
    typedInputCount: TYPED_INPUT_COUNTS[lang] ?? DEFAULT_PLAN_OPTIONS.inputCount,
    taggerSentenceStart: TAGGER_SENTENCE_START_LANGUAGES.has(lang),
    ...COMPOUND_SETTINGS[lang], ...CANDIDATE_LIMITS[lang], ...overrides };
}

/**
 * Whether a sentence shows its writer skipping diacritics: a lowercase word without any that the lexicon does not
 * attest as typed, beside spellings of its letters that it does attest ("zlutoucky" beside "žluťoučký";
 * isPlainLowercase). In a sentence with diacritics, its plain words are then no longer more likely meant as written
 * (DEFAULT_SKIPPING_LAMBDA, and the language model's weight of sentences without diacritics).
 */
export function skipsDiacritics(text: string, lang: LanguageCode, lexicon: Lexicon): boolean {
  return wordSpans(text).some(({ text: word }) => {
    if (!isPlainLowercase(word, lang)) return false;
    const forms = lexicon.variants(lexiconKey(word, lang));
    const lower = lowerFor(word, lang);
    return forms.length > 0 && !forms.some((f) => f.form === lower);
  });
}

/**
 * How a sentence was typed: with diacritics (`typed`, hasTypedDiacritics), and with some of them skipped
 * (`skipping`, skipsDiacritics). The product and the eval's lexicon-lm system both take it from here.
 */
export function sentenceTyping(text: string, lang: LanguageCode, lexicon: Lexicon): { typed: boolean; skipping: boolean } {
  const typed = hasTypedDiacritics(text, lang);
  return { typed, skipping: typed && skipsDiacritics(text, lang, lexicon) };
}

/** The options of one sentence, which has diacritics (`typed`) or not. */
export function sentencePlanOptions(options: PlanOptions, typed: boolean): PlanOptions {
  return typed === options.typed ? options : { ...options, typed };
}

/** A word inside a whitespace token, at UTF-16 offsets [start, end) of the text. */
export interface WordSpan {
  start: number;
  end: number;
  text: string;
  /** The word follows a number and a hyphen ("37-Jahrige"): it changes only where the lexicon knows its letters. */
  afterNumber?: boolean;
}

const TOKEN = /\S+/gu;
/** A comma or semicolon typed between two letters without the space after it ("chtit,muzes"): it ends a word. */
const JOINED_AT = /(?<=\p{L})[,;](?=\p{L})/u;
const EDGE = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;
/**
 * A core the decoder may touch: Latin letter runs, joined by apostrophes, hyphens or slashes ("l'ete", "rusko-cesky",
 * "a/nebo", vi "vat/he": before, a slash left every word of the token untouched).
 */
const CORE = /^[\p{Script=Latin}\p{M}]+(?:['’/-][\p{Script=Latin}\p{M}]+)*$/u;
const RUN = /[\p{L}\p{M}]+/gu;
/**
 * A number and a hyphen before a word of at least four letters (de "37-Jährige", hr "33-godišnjak", cs "48-hodinová"),
 * or an ordinal's full stop typed without the space after it (lv "2015.gadā", "3.aprīlī", cs "1.třída"): the word is
 * a word. Shorter ones are endings written after a number (lt "25-ą", hu "2005-ös", "11-ét").
 */
const NUMBER_PREFIX = /^\d+[-–.](?=[\p{Script=Latin}\p{M}]{4})/u;

/** Where the punctuation-free core of a token starts and ends (UTF-16 offsets within the token). */
export function peel(token: string): { start: number; end: number } {
  let start = 0;
  let end = token.length;
  for (const m of token.matchAll(EDGE)) {
    if (m.index === 0) start = m[0].length;
    else end = m.index;
  }
  return start >= end ? { start: 0, end: 0 } : { start, end };
}

/** The words of `text` that may change: letter runs of token cores made only of Latin letters. */
export function wordSpans(text: string): WordSpan[] {
  const out: WordSpan[] = [];
  for (const whole of text.matchAll(TOKEN)) {
    let at = whole.index;
    for (const token of whole[0].split(JOINED_AT)) {
      const { start, end } = peel(token);
      const core = token.slice(start, end);
      const numbered = NUMBER_PREFIX.exec(core)?.[0].length ?? 0;
      const base = at + start + numbered;
      at += token.length + 1;
      const word = core.slice(numbered);
      if (!CORE.test(word)) continue; // numbers, codes, URLs, other scripts: copied as they are
      // A mention or a hashtag ("@uzivatel", "#dovolena") names an account or a tag as written: copied as it is.
      if (/[@#]$/u.test(token.slice(0, start))) continue;
      // A slash at the core's edge makes a slashed token a path ("/usr/lib", "~/kniha/"): copied as it is.
      if (word.includes('/') && (token.slice(0, start).endsWith('/') || token.slice(end).startsWith('/'))) continue;
      for (const run of word.matchAll(RUN)) {
        out.push({ start: base + run.index, end: base + run.index + run[0].length, text: run[0],
          ...(numbered > 0 ? { afterNumber: true } : {}) });
      }
    }
  }
  return out;
}

/**
 * A lowercase word without diacritics: the only kind whose diacritics a writer who types them may have skipped
 * (typedInputCount, skipsDiacritics). A word with some was typed with care ("aizvadītajā" is no skipped
 * "aizvadītājā"); a capitalised one is mostly a name ("Drive", "Omar").
 */
function isPlainLowercase(word: string, lang: LanguageCode): boolean {
  return !isUpper(word[0]!) && stripDiacritics(word, lang) === word;
}

/** A capital, then lowercase letters, none with a diacritic ("Iltihaplanmayi"). */
function isPlainCapitalised(word: string, lang: LanguageCode): boolean {
  const [first = '', ...rest] = word;
  return rest.length > 0 && isUpper(first) && !rest.some(isUpper) && stripDiacritics(word, lang) === word;
}

export function isUpper(char: string): boolean {
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

/**
 * Languages that write a foreign name's case ending after an apostrophe (lt "Farage’as", "Daley’ui"): there the
 * ending is copied as typed, never taken for a word ("as" -> "aš", "is" -> "iš"). lt news (first 300; `compare.ts
 * --set dev|news --langs lt,tr --tasks diacritics,typos,clean,partial`, bench/lexicon-decoding/REPORT.md): stripped
 * 95.40 -> 95.53, typos 91.42 -> 91.55, clean 99.57 -> 99.63, partial 97.17 -> 97.25; dev has no such name. Not tr:
 * its endings after a name follow the name's vowels ("Atatürk'ün") and are restored like words (stripped dev -0.50).
 */
const NAME_ENDING_LANGUAGES: ReadonlySet<LanguageCode> = new Set(['lt']);

/** Languages that write a lowercase prefix before a name's capital (ga "hÉireann", "gCorn"): no case slip there. */
const PREFIXED_NAME_LANGUAGES: ReadonlySet<LanguageCode> = new Set(['ga']);

/** Whether `span` is the ending a writer put after a capitalised word and an apostrophe (NAME_ENDING_LANGUAGES). */
function isNameEnding(text: string, previous: WordSpan, span: WordSpan): boolean {
  return previous.end + 1 === span.start && /['’]/u.test(text[previous.end]!) && isUpper(previous.text[0]!);
}

/**
 * The lowercase `form` in the capitalisation of `source`: letter by letter when both have as many characters,
 * else all caps (WORD, two letters or more) or a capital first letter (Word). Shared with the eval baselines.
 */
export function applyCase(source: string, form: string, lang: string): string {
  const src = [...source];
  if (!src.some(isUpper)) return form;
  const chars = [...form];
  if (chars.length === src.length) return chars.map((c, i) => (isUpper(src[i]!) ? upperFor(c, lang) : c)).join('');
  const letters = src.filter((c) => /\p{L}/u.test(c));
  if (letters.length > 1 && letters.every(isUpper)) return upperFor(form, lang);
  return isUpper(src[0]!) ? upperFor(chars[0] ?? '', lang) + chars.slice(1).join('') : form;
}

/**
 * Whether the word at `start` begins a sentence: only spaces, opening quotes or brackets between it and the text's
 * start or a sentence's end (. ! ? …), looked for in the 64 characters before it. A name's initial ends none
 * (INITIAL_END: "J. Lucenko" is a name inside a sentence).
 */
export function startsSentence(text: string, start: number): boolean {
  const from = Math.max(0, start - 64);
  const before = text.slice(from, start).replace(/[\s\p{Ps}\p{Pi}"']+$/u, '');
  return before === '' ? from === 0 : /[.!?…]$/u.test(before) && !INITIAL_END.test(before);
}

/**
 * What may follow an abbreviation's full stop: a lowercase word, a number, a Roman one or an acronym ("odst. 5",
 * "čl. III.", "vč. DPH").
 */
const AFTER_ABBREVIATION = /^\.[^\S\n]+(?:[\p{Ll}\d]|[IVXLC]+\b|\p{Lu}{2,}(?!\p{Ll}))/u;

/**
 * Whether the word at [start, end) of `text` reads as an abbreviation: at most four letters, a full stop right after
 * it, and the sentence going on after it (cs "odst. 5", "čl. III", lt "tel. 112"). A typo fix would make another word
 * of it ("odst." -> "dost.", "cl." -> "co."), so it gets only its own spellings.
 */
export function isAbbreviation(text: string, start: number, end: number): boolean {
  return [...text.slice(start, end)].length <= 4 && AFTER_ABBREVIATION.test(text.slice(end, end + 16));
}

/** Whether the word at [start, end) of `text` and a full stop after it are one of the lexicon's abbreviations. */
export function isListedAbbreviation(text: string, start: number, end: number, lang: LanguageCode,
  lexicon: Lexicon): boolean {
  if (lexicon.abbreviations.size === 0 || text[end] !== '.') return false;
  const word = text.slice(start, end);
  return lexicon.abbreviations.has(word) || lexicon.abbreviations.has(lowerFor(stripDiacritics(word, lang), lang));
}

/** A full stop that ends a sentence or the text: nothing, a space or a closing mark after it. */
const STOP_AT_END = /^\.(?:$|[\s\p{Pe}\p{Pf}"'])/u;

/**
 * The abbreviation the word at [start, end) of `text` is (the lexicon's abbreviations), else null: written without
 * its diacritics (cs "c. 5" -> "č. 5", "cl. III" -> "čl. III", hu "marc. 15" -> "márc. 15", es "pag. 3" -> "pág. 3"),
 * or as it is (lt "psl.", page: a typo fix made "psi." of it). A full stop follows it and the sentence goes on, as
 * isAbbreviation; where the same letters are a word of another spelling (`forms`: cs "c. k.", the letter; "zak."
 * beside "žák"), only before a number or an acronym ("vc. DPH" -> "vč. DPH"). At a sentence's end, only where the
 * lexicon knows the letters as no word ("3 psl.") or as the abbreviation alone (lt "zr." -> "žr."). A capitalised
 * word takes a lowercase abbreviation in its capitalisation; a word typed with a diacritic stays as typed.
 */
export function restoredAbbreviation(text: string, start: number, end: number, lang: LanguageCode, lexicon: Lexicon,
  forms: ReadonlyArray<{ form: string }>): string | null {
  // Most languages have no abbreviations and most words no full stop: both tell before anything is sliced.
  if (lexicon.abbreviations.size === 0 || text[end] !== '.') return null;
  const word = text.slice(start, end);
  const after = text.slice(end, end + 16);
  const goesOn = AFTER_ABBREVIATION.test(after);
  if (!(goesOn || STOP_AT_END.test(after)) || stripDiacritics(word, lang) !== word) return null;
  const lower = lowerFor(word, lang);
  const own = lexicon.abbreviations.get(word);
  const lowercase = own === undefined && lower !== word ? lexicon.abbreviations.get(lower) : undefined;
  const found = own ?? (lowercase !== undefined && lowerFor(lowercase, lang) === lowercase
    ? applyCase(word, lowercase, lang) : undefined);
  if (found === undefined) return null;
  const letters = lowerFor(found, lang);
  const otherWord = forms.some((f) => f.form !== letters);
  if (!goesOn) return otherWord || (forms.length > 0 && found === word) ? null : found;
  return otherWord && !ABBREVIATION_TARGET.test(after.replace(/^\.\s+/u, '')) ? null : found;
}

/**
 * Whether `candidate` keeps every letter of `word` that was typed with a diacritic: where both have as many letters,
 * at its place; else anywhere, since session 20 (`compare.ts --tasks typed-typos,clean,partial`, 13 paper languages:
 * +0.07 / +0.01 / +0.02 on dev, +0.10 / +0.005 / +0.008 on news; bench/lexicon-decoding/REPORT.md).
 */
export function keepsTypedDiacritics(word: string, candidate: string, lang: LanguageCode): boolean {
  const typed = [...word];
  const chars = [...candidate];
  if (typed.length !== chars.length) {
    // A letter added or dropped: each letter typed with a diacritic is still there ("ódy" is no slip of "od").
    const left = [...chars];
    return typed.every((ch) => {
      if (stripDiacritics(ch, lang) === ch) return true;
      const at = left.indexOf(ch);
      if (at >= 0) left.splice(at, 1);
      return at >= 0;
    });
  }
  return typed.every((ch, i) => ch === chars[i] || stripDiacritics(ch, lang) === ch);
}

/**
 * How a word is written, where it may be a typo: 'lower', or capitalised (a capital, then lowercase letters) as a
 * sentence's first word ('sentence-start', typoSentenceStart) or, `unknown` to the lexicon, inside one ('name',
 * typoCapitalisedShare or typoNameShare: mostly a name), or, unknown, with a slipped capital ('slip', isCaseSlip).
 * Null where it may not be a typo: under typoMinLength letters, or other capitals. Fixes are written in the word's
 * capitalisation (a slip's: capitalised).
 */
type TypoCase = 'lower' | 'sentence-start' | 'name' | 'slip';

function typoCase(word: string, lang: LanguageCode, options: PlanOptions, sentenceStart: boolean, unknown = false):
  TypoCase | null {
  const letters = [...word];
  if (options.typoMinLength <= 0 || letters.length < options.typoMinLength) return null;
  if (unknown && !PREFIXED_NAME_LANGUAGES.has(lang) && isCaseSlip(letters)) return 'slip';
  const kind: TypoCase = !isUpper(letters[0]!) ? 'lower'
    : options.typoSentenceStart && sentenceStart ? 'sentence-start'
    : unknown && (options.typoCapitalisedShare > 0 || options.typoNameShare < 1) ? 'name' : 'lower';
  return letters.slice(kind === 'lower' ? 0 : 1).some(isUpper) ? null : kind;
}

/**
 * A capital typed a key early or held a key long: the second letter is the word's capital and at least two lowercase
 * letters follow ("DEeclaration", "nUiversity" for a swapped "Un"). Not "iPad" or "PCs" (too short to tell), nor
 * "mRNA" or "McDonald". An unknown word written so is taken as a typo of a capitalised word, like a lowercase one
 * (typoInputShare, the spelling model), but only for forms one edit away: a brand keeps its spelling ("XCeed" had
 * become "Reed", two edits away; "iPhone" has no form near).
 */
function isCaseSlip(letters: readonly string[]): boolean {
  const rest = letters.slice(2);
  return letters.length >= 4 && isUpper(letters[1]!) && !rest.some(isUpper)
    && rest.filter((c) => c !== c.toUpperCase()).length >= 2;
}

/** The cheapest edit (a neighbour key, a doubled letter, a swap): bounds the weight of any fix; a name's typo costs it. */
const CHEAPEST_EDIT = 0.6;

/**
 * A one-letter word without a vowel is a word where it is among the language's most frequent (pl "w" 1.0 and "z" 0.51
 * of the most frequent form's count, cs "v" 0.35, "k" 0.09): elsewhere it is a letter (es "x", "t", "p" 0.002-0.003;
 * pl "x", "d" 0.004, 0.014), and chat's "xq", "tb", "pq", "xd" had become "x", "t", "p", "x".
 */
const ONE_LETTER_WORD_SHARE = 0.05;

/** Chat's words without a vowel are short ("jj", "btw", "mmch"); a longer such key is a word with several slips. */
const MAX_CHAT_LETTERS = 4;

/**
 * Which fixes may be meant where a word of key `key` was typed (decided once per word). A short key without a syllable
 * (hasSyllable) is
 * a slip only where the slip took the syllable away, by the cheapest kind of edit ("lq" for "la") or by dropping a
 * letter ("kd" for "kad"), or added one to a one-letter word (pl "ww" for "w"); else it is chat's or a command's
 * (cs "jj" had become "je", "btw" "bmw" and then "bts", "thx" "the", "npm" "nám"). Blocking every fix of such keys
 * lost 0.22 points of dev's typo'd text: a neighbour key often takes a short word's vowel.
 */
function slipFilter(key: string, lang: LanguageCode, lexicon: Lexicon): (f: NearForm) => boolean {
  if (hasSyllable(key, lang) || [...key].length > MAX_CHAT_LETTERS) return () => true;
  const oneLetterWord = ONE_LETTER_WORD_SHARE * lexicon.maxCount;
  return (f) => {
    const fixKey = lexiconKey(f.form, lang);
    if (!hasSyllable(fixKey, lang)) return [...fixKey].length === 1 && f.cost <= 1 && f.count >= oneLetterWord;
    return f.cost <= CHEAPEST_EDIT || addsOneLetter(key, fixKey);
  };
}

/**
 * Candidates of an unknown word that may be a typo (typoCase): itself and
 * the likeliest forms a few edits away, in its capitalisation. The word keeps typoInputShare of the prior, moved by how
 * much more word-like its letters are than its fixes' (`spelling`): a real word the lexicon lacks reads like the
 * language, a typo seldom does.
 */
function typoCandidates(word: string, lang: LanguageCode, lexicon: Lexicon, options: PlanOptions, spelling?: Spelling,
  sentenceStart = false, elides = false): PlanCandidate[] | null {
  const kind = typoCase(word, lang, options, sentenceStart, true);
  if (kind === null) return null;
  const lower = lowerFor(word, lang);
  if (lexicon.keepsAsTyped(lower)) return null; // mixed in as written: "deadline" is no typo of "readline"
  const [first = '', ...rest] = lower;
  const capitalised = upperFor(first, lang) + rest.join('');
  // A name's typo is one slip of the cheapest kind away (a neighbour key, a doubled letter, a swap): a foreign name is
  // as often one other edit from one of the language's ("Javid", "David"). Only where names have their own share: the
  // set of a language's names is made on first use (Lexicon.isName). With typoSlipWords any known form counts so.
  const isNameFix = (f: NearForm) => kind === 'name' && options.typoNameShare < 1 && f.cost <= CHEAPEST_EDIT
    && (options.typoSlipWords || lexicon.isName(f.form));
  // One edit first: most typos are one slip, and the search within two edits costs 10-100x more (bench/REPORT.md).
  const limit = 4 * options.typoMaxCandidates;
  const maxEdits = kind === 'slip' ? Math.min(1, options.typoMaxEdits) : options.typoMaxEdits;
  let near = lexicon.near(word, Math.min(1, maxEdits), limit);
  if (near.length === 0 && maxEdits > 1) near = lexicon.near(word, maxEdits, limit);
  // An elided word typed without its apostrophe ("davance": "d'avance"), a fix like the cheapest slip's against the
  // typo's own ("dasn" is "dans", not "d'asn"), in place of the word after it alone (it "lamico" had become "amico").
  const elided = elides ? elidedForms(lower, lang, lexicon) : [];
  if (elided.length > 0) {
    near = [...near.filter((f) => !elided.some((e) => e.rest === f.form)),
      ...elided.map((f) => ({ form: f.form, count: f.count, cost: CHEAPEST_EDIT }))];
  }
  const key = lexiconKey(word, lang);
  const maySlipTo = slipFilter(key, lang, lexicon);
  const scored = near
    .filter((f) => writesOwnLetters(lower, f.form, lang) && maySlipTo(f))
    .filter((f) => !options.keepTypedDiacritics || keepsTypedDiacritics(lower, f.form, lang))
    // A capitalised word inside a sentence where any fix is too bold (typoCapitalisedShare 0): names a slip away.
    .filter((f) => kind !== 'name' || options.typoCapitalisedShare > 0 || isNameFix(f))
    .map((f) => ({ form: kind === 'lower' ? f.form : applyCase(kind === 'slip' ? capitalised : word, f.form, lang),
      name: isNameFix(f), score: Math.log(f.count || options.dictionaryCount) - options.typoCostWeight * f.cost }))
    .sort((a, b) => b.score - a.score).slice(0, options.typoMaxCandidates);
  if (scored.length === 0) return null;
  const top = scored[0]!.score;
  const sum = scored.reduce((s, f) => s + Math.exp(f.score - top), 0);
  // A capitalised word inside a sentence is mostly a name: its own share, and no say for the spelling model, which
  // reads a foreign name's letters as a typo's (dev: stripped text lost 0.14 points with it, 0.08 without).
  const name = kind === 'name';
  const share = !name ? options.typoInputShare
    : scored[0]!.name ? Math.min(options.typoNameShare, options.typoCapitalisedShare || 1) : options.typoCapitalisedShare;
  let odds = Math.log(share / (1 - share));
  if (spelling && options.typoSpellingWeight > 0 && !name) {
    // Per letter (the word's end counts as one): a dropped letter would otherwise make a typo more likely as a whole.
    const lettersOf = (key: string) => [...key].length + 1;
    const perLetter = (key: string) => spelling.logProb(key) / lettersOf(key);
    const fix = Math.max(...scored.map((f) => perLetter(lexiconKey(f.form, lang))));
    const margin = options.typoSpellingMargin * Math.min(1, options.typoMarginLetters / lettersOf(key));
    odds += options.typoSpellingWeight * (perLetter(key) - fix + margin);
  }
  return [{ bytes: utf8Bytes(word), logPrior: logSigmoid(odds), input: true },
    ...scored.map((f) => ({ bytes: utf8Bytes(f.form), logPrior: logSigmoid(-odds) + f.score - top - Math.log(sum),
      input: false, fix: true }))];
}

/**
 * Forms one edit from a known word (with another key) that it may be a typo of, with their weights against the
 * typed key's `mass` (the counts its own candidates share): realWordTypoRate x count x e^(-typoCostWeight x cost),
 * the heaviest typoMaxCandidates of those at least minShare of the total, in the word's capitalisation, for a word
 * that may be a typo (typoCase).
 */
function realWordFixes(word: string, lang: LanguageCode, lexicon: Lexicon, options: PlanOptions, mass: number,
  sentenceStart: boolean): Array<{ text: string; count: number }> {
  const rate = options.realWordTypoRate;
  const kind = rate > 0 ? typoCase(word, lang, options, sentenceStart) : null;
  const lower = lowerFor(word, lang);
  // Chat's shorthands the lexicon knows too are meant as typed (es "tb" had become "t", pl "xd" "x").
  if (kind === null || isChatWord(lower, lang)) return [];
  const weigh = (count: number, cost: number) => rate * count * Math.exp(-options.typoCostWeight * cost);
  // Skip the search where not even the language's most frequent form could reach minShare (its frequent words).
  const heaviest = weigh(lexicon.maxCount, CHEAPEST_EDIT);
  if (heaviest < options.minShare * (mass + heaviest)) return [];
  const key = lexiconKey(word, lang);
  const maySlipTo = slipFilter(key, lang, lexicon);
  const fixes = lexicon.near(word, 1, 64)
    .filter((f) => f.count > 0 && lexiconKey(f.form, lang) !== key && writesOwnLetters(lower, f.form, lang) &&
      maySlipTo(f) &&
      (!options.keepTypedDiacritics || keepsTypedDiacritics(lower, f.form, lang)))
    .map((f) => ({ text: kind === 'lower' ? f.form : applyCase(word, f.form, lang), count: weigh(f.count, f.cost) }))
    .sort((a, b) => b.count - a.count).slice(0, options.typoMaxCandidates);
  const total = mass + fixes.reduce((sum, f) => sum + f.count, 0);
  return fixes.filter((f) => f.count >= options.minShare * total);
}

/**
 * The candidates of one word, or null when there is nothing to choose. `sentenceStart`: the word begins a sentence
 * (startsSentence), so a capitalised word may be a typo too.
 */
export function candidatesFor(word: string, lang: LanguageCode, lexicon: Lexicon,
  options: PlanOptions = DEFAULT_PLAN_OPTIONS, spelling?: Spelling, sentenceStart = false): PlanCandidate[] | null {
  return wordChoice(word, lang, lexicon, options, undefined, spelling, sentenceStart)?.candidates ?? null;
}

/**
 * The candidates of one word and where they come from, or null when there is nothing to choose. `forms`: the
 * lexicon's spellings of the word's key (none: an unknown word).
 */
function wordChoice(word: string, lang: LanguageCode, lexicon: Lexicon, options: PlanOptions,
  forms = lexicon.variants(lexiconKey(word, lang)), spelling?: Spelling, sentenceStart = false,
  stretched = forms.length === 0 ? stretchedWord(word, lang, lexicon) : null):
  Pick<PlanWord, 'candidates' | 'source'> | null {
  const lower = lowerFor(word, lang);
  // A word typed without its apostrophe (elision.ts): a lowercase one, one that starts a sentence, any in English
  // ("Im").
  const elides = word === lower || sentenceStart || lang === 'en';
  if (forms.length === 0) {
    if (stretched) return stretchedChoice(stretched, word, lang, lexicon, options);
    const written = elides ? contraction(lower, lang) : undefined;
    if (written) return { candidates: contractionCandidates(word, applyCase(word, written, lang)), source: 'typo' };
    if (isUpper([...word][0]!) && options.repeatedNames?.has(lower)) return null;
    const typos = typoCandidates(word, lang, lexicon, options, spelling, sentenceStart, elides);
    return typos && { candidates: typos, source: 'typo' };
  }
  const weight = (count: number) => count || options.dictionaryCount;
  const total = forms.reduce((sum, f) => sum + weight(f.count), 0);
  const chosen = forms.filter((f) => f.count === 0 || f.count >= options.minShare * total).slice(0, options.maxCandidates);
  const inputForm = forms.find((f) => f.form === lower);
  // A word typed with a diacritic, as our text writes it, is what its writer meant: its other spellings are other
  // words (cs "odhodláni" had become "odhodlání", "propuštěni" "propuštění", lv "Rīga." "Rīgā." in clean news text).
  // Dev and news: clean +0.011 / +0.028, partly stripped +0.019 / +0.058, typed with typos +0.010 / +0.032, no loss.
  const marked = stripDiacritics(word, lang) !== word;
  const meant = options.keepTypedDiacritics && inputForm !== undefined && inputForm.count > 0 && marked;
  // A lowercase word's spellings stay in the language's letters: the others are a source's wrong code page or old
  // spelling (lv "atcerrties" -> "atcerŗties"); a capitalised word may be a foreign name ("Hojo" -> "Hōjō").
  const foreignAllowed = isUpper([...word][0]!);
  const list = chosen.filter((f) => !meant && f.form !== lower && (foreignAllowed || writesOwnLetters(lower, f.form, lang)))
    .map((f) => ({ text: applyCase(word, f.form, lang), count: weight(f.count) }))
    .filter((c) => !options.keepTypedDiacritics || keepsTypedDiacritics(word, c.text, lang));
  const inputCount = inputForm ? weight(inputForm.count)
    : marked ? options.markedInputCount
      : options.typed && isPlainLowercase(word, lang) ? options.typedInputCount : options.inputCount;
  const own = list.reduce((s, f) => s + f.count, 0) + inputCount;
  const fixes = [...realWordFixes(word, lang, lexicon, options, own, sentenceStart),
    ...(elides ? apostropheFixes(word, lower, lang, lexicon, total) : [])];
  if (list.length === 0 && fixes.length === 0) return null; // only the input itself
  const sum = own + fixes.reduce((s, f) => s + f.count, 0);
  const candidate = (c: { text: string; count: number }, fix: boolean): PlanCandidate =>
    ({ bytes: utf8Bytes(c.text), logPrior: Math.log(c.count / sum), input: false, ...(fix ? { fix } : {}) });
  const others = [...list.map((c) => candidate(c, false)), ...fixes.map((c) => candidate(c, true))];
  const source = fixes.length > 0 ? 'typo' : 'lexicon';
  // inputCount 0: an unattested input is no candidate (a lone attested form is then written without asking the model).
  if (inputCount <= 0) return { candidates: others, source };
  // The input comes first, spelled exactly as written (even where lowercasing is not reversible).
  return { candidates: [{ bytes: utf8Bytes(word), logPrior: Math.log(inputCount / sum), input: true }, ...others],
    source };
}

/**
 * An English contraction's weight against its letters as typed ("dont"), which are no word (9: nine in ten; 99 gave
 * the same informal dev figures: typo'd "im" for "in" and "youre" for "your" became "I'm", "you're" either way).
 */
const CONTRACTION_WEIGHT = 9;

/**
 * The candidates of an unknown English word that is a contraction typed without its apostrophe ("shouldnt"): that,
 * by CONTRACTION_WEIGHT, and the word as typed.
 */
function contractionCandidates(word: string, written: string): PlanCandidate[] {
  const sum = 1 + CONTRACTION_WEIGHT;
  return [{ bytes: utf8Bytes(word), logPrior: -Math.log(sum), input: true },
    { bytes: utf8Bytes(written), logPrior: Math.log(CONTRACTION_WEIGHT / sum), input: false, fix: true }];
}

/**
 * The spellings with an apostrophe of a known word (`lower`: lowercase; elision.ts) that outweigh its own forms
 * (`own`: their weight): an English contraction always, by CONTRACTION_WEIGHT; a French or Italian elided word where
 * the key is no word of its own (ELISION_MAX_COUNT) and ELISION_RATE x the elided spelling's count is more (fr "jai"
 * -> "j'ai", never "notaient" -> "n'ôtaient").
 */
function apostropheFixes(word: string, lower: string, lang: LanguageCode, lexicon: Lexicon, own: number):
  Array<{ text: string; count: number }> {
  const written = contraction(lower, lang);
  if (written) return [{ text: applyCase(word, written, lang), count: CONTRACTION_WEIGHT * own }];
  if (own > ELISION_MAX_COUNT) return [];
  return elidedForms(lower, lang, lexicon).map((f) => ({ text: applyCase(word, f.form, lang), count: ELISION_RATE * f.count }))
    .filter((f) => f.count > own);
}

/**
 * The choice of a stretched word (stretched-word.ts: "prrroblem", "Huuuu"): that of its letters with each run cut to
 * one, stretched back ("prrroblém", "Húúúú"), and never a typo fix (the nearest forms had made "Huuuu" "Hlůžu" and
 * "prrravda" "pravda", against the writer's spelling).
 */
function stretchedChoice(stretched: StretchedWord, word: string, lang: LanguageCode, lexicon: Lexicon,
  options: PlanOptions): Pick<PlanWord, 'candidates' | 'source'> | null {
  const choice = wordChoice(stretched.short, lang, lexicon, { ...options, realWordTypoRate: 0 });
  return choice && { source: choice.source, candidates: choice.candidates.map((c) => ({ ...c,
    bytes: utf8Bytes(c.input ? word : stretched.stretch(decoder.decode(c.bytes))) })) };
}

/** The diacritics tagger's letter scores of the sentence and their weight against the frequency prior. */
export interface TaggerPrior {
  scores: LetterScores;
  /** Weight of the tagger's log-odds between a word's lexicon candidates and the word as typed. */
  weight: number;
  /**
   * Weight of its log-odds between its own spelling of a word the lexicon does not know and the word as typed; that
   * spelling becomes a candidate where this is above 0 (0 where not given).
   */
  spellingWeight?: number;
}

/** Code point index of every UTF-16 offset of `text` (the tagger counts code points). */
function codePointIndex(text: string): Int32Array {
  const index = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    index[i] = cp;
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff || i + 1 === text.length) cp++;
  }
  index[text.length] = cp;
  return index;
}

/**
 * Adds the tagger's opinion to a word's priors: weight x (ln P_tagger(candidate) - ln P_tagger(the word as typed)).
 * A candidate that is not a diacritic variant of the typed letters (a typo fix) gets no opinion (0), a shorter one
 * too: its letters alone would score the typed word's first letters and leave out the log-probabilities of the rest,
 * so every fix that drops an ending (hu "főszereplői" -> "főszereplő", "személyiségük" -> "személyiségű") gained
 * over the word as typed (bench/lexicon-decoding/REPORT.md, session 25).
 */
function addTaggerPrior(candidates: PlanCandidate[], texts: string[], typed: string, start: number,
  tagger: TaggerPrior): void {
  const asTyped = tagger.scores.word(start, typed);
  if (asTyped === null) return;
  const length = [...typed].length;
  candidates.forEach((c, i) => {
    if ([...texts[i]!].length !== length) return;
    const score = tagger.scores.word(start, texts[i]!);
    if (score !== null) c.logPrior += tagger.weight * (score - asTyped);
  });
}

/** How many of the tagger's likeliest spellings of an unknown word the letter model of written words chooses from. */
const TAGGER_SPELLING_BEAM = 16;

/**
 * The tagger's spelling of `word` (typed from code point `start`) and the ln P of its own likeliest: letter by letter
 * its likeliest, or, with a letter model of the language's words as written (`spelled`, weighed by `weight`), of its
 * TAGGER_SPELLING_BEAM likeliest spellings the one of highest ln P_tagger + weight x ln P_spelled. Its letters are
 * independent of each other, so it may join vowels a word never has together (hu "tűrbinát", "hívóknek", where the
 * vowels of a Hungarian word agree), which the letter model knows (bench/lexicon-decoding/REPORT.md, session 35).
 */
function taggerSpelling(word: string, start: number, tagger: TaggerPrior, lang: LanguageCode,
  spelled: Spelling | null | undefined, weight: number): { text: string; bestLogProb: number } | null {
  const length = [...word].length;
  if (!spelled || weight <= 0) {
    const best = tagger.scores.best(start, length);
    return best === null ? null : { text: best, bestLogProb: tagger.scores.word(start, best)! };
  }
  const beam = tagger.scores.kBest(start, length, TAGGER_SPELLING_BEAM);
  if (beam.length === 0) return null;
  let chosen = beam[0]!;
  let chosenScore = -Infinity;
  for (const spelling of beam) {
    const score = spelling.logProb + weight * spelled.logProb(lowerFor(spelling.text, lang));
    if (score > chosenScore) [chosen, chosenScore] = [spelling, score];
  }
  return { text: chosen.text, bestLogProb: beam[0]!.logProb };
}

/** ln(1 / (1 + e^-x)), without overflow. */
function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/**
 * Adds the tagger's own spelling of an unknown lowercase word (`start`: its first code point) to the word's
 * candidates. The two share what the input had: the tagger only tells the word as typed from the same letters with
 * diacritics, not whether the word is a typo of a known one, so the odds between the two are its log-odds times
 * spellingWeight and the typo fixes keep their priors. A spelling already a candidate adds nothing. A word typed
 * with a diacritic gets none (isPlainLowercase: it was typed with care; hu "epizódról" had become "épizódról" once
 * typos in such sentences were fixed, bench/lexicon-decoding/REPORT.md, session 20). A capitalised word gets none: it is mostly a name, often a foreign one,
 * whose letters the tagger respells in its language's way (dev and news, `compare.ts`, lowercase words only against
 * every word: hu +0.36, lv +0.12, tr +0.03, sk 0, lt -0.02; bench/lexicon-decoding/REPORT.md), unless it starts a
 * sentence in a language of TAGGER_SENTENCE_START_LANGUAGES (`sentenceStart`); nor does a frequent English word
 * (Lexicon.keepsAsTyped: lt "someone" -> "someonė").
 */
function withTaggerSpelling(choice: Pick<PlanWord, 'candidates' | 'source'> | null, texts: readonly string[],
  word: string, lexicon: Lexicon, start: number, tagger: TaggerPrior, lang: LanguageCode, sentenceStart: boolean,
  spelled: { model: Spelling | null | undefined; weight: number }): Pick<PlanWord, 'candidates' | 'source'> | null {
  const weight = tagger.spellingWeight ?? 0;
  const plain = isPlainLowercase(word, lang) || (sentenceStart && isPlainCapitalised(word, lang));
  if (weight <= 0 || !plain || lexicon.keepsAsTyped(lowerFor(word, lang))) return choice;
  const spelling = taggerSpelling(word, start, tagger, lang, spelled.model, spelled.weight);
  if (spelling === null || spelling.text === word || texts.includes(spelling.text)) return choice;
  // The odds that the word needs diacritics at all: the tagger's likeliest spelling against the letters as typed.
  const odds = weight * (spelling.bestLogProb - tagger.scores.word(start, word)!);
  return withProposedSpellings(choice, word, logSigmoid(-odds), [{ text: spelling.text, logShare: logSigmoid(odds) }]);
}

/**
 * `choice` (null: the word alone, prior 0) with `proposed` spellings of an unknown word beside the word as typed,
 * sharing what the input had: the input's log-prior plus `inputLogShare`, each proposal's plus its `logShare`; the
 * other candidates (typo fixes) keep theirs. Unchanged where no candidate is the input.
 */
function withProposedSpellings(choice: Pick<PlanWord, 'candidates' | 'source'> | null, word: string,
  inputLogShare: number, proposed: ReadonlyArray<{ text: string; logShare: number }>):
  Pick<PlanWord, 'candidates' | 'source'> | null {
  const candidates = choice?.candidates ?? [{ bytes: utf8Bytes(word), logPrior: 0, input: true }];
  const input = candidates.find((c) => c.input);
  if (!input) return choice;
  return { candidates: [
    ...candidates.map((c) => (c === input ? { ...c, logPrior: c.logPrior + inputLogShare } : c)),
    ...proposed.map((p) => ({ bytes: utf8Bytes(p.text), logPrior: input.logPrior + p.logShare, input: false,
      proposed: true }))], source: choice?.source ?? 'unknown' };
}

/**
 * Adds the spelling of an unknown word as a compound of known words (compoundSpelling: "tooulesannete" ->
 * "tööülesannete") to its candidates, where it adds diacritics: it takes compoundShare of what the input had (the
 * typo fixes keep theirs). A word that cuts into known words at all, with diacritics or as typed, is mostly a compound
 * the lexicon lacks, no typo: its typo fixes' odds first shrink by compoundFixFactor. Only for a lowercase word without
 * diacritics or a sentence's capitalised first word: a capitalised word inside a sentence is mostly a name, which a
 * cut would respell from its pieces' letters, except in a language that capitalises its nouns (compoundCapitalised:
 * de "Stahlgeschaft" -> "Stahlgeschäft"); nor for a frequent English word (Lexicon.keepsAsTyped).
 */
function withCompoundSpelling(choice: Pick<PlanWord, 'candidates' | 'source'> | null, texts: readonly string[],
  word: string, lexicon: Lexicon, lang: LanguageCode, options: PlanOptions, sentenceStart: boolean):
  Pick<PlanWord, 'candidates' | 'source'> | null {
  const lower = lowerFor(word, lang);
  if (!(isPlainLowercase(word, lang) || ((sentenceStart || options.compoundCapitalised) && isPlainCapitalised(word, lang)))
    || lexicon.keepsAsTyped(lower)) return choice;
  const compound = compoundSpelling(lexiconKey(word, lang), lexicon);
  if (compound === null) return choice;
  const kept = options.compoundFixFactor === 1 ? choice : withFixesScaled(choice, options.compoundFixFactor);
  const spelling = applyCase(word, compound, lang);
  if (compound === lower || options.compoundShare <= 0 || texts.includes(spelling)) return kept;
  return withProposedSpellings(kept, word, Math.log1p(-options.compoundShare),
    [{ text: spelling, logShare: Math.log(options.compoundShare) }]);
}

/**
 * `choice` with the odds of its typo fixes against the word as typed times `factor`: the fixes' share of the prior
 * goes from F to F x factor / (F x factor + 1 - F), each fix keeping its part of it, the input taking the rest.
 */
function withFixesScaled(choice: Pick<PlanWord, 'candidates' | 'source'> | null, factor: number):
  Pick<PlanWord, 'candidates' | 'source'> | null {
  const candidates = choice?.candidates;
  const fixShare = candidates?.filter((c) => c.fix).reduce((sum, c) => sum + Math.exp(c.logPrior), 0) ?? 0;
  if (!candidates || fixShare <= 0 || fixShare >= 1 || !candidates.some((c) => c.input)) return choice;
  const scaled = fixShare * factor / (fixShare * factor + 1 - fixShare);
  const fixLog = Math.log(scaled / fixShare);
  const otherLog = Math.log((1 - scaled) / (1 - fixShare));
  return { ...choice!, candidates: candidates.map((c) => ({ ...c, logPrior: c.logPrior + (c.fix ? fixLog : otherLog) })) };
}

/** A respelling below this share of the word's spellings is left out (it could not beat the prior). */
const ENDING_SPELLING_MIN_SHARE = 0.02;
/** Most respellings kept beside the word as typed. */
const ENDING_SPELLING_MAX = 3;

/**
 * Adds the likeliest respellings of an unknown word's ending (endingSpellings under the letter model of the words as
 * written, `spelled`) to its candidates: "Fiona Parryova" -> "Parryová" (a name the lexicon lacks, inflected the
 * language's way). The word as typed and its respellings share what the input had, in proportion to e^(weight x ln
 * P) each; the class models of the context then weigh the endings in sequence. The context's spelledWeight is 0 in a
 * sentence typed with diacritics, none skipped (latticeContext): its writer's unknown words stay as typed. Words
 * typed with a diacritic, all-capital words and frequent English words get none; nor does a lowercase word with typo
 * fixes: its respelled ending would take the class models' favour from the fix (cs dev "vsnivy" had become "vsnivý"
 * instead of "vášnivý").
 */
function withEndingSpellings(choice: Pick<PlanWord, 'candidates' | 'source'> | null, texts: readonly string[],
  word: string, lexicon: Lexicon, lang: LanguageCode, spelled: { logProb(word: string): number }, weight: number,
  letterCount: number): Pick<PlanWord, 'candidates' | 'source'> | null {
  const letters = [...word];
  if (letters.length < 3 || stripDiacritics(word, lang) !== word || letters.every(isUpper)
    || lexicon.keepsAsTyped(word) || (!isUpper(letters[0]!) && choice?.candidates.some((c) => c.fix))) return choice;
  const spellings = endingSpellings(word, lang, spelled, letterCount);
  const best = spellings[0]!.logProb;
  const odds = spellings.map((s) => Math.exp(weight * (s.logProb - best)));
  const total = odds.reduce((a, b) => a + b, 0);
  const shares = new Map(spellings.map((s, i) => [s.text, odds[i]! / total]));
  const proposed = spellings.filter((s) => s.text !== word && shares.get(s.text)! >= ENDING_SPELLING_MIN_SHARE
    && !texts.includes(s.text)).slice(0, ENDING_SPELLING_MAX);
  if (proposed.length === 0) return choice;
  return withProposedSpellings(choice, word, Math.log(shares.get(word)!),
    proposed.map((s) => ({ text: s.text, logShare: Math.log(shares.get(s.text)!) })));
}

/**
 * The plan of one NFC sentence. With `tagger`, each candidate's prior first gets the diacritics tagger's
 * opinion; with `context`, the priors are then re-scored in context by the word language model.
 */
export function buildPlan(text: string, lang: LanguageCode, lexicon: Lexicon,
  options: PlanOptions = DEFAULT_PLAN_OPTIONS,
  context?: { model: ContextModel; weight: number; suffixWeight?: number; endingWeight?: number;
    spelledWeight?: number },
  tagger?: TaggerPrior): LexiconPlan {
  const cpIndex = tagger ? codePointIndex(text) : null;
  const words: PlanWord[] = [];
  // Every word, for the language model: a word without a choice is a slot of one form.
  const slots: LatticeSlot[] = [];
  const slotWord: Array<PlanWord | null> = [];
  let charAt = 0;
  let byteAt = 0;
  let previous: WordSpan | undefined;
  const code = codeRanges(text, lang);
  for (const span of wordSpans(text)) {
    const suffix = previous !== undefined && NAME_ENDING_LANGUAGES.has(lang) && isNameEnding(text, previous, span);
    previous = span;
    while (code.length > 0 && code[0]![1] <= span.start) code.shift();
    const inCode = code.length > 0 && code[0]![0] <= span.start;
    const forms = suffix || inCode ? [] : lexicon.variants(lexiconKey(span.text, lang));
    // A word of code (codeRanges: Markdown's, a command line), and an unknown word after a number (an ending, a
    // unit), is copied as typed; the LM reads it as it is.
    if (inCode || (span.afterNumber && forms.length === 0)) {
      if (context) {
        slots.push({ forms: [lowerFor(span.text, lang)], logPriors: [0] });
        slotWord.push(null);
      }
      continue;
    }
    // A stretched word ("strrrasne") chooses as its letters with each run cut to one, and the LM reads it so.
    const stretched = forms.length === 0 && !suffix ? stretchedWord(span.text, lang, lexicon) : null;
    // Only a capitalised word that may get typo candidates needs its place in the sentence (typoCase).
    const mayBeTypo = forms.length === 0 || options.realWordTypoRate > 0;
    // typoMinLength 0: an abbreviation gets no typo candidates (isAbbreviation, or a listed one: pl "Sw. Jan" had
    // become "W. Jan").
    const wordOptions = mayBeTypo && (isAbbreviation(text, span.start, span.end)
      || isListedAbbreviation(text, span.start, span.end, lang, lexicon)) ? { ...options, typoMinLength: 0 } : options;
    const abbreviation = suffix ? null : restoredAbbreviation(text, span.start, span.end, lang, lexicon, forms);
    let choice = suffix ? null
      : abbreviation !== null ? { candidates: [{ bytes: utf8Bytes(abbreviation), logPrior: 0, input: false }],
        source: 'lexicon' as const }
      : wordChoice(span.text, lang, lexicon, wordOptions, forms, context?.model.spelling ?? undefined,
        mayBeTypo && options.typoSentenceStart && isUpper(span.text[0]!) && startsSentence(text, span.start), stretched);
    // Each candidate's text, decoded once for the tagger and the language model.
    let texts = choice && (tagger || context) ? choice.candidates.map((c) => decoder.decode(c.bytes)) : [];
    if (choice && tagger && cpIndex) addTaggerPrior(choice.candidates, texts, span.text, cpIndex[span.start]!, tagger);
    // A word the lexicon lacks: the tagger's own spelling of it, then its ending respelled (each where weighted).
    const adopt = (next: typeof choice) => {
      if (next === choice) return;
      choice = next;
      texts = next!.candidates.map((c) => decoder.decode(c.bytes));
    };
    const spelled = context?.model.spelled;
    if (forms.length === 0 && !suffix && abbreviation === null) {
      const atStart = startsSentence(text, span.start);
      if (options.compoundShare > 0 || options.compoundFixFactor !== 1) {
        adopt(withCompoundSpelling(choice, texts, span.text, lexicon, lang, options, atStart));
      }
      if (tagger && cpIndex) {
        adopt(withTaggerSpelling(choice, texts, span.text, lexicon, cpIndex[span.start]!, tagger, lang,
          options.taggerSentenceStart && atStart, { model: spelled, weight: options.taggerSpelledWeight }));
      }
      if (spelled && (context?.spelledWeight ?? 0) > 0) {
        adopt(withEndingSpellings(choice, texts, span.text, lexicon, lang, spelled, context!.spelledWeight!,
          options.endingSpellingLetters));
      }
    }
    if (context) {
      slots.push(choice
        ? { forms: texts.map((t) => lmWord(lowerFor(stretched ? stretched.cut(t) : t, lang), lang)),
          logPriors: choice.candidates.map((c) => c.logPrior) }
        : { forms: [lowerFor(span.text, lang)], logPriors: [0] });
    }
    if (!choice) {
      if (context) slotWord.push(null);
      continue;
    }
    byteAt += utf8Bytes(text.slice(charAt, span.start)).length;
    const start = byteAt;
    byteAt += utf8Bytes(span.text).length;
    charAt = span.end;
    const word: PlanWord = { start, end: byteAt, ...choice };
    words.push(word);
    if (context) slotWord.push(word);
  }
  if (context && words.some((w) => w.candidates.length > 1)) {
    const priors = contextPriors(slots, context.model, context.weight, context.suffixWeight, context.endingWeight);
    priors.forEach((slotPriors, i) => {
      const word = slotWord[i];
      if (word) word.candidates.forEach((c, k) => { c.logPrior = slotPriors[k]!; });
    });
  }
  return { words };
}

/**
 * The sentence with each plan word replaced by its candidate of highest log-prior (the input on ties; priorDecode):
 * decoding without the byte model, for the ablations of the eval (lexicon + prior, + language model).
 */
export function choosePriorBest(text: string, plan: LexiconPlan): string {
  return decoder.decode(outputBytes(priorDecode(utf8Bytes(text), plan).ids)!);
}
