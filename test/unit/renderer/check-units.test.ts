import { Text } from '@codemirror/state';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_UNIT, allUnits, mergeRanges, paragraphAt, unitsFor, type Range } from '../../../renderer/src/lib/editor/check-units.ts';

const doc = (text: string) => Text.of(text.split('\n'));
const slices = (text: string, ranges: Range[]) => ranges.map((r) => text.slice(r.from, r.to));

describe('what gets re-checked after an edit', () => {
  const text = 'Pirma pastraipa.\nTa pati pastraipa.\n\nAntra pastraipa.\n\n\nTrečia.';

  it.each([
    [0, 'Pirma pastraipa.\nTa pati pastraipa.'],
    [20, 'Pirma pastraipa.\nTa pati pastraipa.'],
    [40, 'Antra pastraipa.'],
    [text.length, 'Trečia.'],
  ])('an edit at %i re-checks its paragraph: %j', (pos, expected) => {
    expect(slices(text, unitsFor(doc(text), [{ from: pos, to: pos }]))).toEqual([expected]);
  });

  it('an edit on a blank line checks nothing', () => {
    expect(unitsFor(doc(text), [{ from: 36, to: 36 }])).toEqual([]);
  });

  it('a range spanning paragraphs checks each of them once', () => {
    expect(slices(text, unitsFor(doc(text), [{ from: 5, to: 45 }, { from: 1, to: 2 }]))).toEqual([
      'Pirma pastraipa.\nTa pati pastraipa.', 'Antra pastraipa.',
    ]);
  });

  it('opening a file checks every paragraph', () => {
    expect(slices(text, allUnits(doc(text)))).toEqual(['Pirma pastraipa.\nTa pati pastraipa.', 'Antra pastraipa.', 'Trečia.']);
  });

  it('a paragraph is found around any position', () => {
    expect(paragraphAt(doc('a\nb\n\nc'), 2)).toEqual({ from: 0, to: 3 });
  });

  it('merges overlapping and touching ranges', () => {
    expect(mergeRanges([{ from: 5, to: 9 }, { from: 0, to: 2 }, { from: 2, to: 4 }, { from: 8, to: 12 }])).toEqual([
      { from: 0, to: 4 }, { from: 5, to: 12 },
    ]);
  });
});

describe('long paragraphs are narrowed', () => {
  const sentence = 'Tai yra gana ilgas sakinys apie orą. ';
  const long = sentence.repeat(Math.ceil((MAX_UNIT * 3) / sentence.length)).trim();

  it('to sentences around the edit, never cutting a word', () => {
    const pos = Math.floor(long.length / 2);
    const [unit] = unitsFor(doc(long), [{ from: pos, to: pos + 1 }]);
    expect(unit!.to - unit!.from).toBeLessThanOrEqual(MAX_UNIT + sentence.length);
    expect(unit!.from).toBeLessThanOrEqual(pos);
    expect(unit!.to).toBeGreaterThan(pos);
    expect(long.slice(unit!.from, unit!.to)).toMatch(/^Tai yra .*orą\.\s?$/);
  });

  it('to the edited lines of a long hard-wrapped paragraph', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Eilutė numeris ${i} be tuščių tarpų`);
    const text = lines.join('\n');
    const pos = text.indexOf('numeris 100');
    expect(slices(text, unitsFor(doc(text), [{ from: pos, to: pos }]))).toEqual(['Eilutė numeris 100 be tuščių tarpų']);
  });

  it('property: units cover every edit, stay inside the document and never overlap', () => {
    const piece = fc.constantFrom('žodis', ' ', '. ', '\n', '\n\n', 'ą', 'x'.repeat(700), 'Labas rytas. ');
    fc.assert(fc.property(
      fc.array(piece, { maxLength: 60 }).map((p) => p.join('')),
      fc.array(fc.tuple(fc.nat(), fc.nat(50)), { minLength: 1, maxLength: 4 }),
      (text, edits) => {
        const d = doc(text);
        const dirty = edits.map(([at, len]) => ({ from: Math.min(at % (text.length + 1), text.length), to: Math.min((at % (text.length + 1)) + len, text.length) }));
        const units = unitsFor(d, dirty);
        for (const [i, unit] of units.entries()) {
          expect(unit.from).toBeGreaterThanOrEqual(0);
          expect(unit.to).toBeLessThanOrEqual(text.length);
          if (i > 0) expect(unit.from).toBeGreaterThan(units[i - 1]!.to);
        }
        // Every non-blank edited character is inside some unit.
        for (const range of dirty) {
          for (let pos = range.from; pos < range.to; pos++) {
            if (/\s/.test(text[pos]!)) continue;
            expect(units.some((u) => u.from <= pos && pos < u.to)).toBe(true);
          }
        }
      },
    ), { numRuns: 200 });
  });
});
