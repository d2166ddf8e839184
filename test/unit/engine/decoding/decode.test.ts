import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encoderIds, utf8Bytes } from '../../../../electron/engine/text/byte-codec.ts';
import { greedyDecode, speculativeDecode } from '../../../../electron/engine/decoding/decode.ts';
import { FakeModel } from '../support/fake-model.ts';

async function both(source: string, target: string) {
  const src = utf8Bytes(source);
  const ids = encoderIds(src, 'lt');
  const greedyModel = new FakeModel(utf8Bytes(target));
  const specModel = new FakeModel(utf8Bytes(target));
  const greedy = await greedyDecode(greedyModel, ids);
  const spec = await speculativeDecode(specModel, ids, src);
  return { greedy, spec };
}

const text = (ids: number[]) => new TextDecoder().decode(Uint8Array.from(ids.filter((i) => i > 2), (i) => i - 3));

describe('speculative decoding equals greedy decoding (fake model)', () => {
  it.each([
    ['copy', 'Labas rytas, pasauli.', 'Labas rytas, pasauli.', 2],
    ['diacritics', 'Siandien labai grazus oras', 'Šiandien labai gražus oras', 8],
    ['vietnamese', 'Tra loi phong van', 'Trả lời phỏng vấn', 24],
    ['typo: missing letter', 'helo world and more', 'hello world and more', 6],
    ['typo: extra letter', 'helllo world and more', 'hello world and more', 6],
    ['typo: swapped', 'teh world and more', 'the world and more', 8],
    ['empty', '', '', 1],
    ['emoji', 'Zdrowie 👩‍👩‍👧 zolw', 'Zdrowie 👩‍👩‍👧 żółw', 8],
  ])('%s', async (_name, source, target, maxPasses) => {
    const { greedy, spec } = await both(source, target);
    expect(text(spec.ids)).toBe(target);
    expect(spec.ids).toEqual(greedy.ids);
    expect(spec.probs).toEqual(greedy.probs);
    expect(greedy.passes).toBe(utf8Bytes(target).length + 1);
    expect(spec.passes).toBeLessThanOrEqual(maxPasses);
  });

  it('stops at the output limit exactly like greedy when the model never ends', async () => {
    const src = utf8Bytes('abc');
    const target = utf8Bytes('x'.repeat(100));
    const ids = encoderIds(src, 'en');
    const greedy = await greedyDecode(new FakeModel(target), ids);
    const spec = await speculativeDecode(new FakeModel(target), ids, src);
    expect(greedy.ids.length).toBe(2 * ids.length + 16);
    expect(spec.ids).toEqual(greedy.ids);
  });

  it('respects max_positions', async () => {
    const src = utf8Bytes('a'.repeat(50));
    const ids = encoderIds(src, 'en');
    const spec = await speculativeDecode(new FakeModel(utf8Bytes('a'.repeat(60)), 40), ids, src);
    expect(spec.ids.length).toBe(40);
  });

  it('property: identical output for any source and any edited target', async () => {
    const piece = fc.constantFrom('a', 'ą', 'e', 'ė', 's', 'š', ' ', 'ł', 'ő', 'ậ', '😀', '\u0301', 'x', '.', 'ß');
    const textArb = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));
    await fc.assert(fc.asyncProperty(textArb, textArb, fc.integer({ min: 2, max: 9 }), async (source, target, eos) => {
      const src = utf8Bytes(source);
      const ids = encoderIds(src, 'pl');
      const greedy = await greedyDecode(new FakeModel(utf8Bytes(target), 768, eos), ids);
      const spec = await speculativeDecode(new FakeModel(utf8Bytes(target), 768, eos), ids, src,
        { initialDraft: 1 + (eos % 5), minDraft: 1, maxDraft: 64 });
      expect(spec.ids).toEqual(greedy.ids);
      expect(spec.probs).toEqual(greedy.probs);
      expect(spec.passes).toBeLessThanOrEqual(greedy.passes);
    }), { numRuns: 300 });
  });

  it('property: a target that is the source with random edits is decoded identically', async () => {
    const arb = fc.record({
      words: fc.array(fc.stringMatching(/^[a-zščžąęėįųū]{1,8}$/), { minLength: 1, maxLength: 12 }),
      edits: fc.array(fc.tuple(fc.nat(), fc.constantFrom('strip', 'drop', 'dup', 'swap')), { maxLength: 4 }),
    });
    await fc.assert(fc.asyncProperty(arb, async ({ words, edits }) => {
      const target = words.join(' ');
      const chars = [...target];
      for (const [at, kind] of edits) {
        const i = at % chars.length;
        if (kind === 'strip') chars[i] = chars[i]!.normalize('NFD')[0]!;
        if (kind === 'drop') chars.splice(i, 1);
        if (kind === 'dup') chars.splice(i, 0, chars[i]!);
        if (kind === 'swap' && i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
        if (chars.length === 0) chars.push('a');
      }
      const { greedy, spec } = await both(chars.join(''), target);
      expect(spec.ids).toEqual(greedy.ids);
      expect(text(spec.ids)).toBe(target);
    }), { numRuns: 200 });
  });
});
