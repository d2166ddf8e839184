/**
 * Words as the evaluation counts them (DESIGN.md section 5, the ByT5 paper's alpha-word accuracy):
 * a word is a whitespace-separated token, compared whole and case-sensitively, so punctuation attached to a
 * word ("grazus," / "gražus,") is part of it. A token counts only if it contains at least one letter; bare
 * punctuation, numbers and symbols ("—", "1984", "%") are aligned but never scored.
 *
 * Why whole tokens: it is the published definition, stripping diacritics never touches punctuation, and a
 * system that drops or invents a comma next to a word did change what the user wrote.
 */

const WHITESPACE = /\s+/u;
const LETTER = /\p{L}/u;

/** Splits text into whitespace tokens (no empty tokens). */
export function splitWords(text: string): string[] {
  const trimmed = text.trim();
  return trimmed === '' ? [] : trimmed.split(WHITESPACE);
}

/** True when the token contains at least one letter (any script). */
export function isAlphaWord(token: string): boolean {
  return LETTER.test(token);
}
