/**
 * Shapes an engine result as LanguageTool's /v2/check answer: the field names and types of the real one,
 * offsets in UTF-16 code units (Java's string offsets, which is what the engine reports too).
 */
import type { CorrectionResult, LanguageCode } from '../shared/types.ts';
import { segmentSentences } from '../engine/text/segment.ts';
import { documentSpan } from './annotated-text.ts';
import { LANGUAGE_INFO } from './lt-languages.ts';
import type { CheckRequest } from './lt-request.ts';
import { ruleFor, ruleWanted } from './lt-rules.ts';

/** Characters of context on each side of a match (LanguageTool's default, 40). */
export const CONTEXT_CHARS = 40;

/** What the server says about itself in `software`. */
export interface Software {
  name: string;
  version: string;
  buildDate: string;
  apiVersion: number;
  premium: boolean;
  status: string;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * LanguageTool's `context`: up to CONTEXT_CHARS around [start, end) of `text`, with '...' where it was cut and
 * line breaks shown as spaces (one for one, so offsets hold). A cut never splits a surrogate pair.
 */
export function matchContext(text: string, start: number, end: number): { text: string; offset: number; length: number } {
  let from = Math.max(0, start - CONTEXT_CHARS);
  let to = Math.min(text.length, end + CONTEXT_CHARS);
  if (from > 0 && isLow(text.charCodeAt(from))) from--;
  if (to < text.length && isHigh(text.charCodeAt(to - 1))) to++;
  const head = from > 0 ? '...' : '';
  const body = text.slice(from, to).replace(/[\r\n\u2028\u2029]/g, ' ');
  return { text: `${head}${body}${to < text.length ? '...' : ''}`, offset: head.length + start - from, length: end - start };
}

/** The sentence of `text` around `offset`, with the ranges found once per text. */
function sentenceAt(text: string, sentences: Array<{ start: number; end: number }>, offset: number): string {
  const hit = sentences.find((s) => offset >= s.start && offset < s.end);
  return hit ? text.slice(hit.start, hit.end) : '';
}

/** The language LanguageTool would name: the requested code when one was given, else the detected one. */
function languageName(code: string, language: LanguageCode): { name: string; code: string } {
  return { name: LANGUAGE_INFO[language].name, code: code === 'auto' ? LANGUAGE_INFO[language].longCode : code };
}

/**
 * Share of the text in the result's main language: the detection's confidence for auto (1 for a language the
 * client named, which is not detected).
 */
function confidence(request: CheckRequest, result: CorrectionResult): number {
  if (request.language.language !== null || !result.languages?.length) return 1;
  let total = 0;
  let main = 0;
  for (const part of result.languages) {
    total += part.span.end - part.span.start;
    if (part.language === result.language) main += part.span.end - part.span.start;
  }
  return total === 0 ? 1 : Math.round((main / total) * 1000) / 1000;
}

/** The /v2/check answer for `result` (the engine's result on request.text.plain). */
export function checkResponse(request: CheckRequest, result: CorrectionResult, software: Software): object {
  const plain = request.text.plain;
  const sentences = segmentSentences(plain, result.language);
  const languageAt = (offset: number): LanguageCode =>
    result.languages?.find((part) => offset >= part.span.start && offset < part.span.end)?.language ?? result.language;
  const matches = [];
  for (const suggestion of result.suggestions) {
    const { start, end } = suggestion.span;
    const rule = ruleFor(suggestion.kind, languageAt(start));
    if (!ruleWanted(rule, request)) continue;
    const inDocument = documentSpan(request.text, start, end);
    matches.push({
      message: rule.message,
      shortMessage: rule.shortMessage,
      replacements: [{ value: suggestion.replacement }],
      offset: inDocument.start,
      length: inDocument.end - inDocument.start,
      context: matchContext(plain, start, end),
      sentence: sentenceAt(plain, sentences, start),
      type: { typeName: rule.typeName },
      rule: { id: rule.id, description: rule.description, issueType: rule.issueType, category: rule.category },
      ignoreForIncompleteSentence: false,
      contextForSureMatch: 0,
    });
  }
  const detected = languageName('auto', result.language);
  return {
    software,
    warnings: { incompleteResults: false },
    language: {
      ...languageName(request.language.code, result.language),
      detectedLanguage: { ...detected, confidence: confidence(request, result), source: 'ogonek' },
    },
    matches,
    sentenceRanges: sentences.map((s) => {
      const inDocument = documentSpan(request.text, s.start, s.end);
      return [inDocument.start, inDocument.end - inDocument.start];
    }),
  };
}
