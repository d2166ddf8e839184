/**
 * LanguageTool's answer shape (electron/server/lt-response.ts, lt-rules.ts): context windows in UTF-16 code
 * units that never split a surrogate pair, rule ids per kind and language, and the rule filters.
 */
import { describe, expect, it } from 'vitest';
import type { CorrectionResult } from '../../../electron/shared/types.ts';
import { checkResponse, CONTEXT_CHARS, matchContext } from '../../../electron/server/lt-response.ts';
import { parseCheckRequest } from '../../../electron/server/lt-request.ts';
import { ruleFor, ruleWanted } from '../../../electron/server/lt-rules.ts';

const software = { name: 'Ogonek', version: 'test', buildDate: '', apiVersion: 1, premium: false, status: '' };

describe('matchContext', () => {
  const long = `${'x'.repeat(50)}😀 cia ${'y'.repeat(50)}`;
  it.each([
    ['a short text is whole', 'as ir cia', 6, 9, { text: 'as ir cia', offset: 6, length: 3 }],
    ['line breaks read as spaces, one for one', 'a\nb\r\ncia', 5, 8, { text: 'a b  cia', offset: 5, length: 3 }],
    ['an emoji before counts two units', '😀 cia', 3, 6, { text: '😀 cia', offset: 3, length: 3 }],
    ['combining marks count one unit each', 'c\u030ce\u0301 cia', 5, 8, { text: 'c\u030ce\u0301 cia', offset: 5, length: 3 }],
    [
      'a long text is cut to 40 each side, with ... and the pair kept whole',
      long,
      53,
      56,
      // 53 - 40 = 13 starts inside nothing special; the right cut at 96 is plain ASCII.
      { text: `...${long.slice(13, 96)}...`, offset: 3 + 40, length: 3 },
    ],
  ])('%s', (_, text, start, end, expected) => {
    expect(matchContext(text, start, end)).toEqual(expected);
  });

  it('moves a cut that would fall between the halves of an emoji outside the pair', () => {
    // The emoji's low half sits exactly CONTEXT_CHARS before the match.
    const text = `ab😀${'z'.repeat(CONTEXT_CHARS - 2)} cia`;
    const start = text.length - 3;
    const context = matchContext(text, start, start + 3);
    expect(context.text.startsWith('...😀')).toBe(true);
    expect(context.text.slice(context.offset, context.offset + context.length)).toBe('cia');
  });
});

describe('rules', () => {
  it.each([
    ['diacritics', 'lt', 'OGONEK_DIACRITICS_LT', 'DIACRITICS', 'Other'],
    ['spelling', 'lt', 'OGONEK_SPELLING_LT', 'TYPOS', 'UnknownWord'],
    ['diacritics', 'de', 'OGONEK_DIACRITICS_DE', 'DIACRITICS', 'Other'],
  ] as const)('%s in %s -> %s in category %s, type %s', (kind, language, id, category, typeName) => {
    const rule = ruleFor(kind, language);
    expect([rule.id, rule.category.id, rule.typeName, rule.issueType]).toEqual([id, category, typeName, 'misspelling']);
  });

  const none = new Set<string>();
  const lt = ruleFor('diacritics', 'lt');
  it.each([
    ['no filters', { enabledOnly: false, enabledRules: none, disabledRules: none, enabledCategories: none, disabledCategories: none }, true],
    ['its id disabled', { enabledOnly: false, enabledRules: none, disabledRules: new Set(['OGONEK_DIACRITICS_LT']), enabledCategories: none, disabledCategories: none }, false],
    ['its category disabled', { enabledOnly: false, enabledRules: none, disabledRules: none, enabledCategories: none, disabledCategories: new Set(['DIACRITICS']) }, false],
    ['another language disabled', { enabledOnly: false, enabledRules: none, disabledRules: new Set(['OGONEK_DIACRITICS_PL']), enabledCategories: none, disabledCategories: none }, true],
    ['enabledOnly with its id', { enabledOnly: true, enabledRules: new Set(['OGONEK_DIACRITICS_LT']), disabledRules: none, enabledCategories: none, disabledCategories: none }, true],
    ['enabledOnly with another category', { enabledOnly: true, enabledRules: none, disabledRules: none, enabledCategories: new Set(['TYPOS']), disabledCategories: none }, false],
  ])('%s -> %s', (_, filters, wanted) => {
    expect(ruleWanted(lt, filters)).toBe(wanted);
  });
});

describe('checkResponse', () => {
  const result: CorrectionResult = {
    text: 'Žmonės 😀 šaukė',
    language: 'lt',
    elapsedMs: 1,
    suggestions: [
      { span: { start: 0, end: 6 }, original: 'Zmones', replacement: 'Žmonės', kind: 'diacritics', source: 'lexicon', confidence: 0.9 },
      { span: { start: 10, end: 15 }, original: 'saukw', replacement: 'šaukė', kind: 'spelling', source: 'typo', confidence: 0.6 },
    ],
  };

  it('gives LanguageTool fields for each suggestion, offsets in UTF-16 units after the emoji', () => {
    const request = parseCheckRequest(new URLSearchParams({ text: 'Zmones 😀 saukw', language: 'lt-LT' }));
    const answer = checkResponse(request, result, software) as { language: unknown; matches: Array<Record<string, unknown>> };
    expect(answer.language).toEqual({
      name: 'Lithuanian', code: 'lt-LT',
      detectedLanguage: { name: 'Lithuanian', code: 'lt-LT', confidence: 1, source: 'ogonek' },
    });
    expect(answer.matches.map((m) => [m.offset, m.length, (m.rule as { id: string }).id, m.replacements])).toEqual([
      [0, 6, 'OGONEK_DIACRITICS_LT', [{ value: 'Žmonės' }]],
      [10, 5, 'OGONEK_SPELLING_LT', [{ value: 'šaukė' }]],
    ]);
  });

  it('drops matches of disabled rules', () => {
    const request = parseCheckRequest(new URLSearchParams({ text: 'Zmones 😀 saukw', language: 'lt', disabledCategories: 'TYPOS' }));
    const answer = checkResponse(request, result, software) as { matches: unknown[] };
    expect(answer.matches).toHaveLength(1);
  });
});
