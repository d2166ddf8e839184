import type { LanguageCode } from '../../shared/types.ts';

/**
 * Chat's acronyms, typed as they are in every language's messages ("btw", "thx", "idk"): no typo of a word of the
 * language. A cut list of English frequencies has almost none of them (../shared/wordfreq/en.tsv: "btw" only), and
 * without a vowel a cheap slip made them rare words: cs "btw" -> "bta", "thx" -> "tux", "sry" -> "hry", en "idk" ->
 * "id", "brb" -> "barb". A key the language's lexicon knows keeps its spellings there (cs "lol") and gets no typo fix.
 * Three letters or more: a single letter ("u", "k") is a word of many languages, and two are a two-letter word's typo
 * as often (lv and es "np" for "no": news and informal typo'd text lost a word each); and no acronym read as a word
 * ("fomo", "yolo": es "fomo" was a typo of "como") or a frequent word's slip (cs "tmi" for "tím").
 */
const CHAT_WORDS: ReadonlySet<string> = new Set([
  'afaik', 'afk', 'asap', 'bff', 'brb', 'btw', 'cya', 'ffs', 'fml', 'ftw', 'fwiw', 'fyi', 'hbd', 'hmu',
  'icymi', 'idc', 'idk', 'iirc', 'ikr', 'ily', 'imho', 'imo', 'irl', 'lmao', 'lmk', 'lol', 'nbd', 'nsfw', 'nvm',
  'ofc', 'omg', 'omw', 'pls', 'plz', 'ppl', 'rofl', 'smh', 'srsly', 'sry', 'stfu', 'tbf', 'tbh', 'thnx', 'thx',
  'tldr', 'tmrw', 'ttyl', 'tyvm', 'wbu', 'wdym', 'wtf', 'wth',
]);

/**
 * A language's own chat shorthands (es "xq" por qué, "tb" también; pl "nwm" nie wiem, "wgl" w ogóle; fr "jsp" je
 * sais pas; pt "vc" você): es "xq", "tb", "pq" had become "x", "t", "p" (or "xa", "pa"), pl "nwm" "nam", "wgl"
 * "wgo", "xd" "x". Two letters here where the language's two-letter words are no neighbour-key slip away.
 */
const LANGUAGE_CHAT_WORDS: Readonly<Partial<Record<LanguageCode, ReadonlySet<string>>>> = {
  es: new Set(['xq', 'pq', 'tb', 'tmb', 'xfa', 'tqm', 'dnd']),
  pt: new Set(['vc', 'vcs', 'blz', 'vlw', 'obg', 'msm', 'cmg', 'hj', 'qnd', 'tbm', 'pfv']),
  pl: new Set(['nwm', 'wgl', 'xd', 'spk', 'nmzc', 'wsm', 'jj']),
  fr: new Set(['slt', 'stp', 'jsp', 'mdr', 'ptdr', 'bcp', 'tkt', 'dsl', 'bjr', 'bsr', 'pcq', 'jpp']),
  it: new Set(['cmq', 'tvb', 'qlc', 'qlcs', 'nn', 'xké', 'xche', 'grz']),
  de: new Set(['vllt', 'mfg', 'hdl', 'kp', 'lg']),
  cs: new Set(['mmch', 'jj', 'nn']),
};

/** Whether `word` (lowercase) is one of chat's acronyms (CHAT_WORDS) or of `lang`'s shorthands. */
export function isChatWord(word: string, lang: LanguageCode): boolean {
  return CHAT_WORDS.has(word) || (LANGUAGE_CHAT_WORDS[lang]?.has(word) ?? false);
}
