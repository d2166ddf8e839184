/**
 * The names a text repeats. A capitalised word that the lexicon lacks is taken for a typo of a known word where the
 * prior and the language model say so, and a foreign name often is one or two edits from a known word: UD hr had
 * "Sejdiu" -> "Sjedi" six times in one article, "Feronikel" -> "Veronike" three times, et "Obu" -> "Onu" three times.
 * A writer who types a word twice the same way, and capitalised inside a sentence at least once, means it: typos
 * seldom repeat letter for letter, and a sentence's first word says nothing of being a name ("Podemso" twice is a
 * typo). Such a word keeps its letters wherever it is written capitalised (lexicon-plan.ts), in each sentence of the
 * text the engine is given (the Fix All of a document, a clipboard, a piece of `ogonek fix`'s input).
 */
import type { LanguageCode } from '../../shared/types.ts';
import { isUpper, wordSpans } from './lexicon-plan.ts';
import { lowerFor } from './word-rules.ts';

/**
 * What comes before a word inside its sentence: a word, a number, a comma or a semicolon, then spaces, quotes or
 * brackets. Not a full stop (an initial's too), a colon, or only opening marks ("¡¿Qud?!" starts its sentence).
 */
const INSIDE_SENTENCE = /[\p{L}\p{M}\p{N},;][\s\p{Ps}\p{Pi}\p{Pf}"'’]*$/u;

/** How far back INSIDE_SENTENCE looks (a run of quotes and brackets is never longer). */
const LOOK_BACK = 16;

/**
 * The words (lowercase) that occur at least twice in `text`, in any capitalisation, and at least once capitalised
 * inside a sentence.
 */
export function repeatedNames(text: string, lang: LanguageCode): ReadonlySet<string> {
  const counts = new Map<string, number>();
  const named = new Set<string>();
  // Line by line: a line's first word starts a sentence (a heading ends without a full stop).
  for (const line of text.split('\n')) {
    for (const { text: word, start } of wordSpans(line)) {
      const lower = lowerFor(word, lang);
      counts.set(lower, (counts.get(lower) ?? 0) + 1);
      if (isUpper([...word][0]!) && INSIDE_SENTENCE.test(line.slice(Math.max(0, start - LOOK_BACK), start))) {
        named.add(lower);
      }
    }
  }
  return new Set([...named].filter((word) => counts.get(word)! >= 2));
}

/**
 * The names `document` repeats (repeatedNames) among the words that `part`, a piece of it (or all of it), writes
 * capitalised and that `matters` accepts: the only ones that can change how `part` is corrected (the engine passes
 * "the lexicon lacks it"). Read from the document's lines that hold one of those words (a word is on a line only where
 * the lowercase line holds it): the same names as reading the whole document, at a fraction of the cost for a
 * paragraph checked while one types a long document.
 */
export function repeatedNamesOf(part: string, document: string, lang: LanguageCode,
  matters: (word: string) => boolean = () => true): ReadonlySet<string> {
  const wanted = new Set(wordSpans(part).filter(({ text }) => isUpper([...text][0]!))
    .map(({ text }) => lowerFor(text, lang)).filter(matters));
  if (wanted.size === 0) return wanted;
  // Lowercasing keeps every line break, so the lines of both match one to one.
  const lower = lowerFor(document, lang).split('\n');
  const words = [...wanted];
  const lines = document.split('\n').filter((_, i) => words.some((word) => lower[i]!.includes(word)));
  return new Set([...repeatedNames(lines.join('\n'), lang)].filter((word) => wanted.has(word)));
}

/** Those of `names` that occur in `unit`, sorted: what a unit's correction depends on besides its own text. */
export function repeatedNamesIn(unit: string, lang: LanguageCode, names: ReadonlySet<string>): string[] {
  if (names.size === 0) return [];
  return [...new Set(wordSpans(unit).map(({ text }) => lowerFor(text, lang)).filter((w) => names.has(w)))].sort();
}
