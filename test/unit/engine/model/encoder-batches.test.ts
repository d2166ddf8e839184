import { describe, expect, it } from 'vitest';
import { encoderBatches, padRows, sentenceBlock } from '../../../../electron/engine/model/encoder-batches.ts';

describe('encoder batches', () => {
  it.each<[string, number[], number, number, number[][]]>([
    ['none', [], 100, 4, []],
    ['one', [7], 100, 4, [[0]]],
    ['sorted by length, stable on ties', [5, 3, 5, 2], 100, 4, [[3, 1, 0, 2]]],
    ['at most maxSentences each', [1, 1, 1, 1, 1], 100, 2, [[0, 1], [2, 3], [4]]],
    ['at most maxIds padded ids each', [10, 10, 30, 10], 40, 8, [[0, 1, 3], [2]]],
    ['a sentence longer than maxIds alone', [50, 2], 40, 8, [[1], [0]]],
  ])('%s: lengths %j, %i ids, %i sentences -> %j', (_what, lengths, maxIds, maxSentences, expected) => {
    expect(encoderBatches(lengths, maxIds, maxSentences)).toEqual(expected);
  });

  it('pads rows with 0 to the longest', () => {
    expect(padRows([Int32Array.of(5, 6, 1), Int32Array.of(7, 1)])).toEqual({ data: Int32Array.of(5, 6, 1, 7, 1, 0), width: 3 });
  });

  it('cuts sentence b of a [B, L, H, S, D] output to its own length', () => {
    // B = 2, L = 1, H = 2, S = 3, D = 2: value = b * 100 + h * 10 + s (the same for both d).
    const data = Float32Array.from({ length: 2 * 2 * 3 * 2 }, (_v, i) => {
      const [b, h, s] = [Math.floor(i / 12), Math.floor(i / 6) % 2, Math.floor(i / 2) % 3];
      return b * 100 + h * 10 + s;
    });
    const dims = { layers: 1, heads: 2, width: 3, headDim: 2 };
    expect([...sentenceBlock(data, 1, dims, 2)]).toEqual([100, 100, 101, 101, 110, 110, 111, 111]);
    expect([...sentenceBlock(data, 0, dims, 3)]).toEqual([...data.subarray(0, 12)]);
  });
});
