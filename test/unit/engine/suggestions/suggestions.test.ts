import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../../../electron/engine/text/byte-codec.ts';
import { applySuggestions, buildSuggestions } from '../../../../electron/engine/suggestions/suggestions.ts';
import { diffWords } from '../../../../electron/engine/suggestions/word-diff.ts';

// A minimal stand-in for the noise module's stripDiacritics: the diff only needs "same letters or not".
const strip = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l');

function suggest(input: string, output: string, probs?: number[]) {
  const outputBytes = utf8Bytes(output);
  return buildSuggestions({
    text: input, inputBytes: utf8Bytes(input.normalize('NFC')), outputBytes,
    outputProbs: probs ?? Array.from(outputBytes, () => 0.9),
  }, strip);
}

const brief = (input: string, output: string) =>
  suggest(input, output).map((s) => [s.original, s.replacement, s.kind, s.span.start, s.span.end]);

describe('word diff -> suggestions', () => {
  it.each([
    ['no change', 'Labas rytas', 'Labas rytas', []],
    ['diacritics', 'Siandien labai grazus oras', 'Šiandien labai gražus oras',
      [['Siandien', 'Šiandien', 'diacritics', 0, 8], ['grazus', 'gražus', 'diacritics', 15, 21]]],
    ['spelling', 'helo world', 'hello world', [['helo', 'hello', 'spelling', 0, 4]]],
    // Punctuation typed against a word stays out of its suggestion where both sides keep it; a changed one is in it.
    ['punctuation attached', 'zolw, kot', 'żółw, kot', [['zolw', 'żółw', 'diacritics', 0, 4]]],
    ['punctuation around', '(zolw), „kot"', '(żółw), „kót"', [['zolw', 'żółw', 'diacritics', 1, 5],
      ['kot', 'kót', 'diacritics', 9, 12]]],
    ['punctuation changed', 'zolw. kot', 'żółw, kot', [['zolw.', 'żółw,', 'spelling', 0, 5]]],
    ['an emoji against a word', 'zolw😀', 'żółw😀', [['zolw', 'żółw', 'diacritics', 0, 4]]],
    ['punctuation inside a word is the word\'s', "l'ete.", "l'été.", [["l'ete", "l'été", 'diacritics', 0, 5]]],
    ['whitespace only is never suggested', 'a  b\tc', 'a b c', []],
    ['a split word', 'dobrze sie', 'dobrze się', [['sie', 'się', 'diacritics', 7, 10]]],
    ['a deleted word joins its neighbour', 'the the cat', 'the cat', [['the the', 'the', 'spelling', 0, 7]]],
    ['an inserted word joins its neighbour', 'cat sat', 'cat has sat', [['cat', 'cat has', 'spelling', 0, 3]]],
    ['spans after an emoji are UTF-16', '😀 zolw', '😀 żółw', [['zolw', 'żółw', 'diacritics', 3, 7]]],
    ['CRLF kept outside spans', 'a\r\nzolw', 'a\r\nżółw', [['zolw', 'żółw', 'diacritics', 3, 7]]],
    ['non-NFC input maps by word index', 'cafe\u0301 zolw', 'café żółw', [['zolw', 'żółw', 'diacritics', 6, 10]]],
    ['case change is spelling', 'paris', 'Paris', [['paris', 'Paris', 'spelling', 0, 5]]],
  ])('%s', (_name, input, output, expected) => {
    expect(brief(input, output)).toEqual(expected);
  });

  it('confidence is the lowest probability of the replacement bytes', () => {
    const output = 'ab żółw';
    const probs = Array.from(utf8Bytes(output), (_b, i) => (i === 5 ? 0.4 : 0.95));
    expect(suggest('ab zolw', output, probs)[0]!.confidence).toBeCloseTo(0.4);
  });

  it('property: applying every suggestion gives the output (up to whitespace), and spans hold the originals', () => {
    const word = fc.constantFrom('zolw', 'żółw', 'a', 'ą', 'kot', 'kót', '😀', 'x,', 'ŁÓDŹ', 'lodz');
    const sentence = fc.array(word, { minLength: 1, maxLength: 10 });
    fc.assert(fc.property(sentence, sentence, fc.constantFrom(' ', '  ', ' \t'), (a, b, sep) => {
      const input = a.join(sep);
      const output = b.join(' ');
      const suggestions = suggest(input, output);
      for (const s of suggestions) expect(input.slice(s.span.start, s.span.end)).toBe(s.original);
      const applied = applySuggestions(input, suggestions);
      expect(applied.split(/\s+/)).toEqual(output.split(/\s+/));
    }), { numRuns: 400 });
  });

  it('diffWords reports byte ranges', () => {
    const [change] = diffWords(utf8Bytes('ab zolw'), utf8Bytes('ab żółw'));
    expect(change).toMatchObject({ inStart: 3, inEnd: 7, outStart: 3, outEnd: 10 });
  });
});
