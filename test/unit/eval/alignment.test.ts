import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignedToGold, alignWords, type AlignedPair } from '../../../electron/eval/alignment.ts';

const w = (text: string): string[] => (text === '' ? [] : text.split(' '));
/** Pairs written as "g:o" (matched or substituted), "g:-" (gold word dropped), "-:o" (output word inserted). */
const show = (pairs: AlignedPair[]): string => pairs.map((p) => `${p.gold ?? '-'}:${p.output ?? '-'}`).join(' ');

/** Textbook Levenshtein distance over words, recursive with memo: an independent oracle. */
function distance(a: string[], b: string[]): number {
  const memo = new Map<string, number>();
  const d = (i: number, j: number): number => {
    if (i === 0) return j;
    if (j === 0) return i;
    const key = `${i},${j}`;
    let value = memo.get(key);
    if (value === undefined) {
      value = Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1));
      memo.set(key, value);
    }
    return value;
  };
  return d(a.length, b.length);
}

const cost = (gold: string[], output: string[], pairs: AlignedPair[]): number =>
  pairs.filter((p) => p.gold === null || p.output === null || gold[p.gold] !== output[p.output]).length;

describe('alignWords: hand-computed examples', () => {
  it.each([
    ['identical', 'a b c', 'a b c', '0:0 1:1 2:2'],
    ['one word changed', 'a b c', 'a x c', '0:0 1:1 2:2'],
    ['output lost a word', 'a b c', 'a c', '0:0 1:- 2:1'],
    ['output added a word', 'a c', 'a b c', '0:0 -:1 1:2'],
    ['all different, same length: substitutions', 'a b', 'x y', '0:0 1:1'],
    ['empty output', 'a b', '', '0:- 1:-'],
    ['empty gold', '', 'a', '-:0'],
    ['both empty', '', '', ''],
    // Ties: the backtrace pairs from the end first, so the unpaired word lands at the front.
    ['word split in two', 'nevím to', 'ne vím to', '-:0 0:1 1:2'],
    ['two words merged', 'ne vím to', 'nevím to', '0:- 1:0 2:1'],
    ['shifted by an extra first word', 'b c d', 'a b c d', '-:0 0:1 1:2 2:3'],
    ['repeated words', 'a a b', 'a b', '0:- 1:0 2:1'],
  ])('%s: [%s] vs [%s] -> %s', (_name, gold, output, expected) => {
    expect(show(alignWords(w(gold), w(output)))).toBe(expected);
  });

  it.each([
    ['Šiandien labai gražus oras', 'Šiandien labai grazus oras', ['Šiandien', 'labai', 'grazus', 'oras']],
    ['a b c', 'a c', ['a', null, 'c']],
    ['a b', 'x a b y', ['a', 'b']],
    ['nevím to', 'ne vím to', ['vím', 'to']],
  ])('alignedToGold(%s, %s)', (gold, output, expected) => {
    expect(alignedToGold(w(gold), w(output))).toEqual(expected);
  });
});

describe('alignWords: properties', () => {
  // Small alphabets make repeated and shared words likely, which is where alignments go wrong.
  const words = fc.array(fc.constantFrom<string>('a', 'b', 'c', 'ą', 'd.', 'Ē'), { maxLength: 12 });

  it('identity aligns every word with itself', () => {
    fc.assert(
      fc.property(words, (gold) => {
        expect(alignWords(gold, gold)).toEqual(gold.map((_, i) => ({ gold: i, output: i })));
      }),
    );
  });

  it('covers each side once, in order (monotonic)', () => {
    fc.assert(
      fc.property(words, words, (gold, output) => {
        const pairs = alignWords(gold, output);
        expect(pairs.flatMap((p) => (p.gold === null ? [] : [p.gold]))).toEqual(gold.map((_, i) => i));
        expect(pairs.flatMap((p) => (p.output === null ? [] : [p.output]))).toEqual(output.map((_, i) => i));
        expect(pairs.every((p) => p.gold !== null || p.output !== null)).toBe(true);
      }),
    );
  });

  it('is a minimum-cost alignment (cost equals the Levenshtein distance)', () => {
    fc.assert(
      fc.property(words, words, (gold, output) => {
        expect(cost(gold, output, alignWords(gold, output))).toBe(distance(gold, output));
      }),
    );
  });

  it('cost is symmetric and bounded by the lengths', () => {
    fc.assert(
      fc.property(words, words, (a, b) => {
        const ab = cost(a, b, alignWords(a, b));
        expect(ab).toBe(cost(b, a, alignWords(b, a)));
        expect(ab).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
        expect(ab).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });

  it('a word inserted into the output never costs a gold word', () => {
    fc.assert(
      fc.property(words, fc.nat(), fc.constantFrom('x', 'a'), (gold, at, extra) => {
        const output: string[] = [...gold];
        output.splice(at % (gold.length + 1), 0, extra);
        expect(alignedToGold(gold, output)).toEqual(gold);
      }),
    );
  });

  it('each output word is aligned to at most one gold word', () => {
    fc.assert(
      fc.property(words, words, (gold, output) => {
        const used = alignWords(gold, output).flatMap((p) => (p.output === null ? [] : [p.output]));
        expect(new Set(used).size).toBe(used.length);
      }),
    );
  });
});
