/**
 * Words typed without their apostrophe: fr "jai", "cest", "daccord", "davance", it "lamico", "dellacqua", en "dont",
 * "im", "youre". The engine's words are letter runs, so the lexicon knows such a key only where informal text wrote
 * it so (fr "jai" 55, "cest" 55 against "ai" 92,709, "est" 352,063), and a typo fix took the elided letter away: fr
 * "Jai pas le temps, cest trop tard. Daccord" had become "Ai pas le temps, est trop tard. Accord", "quil" "qui",
 * "jespere" "espère", "Merci davance" "Merci avance", it "Lamico" "Amico", en "Im sure youre right, thats fine" "In
 * sure your right, that fine", "Ive" "Ve". This gives such a word its spelling with the apostrophe back.
 */
import type { LanguageCode } from '../../shared/types.ts';
import type { Lexicon } from './lexicon.ts';
import { stripDiacritics } from '../noise/index.ts';
import { lexiconKey } from './word-rules.ts';

const VOWEL_OR_H = /^[aeiouyhàâäéèêëîïôöûùüœæ]/u;
const APOSTROPHE = /['’]/u;

/**
 * English contractions whose letters are no English word ("dont", not "wont", "ill", "its", "lets", "were", "well"),
 * and how they are written. wordfreq folds each into its letters (../shared/wordfreq/en.tsv: "dont" 9,523, "im" 6,553).
 */
const CONTRACTIONS: ReadonlyMap<string, string> = new Map(Object.entries({
  dont: "don't", didnt: "didn't", doesnt: "doesn't", isnt: "isn't", arent: "aren't", wasnt: "wasn't",
  werent: "weren't", havent: "haven't", hasnt: "hasn't", hadnt: "hadn't", wouldnt: "wouldn't", couldnt: "couldn't",
  shouldnt: "shouldn't", mustnt: "mustn't", cant: "can't", aint: "ain't", im: "I'm", ive: "I've", youre: "you're",
  youve: "you've", youll: "you'll", theyre: "they're", theyve: "they've", theyll: "they'll", weve: "we've",
  thats: "that's", whats: "what's", theres: "there's", heres: "here's", whos: "who's", wheres: "where's",
  shes: "she's", itll: "it'll",
}));

/**
 * A French or Italian elided spelling's weight, per count of the word after it times its share after the elided word
 * (elisions.json), for a key the lexicon knows as typed: fr "jai" (55) against "ai" (92,709 x 0.61 x 3e-3), "cest"
 * against "est" (352,063 x 0.31), "lhomme" (8) against "homme" (15,159 x 0.29).
 */
export const ELISION_RATE = 3e-3;
/**
 * Above this count a key is a word of its own, never an elision's letters: fr "test" (790; "t'est"), "lune" ("l'une"),
 * "dont" ("d'ont"), it "lago" ("l'ago").
 */
export const ELISION_MAX_COUNT = 100;
/** The elided word's spellings kept: the likeliest of the word after it ("j'espère", "j'espéré"). */
const MAX_FORMS = 3;

/**
 * The spellings of `word` (lowercase, a letter run) as an elided word and a known word that starts with a vowel or h
 * (the lexicon's elisions: French and Italian), each attested spelling of the latter that our text writes after that
 * elided word ("jespere" -> "j'espère", "j'espéré"; never "set" -> "s'et"), with its count times that share, and the
 * word after the elided one as it is spelled there.
 */
export function elidedForms(word: string, lang: LanguageCode, lexicon: Lexicon):
  Array<{ form: string; count: number; rest: string }> {
  // The longest elided word first (Elisions): it "dell'acqua", not "d'ellacqua".
  for (const [head, after] of lexicon.elisions) {
    const rest = word.slice(head.length);
    if (!word.startsWith(head) || rest.length === 0 || !VOWEL_OR_H.test(rest)) continue;
    // A word typed with diacritics keeps them ("jespère" is "j'espère", never "j'espéré").
    const typed = stripDiacritics(rest, lang) !== rest;
    const forms = lexicon.variants(lexiconKey(rest, lang))
      .filter((f) => f.count > 0 && (after.get(f.form) ?? 0) > 0 && (!typed || f.form === rest))
      .slice(0, MAX_FORMS)
      .map((f) => ({ form: `${head}'${f.form}`, count: f.count * after.get(f.form)!, rest: f.form }));
    if (forms.length > 0) return forms;
  }
  return [];
}

/** English: the contraction whose letters `word` (lowercase) is, typed without its apostrophe ("dont" -> "don't"). */
export function contraction(word: string, lang: LanguageCode): string | undefined {
  return lang === 'en' ? CONTRACTIONS.get(word) : undefined;
}

/**
 * The word the language model reads for a spelling with an apostrophe: its words are letter runs, "j'ai" two of
 * them. The word after an elided one (fr "j'ai" -> "ai"), the one before a contraction's ending (en "don't" ->
 * "don"), which carry its context: read as its letters ("jai"), the typo fix "ai" took the LM's weight.
 */
export function lmWord(form: string, lang: LanguageCode): string {
  if (!APOSTROPHE.test(form)) return form; // nearly every candidate: no array made for it
  const parts = form.split(APOSTROPHE);
  return lang === 'en' ? parts[0]! : parts[parts.length - 1]!;
}
