/**
 * /v2/check parameters (electron/server/lt-request.ts, lt-languages.ts, annotated-text.ts): what LanguageTool
 * clients send -> what the engine gets, or the 400 message in LanguageTool's wording.
 */
import { describe, expect, it } from 'vitest';
import { documentSpan, parseAnnotatedText } from '../../../electron/server/annotated-text.ts';
import { languageList, parseLanguageCode } from '../../../electron/server/lt-languages.ts';
import { BadRequestError, parseCheckRequest } from '../../../electron/server/lt-request.ts';

const parse = (query: string) => parseCheckRequest(new URLSearchParams(query));

describe('language codes', () => {
  it.each([
    ['lt', 'lt', 'lt'],
    ['LT', 'lt', 'LT'],
    ['de-DE', 'de', 'de-DE'],
    ['pt-BR', 'pt', 'pt-BR'],
    ['en_GB', 'en', 'en_GB'],
    ['de-DE-x-simple-language', 'de', 'de-DE-x-simple-language'],
    ['auto', null, 'auto'],
    [' Auto ', null, 'auto'],
  ])('%s -> model language %s, echoed as %s', (raw, language, code) => {
    expect(parseLanguageCode(raw)).toEqual({ language, code });
  });

  it.each(['ru', 'zz-ZZ', 'english', '', 'de DE', 'x'])('%s is not a language the model knows', (raw) => {
    expect(parseLanguageCode(raw)).toBeNull();
  });

  it('lists each of the 20 languages by short and long code, as /v2/languages', () => {
    const list = languageList();
    expect(list).toHaveLength(40);
    expect(list).toContainEqual({ name: 'Lithuanian', code: 'lt', longCode: 'lt-LT' });
    expect(list).toContainEqual({ name: 'German', code: 'de', longCode: 'de' });
  });
});

describe('parseCheckRequest', () => {
  it.each([
    ['language=lt', "Missing 'text' or 'data' parameter"],
    ['text=abc', "Missing 'language' parameter. Use 'language=auto' to detect the language of the text"],
    ['text=abc&language=', "Missing 'language' parameter. Use 'language=auto' to detect the language of the text"],
    ['text=abc&language=ru', "'ru' is not a language code known to Ogonek. Supported language codes are: auto, lt, lv, cs, sk, pl, hr, ro, hu, fr, es, ga, tr, vi, de, pt, it, sl, et, is, en (with any region, e.g. de-DE)"],
    ['text=abc&data=%7B%7D&language=lt', "Set only 'text' or 'data', not both"],
    ['text=abc&language=lt&enabledOnly=true', 'You need to specify enabled rules or categories when using enabledOnly=true'],
    ['text=abc&language=lt&enabledOnly=yes', "'enabledOnly' must be true or false (got 'yes')"],
    ['data=not-json&language=lt', "Could not parse JSON from 'data' parameter"],
    ['data=%7B%7D&language=lt', "'data' parameter must be a JSON object with an 'annotation' array"],
    ['data=%7B%22annotation%22%3A%5B%7B%22x%22%3A1%7D%5D%7D&language=lt', "Each item of the 'annotation' array needs either 'text' or 'markup' (a string)"],
  ])('%s -> 400 %s', (query, message) => {
    expect(() => parse(query)).toThrow(new BadRequestError(message));
  });

  it('reads text, language and the four rule lists; other LT parameters are accepted and ignored', () => {
    const request = parse(
      'text=Zmones&language=lt-LT&motherTongue=en&level=picky&disabledRules=OGONEK_SPELLING_LT,%20X&disabledCategories=TYPOS&enabledRules=A&enabledCategories=B&textSessionId=1',
    );
    expect(request.text).toEqual({ plain: 'Zmones', toDocument: null });
    expect(request.language).toEqual({ language: 'lt', code: 'lt-LT' });
    expect(request.enabledOnly).toBe(false);
    expect([...request.disabledRules]).toEqual(['OGONEK_SPELLING_LT', 'X']);
    expect([...request.disabledCategories]).toEqual(['TYPOS']);
    expect([...request.enabledRules]).toEqual(['A']);
    expect([...request.enabledCategories]).toEqual(['B']);
  });
});

describe('annotated text (data)', () => {
  // Document: "<p>Zmones **cia**</p>" ; plain: "\n\nZmones cia"
  const data = JSON.stringify({
    annotation: [
      { markup: '<p>', interpretAs: '\n\n' },
      { text: 'Zmones ' },
      { markup: '**' },
      { text: 'cia' },
      { markup: '**' },
      { markup: '</p>' },
    ],
  });
  const annotated = parseAnnotatedText(data);

  it('checks the text parts with markup read as its interpretAs', () => {
    expect(annotated.plain).toBe('\n\nZmones cia');
  });

  it.each([
    [0, 1, 0, 3, 'a stand-in character covers its markup <p>'],
    [0, 2, 0, 3, 'so does the whole stand-in'],
    [2, 8, 3, 9, '"Zmones" is after <p>'],
    [9, 12, 12, 15, '"cia" is between the ** pairs, though it ends the plain text'],
    [2, 12, 3, 15, 'a range over the inner ** keeps it'],
    [12, 12, 21, 21, 'the empty range at the end is the end of the document'],
  ])('plain [%i, %i) -> document [%i, %i) (%s)', (start, end, docStart, docEnd) => {
    expect(documentSpan(annotated, start, end)).toEqual({ start: docStart, end: docEnd });
  });

  it('rejects a non-string interpretAs', () => {
    expect(() => parseAnnotatedText('{"annotation":[{"markup":"<br>","interpretAs":1}]}')).toThrow("'interpretAs' must be a string");
  });
});
