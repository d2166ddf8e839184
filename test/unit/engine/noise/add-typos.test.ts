import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addTypos, keyboardNeighbours, mulberry32, stripDiacritics } from '../../../../electron/engine/noise/index.ts';
import { LANGUAGES, type LanguageCode } from '../../../../electron/shared/types.ts';

interface NoiseVector {
  input: string;
  lang: LanguageCode;
  seed: number;
  p: number;
  expected_stripped: string;
  expected_typos: string;
  expected_stripped_typos: string;
}

const vectors = JSON.parse(
  readFileSync(new URL('../../../fixtures/noise-vectors.json', import.meta.url), 'utf8'),
) as NoiseVector[];

describe('shared vectors (test/fixtures/noise-vectors.json, written by the Python twin)', () => {
  it('cover every language', () => {
    expect(new Set(vectors.map((v) => v.lang))).toEqual(new Set(LANGUAGES));
  });

  it.each(vectors.map((v) => [v.lang, v.seed, v.p, v.input, v] as const))('%s seed %i p %d: %s', (_l, _s, _p, _i, v) => {
    expect(stripDiacritics(v.input, v.lang)).toBe(v.expected_stripped);
    expect(addTypos(v.input, v.lang, v.p, v.seed)).toBe(v.expected_typos);
    expect(addTypos(v.expected_stripped, v.lang, v.p, v.seed)).toBe(v.expected_stripped_typos);
  });
});

describe('mulberry32', () => {
  // The published JavaScript of mulberry32 (bryc), returning the uint32 before the division by 2^32.
  function reference(a: number): () => number {
    return () => {
      let t = (a += 0x6d2b79f5);
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return (t ^ (t >>> 14)) >>> 0;
    };
  }

  it.each([0, 1, 42, 2 ** 31, 2 ** 32 - 1])('matches the reference for seed %i', (seed) => {
    const ours = mulberry32(seed);
    const ref = reference(seed);
    for (let i = 0; i < 1000; i++) expect(ours()).toBe(ref());
  });

  it('takes the seed mod 2^32 and rejects non-integers', () => {
    expect(mulberry32(-1)()).toBe(mulberry32(2 ** 32 - 1)());
    expect(mulberry32(2 ** 40 + 5)()).toBe(mulberry32(5)());
    expect(() => mulberry32(1.5)).toThrow(RangeError);
  });
});

describe('keyboard neighbours (hand-checked on the layouts)', () => {
  it.each<[LanguageCode, string, string]>([
    ['en', 's', 'adewxz'],
    ['en', 'q', 'aw'],
    ['de', 'z', 'ghtu'], // QWERTZ
    ['de', 'y', 'asx'],
    ['fr', 'a', 'qz'], // AZERTY
    ['fr', 'm', 'lpu'], // ù right of m counts as u
    ['tr', 'i', 'gjkosu'], // Turkish Q: the ı key and the i key
    ['hr', 'l', 'ckop'], // č right of l
    ['is', 'þ', 'æ'],
  ])('%s %s -> %s', (lang, key, expected) => {
    expect(keyboardNeighbours(lang).get(key)?.join('')).toBe(expected);
  });

  it.each(LANGUAGES.map((l) => [l]))('%s: every letter a-z has neighbours', (lang) => {
    for (const key of 'abcdefghijklmnopqrstuvwxyz') expect(keyboardNeighbours(lang).get(key)?.length).toBeGreaterThan(1);
  });
});

describe('addTypos', () => {
  it('a lone letter is deleted, followed by a neighbour, or replaced by one (a swap needs a next letter)', () => {
    const near = keyboardNeighbours('en').get('s')!;
    const allowed = new Set(['', ...near.map((n) => 's' + n), ...near]);
    const seen = new Set<number>();
    for (let seed = 0; seed < 300; seed++) {
      const out = addTypos('s', 'en', 1, seed);
      expect(allowed).toContain(out);
      seen.add(out.length);
    }
    expect([...seen].sort()).toEqual([0, 1, 2]);
    const swaps = new Set(Array.from({ length: 300 }, (_, seed) => addTypos('ab', 'en', 1, seed)));
    expect(swaps).toContain('ba');
  });

  it('keeps case and leaves digits, punctuation, spaces and other scripts alone', () => {
    const out = addTypos('ŠIANDIEN 12, Мир ok!', 'lt', 1, 3);
    expect(out.replace(/\p{L}/gu, '')).toBe(' 12,  !');
    expect(out.split(' ')[0]).toBe(out.split(' ')[0]!.toUpperCase());
    expect(out).toContain('Мир');
  });

  it('rejects a bad p or language', () => {
    for (const p of [-0.1, 1.5, Number.NaN]) expect(() => addTypos('abc', 'en', p, 1)).toThrow(RangeError);
    expect(() => addTypos('abc', 'xx' as LanguageCode, 0.1, 1)).toThrow(RangeError);
  });
});

const text = fc.string({
  unit: fc.constantFrom(...'abcxyzABQ  ,.1ąĄšŠİıșệỮđðßæþ👍\u0301\u0323Мж'.match(/./gu)!),
  maxLength: 40,
});
const lang = fc.constantFrom(...LANGUAGES);
const seed = fc.integer({ min: -(2 ** 31), max: 2 ** 32 });
const p = fc.double({ min: 0, max: 1, noNaN: true });

describe('addTypos: properties', () => {
  it('p = 0 is the identity', () => {
    fc.assert(fc.property(text, lang, seed, (t, l, s) => {
      expect(addTypos(t, l, 0, s)).toBe(t);
    }));
  });

  it('same seed, same output', () => {
    fc.assert(fc.property(text, lang, seed, p, (t, l, s, q) => {
      expect(addTypos(t, l, q, s)).toBe(addTypos(t, l, q, s));
    }));
  });

  it('never touches characters that are not letters', () => {
    fc.assert(fc.property(text, lang, seed, p, (t, l, s, q) => {
      const others = (x: string) => x.replace(/[\p{L}\p{M}]/gu, '');
      expect(others(addTypos(t, l, q, s))).toBe(others(t));
    }));
  });

  it('commutes with stripping on NFC text (noise on stripped text stays stripped)', () => {
    fc.assert(fc.property(text.map((t) => t.normalize('NFC')), lang, seed, p, (t, l, s, q) => {
      expect(stripDiacritics(addTypos(t, l, q, s), l)).toBe(addTypos(stripDiacritics(t, l), l, q, s));
    }));
  });

  it('decomposed input gives the same typos as composed input', () => {
    fc.assert(fc.property(text, lang, seed, p, (t, l, s, q) => {
      const nfc = t.normalize('NFC');
      expect(addTypos(nfc.normalize('NFD'), l, q, s).normalize('NFC')).toBe(addTypos(nfc, l, q, s));
    }));
  });
});
