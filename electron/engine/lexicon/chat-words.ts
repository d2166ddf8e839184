/**
 * Chat's acronyms, typed as they are in every language's messages ("btw", "thx", "idk"): no typo of a word of the
 * language. A cut list of English frequencies has almost none of them (../shared/wordfreq/en.tsv: "btw" only), and
 * without a vowel a cheap slip made them rare words: cs "btw" -> "bta", "thx" -> "tux", "sry" -> "hry", en "idk" ->
 * "id", "brb" -> "barb". Only where the language's lexicon lacks the key: cs "lol" stays its word.
 * Three letters or more: a single letter ("u", "k") is a word of many languages, and two are a two-letter word's typo as
 * often (lv and es "np" for "no": news and informal typo'd text lost a word each); and no acronym read as a word
 * ("fomo", "yolo": es "fomo" was a typo of "como").
 */
const CHAT_WORDS: ReadonlySet<string> = new Set([
  'afaik', 'afk', 'asap', 'bff', 'brb', 'btw', 'cya', 'ffs', 'fml', 'ftw', 'fwiw', 'fyi', 'hbd', 'hmu',
  'icymi', 'idc', 'idk', 'iirc', 'ikr', 'ily', 'imho', 'imo', 'irl', 'lmao', 'lmk', 'lol', 'nbd', 'nsfw', 'nvm',
  'ofc', 'omg', 'omw', 'pls', 'plz', 'ppl', 'rofl', 'smh', 'srsly', 'sry', 'stfu', 'tbf', 'tbh', 'thnx', 'thx',
  'tldr', 'tmi', 'tmrw', 'ttyl', 'tyvm', 'wbu', 'wdym', 'wtf', 'wth',
]);

/** Whether `word` (lowercase) is one of chat's acronyms (CHAT_WORDS). */
export function isChatWord(word: string): boolean {
  return CHAT_WORDS.has(word);
}
