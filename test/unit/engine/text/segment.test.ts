import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkSentence, segmentSentences, segmentUnits } from '../../../../electron/engine/text/segment.ts';

const texts = (text: string, ranges: Array<{ start: number; end: number }>) => ranges.map((r) => text.slice(r.start, r.end));

describe('sentence segmentation', () => {
  it.each([
    ['Labas. Kaip sekasi?  Gerai!', ['Labas.', 'Kaip sekasi?', 'Gerai!']],
    ['  leading and trailing  ', ['leading and trailing']],
    ['line one\nline two', ['line one', 'line two']],
    ['a\r\n\r\nb', ['a', 'b']],
    ['', []],
    ['   \n ', []],
    ['Emoji 👩‍👩‍👧 here. Next', ['Emoji 👩‍👩‍👧 here.', 'Next']],
    // An abbreviation's full stop before a number ends no sentence (UAX #29 ends one there unless a lowercase letter
    // comes first); a number's own stop, or a line break, still does.
    ['Podle zakona c. 89/2012 Sb. Dalsi veta.', ['Podle zakona c. 89/2012 Sb.', 'Dalsi veta.']],
    ['Hatarido 2024. marc. 15., illetve apr. 2. es', ['Hatarido 2024. marc. 15., illetve apr. 2. es']],
    ['Bylo to v roce 1990. 5 Cechu prislo.', ['Bylo to v roce 1990.', '5 Cechu prislo.']],
    ['Je to tak.\n5 lidi', ['Je to tak.', '5 lidi']],
    ['podle cl. IV. odst. 2', ['podle cl. IV. odst. 2']],
    ['Cena vc. DPH a dopravy. Dalsi.', ['Cena vc. DPH a dopravy.', 'Dalsi.']],
    // A lone "V" or "I" is mostly a word ("V dalsim"), not a Roman number.
    ['Ano. V dalsim obdobi.', ['Ano.', 'V dalsim obdobi.']],
    // A name's initial ends no sentence before a capital: the name (or the next initial) goes on with it.
    ['Pasak J. Lucenko, tyrime figuruoja K. Gandziuk.', ['Pasak J. Lucenko, tyrime figuruoja K. Gandziuk.']],
    ['Rekl to T. G. Masaryk. Dalsi veta.', ['Rekl to T. G. Masaryk.', 'Dalsi veta.']],
    ['Jde o plan B. Pak odejdeme.', ['Jde o plan B. Pak odejdeme.']], // the rare sentence that ends so is joined
    ['Ten byl AB. Pak odejdeme.', ['Ten byl AB.', 'Pak odejdeme.']],
    ['Bylo to tak. A pak nic.', ['Bylo to tak.', 'A pak nic.']],
  ])('%j', (text, expected) => {
    expect(texts(text, segmentSentences(text))).toEqual(expected);
  });

  it('property: sentences are in order, non-overlapping, trimmed, and only whitespace lies between them', () => {
    const piece = fc.constantFrom('Ab', 'cd', ' ', '. ', '? ', '\n', '\r\n', 'ą', '😀', '\u0301', '  ', 'x.y');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join('')), (text) => {
      let at = 0;
      for (const { start, end } of segmentSentences(text)) {
        expect(start).toBeGreaterThanOrEqual(at);
        expect(text.slice(at, start).trim()).toBe('');
        expect(end).toBeGreaterThan(start);
        expect(text.slice(start, end)).toBe(text.slice(start, end).trim());
        at = end;
      }
      expect(text.slice(at).trim()).toBe('');
    }), { numRuns: 300 });
  });
});

describe('chunking long sentences at spaces', () => {
  it('keeps a short sentence whole', () => {
    expect(chunkSentence('xx abc de', 3, 9, 10)).toEqual([{ start: 3, end: 9, text: 'abc de', tooLong: false }]);
  });

  it('cuts at spaces into pieces of at most maxBytes', () => {
    const text = 'aa bb cc dd ee';
    const units = chunkSentence(text, 0, text.length, 5);
    expect(units.map((u) => u.text)).toEqual(['aa bb', 'cc dd', 'ee']);
    for (const u of units) expect(text.slice(u.start, u.end)).toBe(u.text);
  });

  it('counts bytes, not UTF-16 units', () => {
    expect(chunkSentence('ąą ąą', 0, 5, 8).map((u) => u.text)).toEqual(['ąą', 'ąą']);
  });

  it('marks a word longer than the limit', () => {
    const units = chunkSentence('a ' + 'x'.repeat(20) + ' b', 0, 24, 10);
    expect(units.map((u) => [u.text.length, u.tooLong])).toEqual([[1, false], [20, true], [1, false]]);
  });

  it('property: units cover every word of the text exactly once and fit the limit', () => {
    const word = fc.stringMatching(/^[a-zą😀]{1,12}$/);
    fc.assert(fc.property(fc.array(word, { maxLength: 60 }), fc.integer({ min: 4, max: 40 }), (words, max) => {
      const text = words.join(' ');
      const units = segmentUnits(text, max);
      expect(units.flatMap((u) => u.text.split(' ')).filter(Boolean)).toEqual(words);
      for (const u of units) {
        expect(new TextEncoder().encode(u.text).length > max).toBe(u.tooLong);
        if (u.tooLong) expect(u.text).not.toContain(' ');
      }
    }), { numRuns: 200 });
  });
});

describe('segmentation of long text (windowed)', () => {
  it('gives the same sentences as one Intl.Segmenter pass', () => {
    const pieces = ['Ala ma kota. ', 'Czy to prawda? ', 'Tak!  ', 'Dr. Nowak przyszedł o 5.30 rano. ', 'x '.repeat(300) + '. '];
    const text = Array.from({ length: 400 }, (_v, i) => pieces[(i * 7) % pieces.length]).join('');
    expect(text.length).toBeGreaterThan(20_000);
    const direct = [...new Intl.Segmenter('pl', { granularity: 'sentence' }).segment(text)]
      .map((s) => s.segment.trim()).filter(Boolean);
    expect(texts(text, segmentSentences(text, 'pl'))).toEqual(direct);
  });

  it('cuts a sentence longer than the window at a space, never inside a word', () => {
    const text = 'słowo '.repeat(3000).trim();
    const words = texts(text, segmentSentences(text)).flatMap((s) => s.split(' '));
    expect(words.every((w) => w === 'słowo')).toBe(true);
    expect(words).toHaveLength(3000);
  });
});
