import { crc32 } from 'node:zlib';
/**
 * The word automaton (electron/engine/lexicon/word-automaton.ts) is the storage of every lexicon: it must give
 * back exactly the forms and counts it was built from, stay minimal, refuse unsorted input and damaged bytes,
 * and answer variants() and near() as their documentation says. near() is checked against a plain
 * dynamic-programming reference of the same keyboard-weighted distance.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AutomatonBuilder, AutomatonFormatError, dequantizeCount, quantizeCount, WordAutomaton }
  from '../../../../electron/engine/lexicon/word-automaton.ts';
import { lexiconKey } from '../../../../electron/engine/lexicon/word-rules.ts';
import { keyboardNeighbours } from '../../../../electron/engine/noise/index.ts';

/** Code-point order (the builder's), which differs from JavaScript's UTF-16 `<` beyond U+FFFF. */
function byCodePoint(a: string, b: string): number {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

function bytesOf(forms: ReadonlyArray<readonly [string, number]>, info?: Record<string, unknown>): Uint8Array {
  const builder = new AutomatonBuilder();
  for (const [form, count] of [...forms].sort(([a], [b]) => byCodePoint(a, b))) builder.add(form, count);
  return builder.finish(info);
}

/** An automaton whose letters strip to keys as in `lang`. */
function automaton(forms: ReadonlyArray<readonly [string, number]>, lang: 'lt' | 'en' = 'lt'): WordAutomaton {
  const a = new WordAutomaton(bytesOf(forms));
  a.setKeys((letter) => lexiconKey(letter, lang));
  return a;
}

/** What a count reads back as (counts are stored as one byte, see quantizeCount). */
const stored = (count: number) => dequantizeCount(quantizeCount(count));

const LT: Array<[string, number]> = [['žmonės', 500], ['žmones', 20], ['zmones', 0], ['žmonėms', 40],
  ['žmonių', 300], ['zmonių', 0], ['žemė', 90], ['labai', 1000], ['laba', 3], ['kuri', 80], ['kurti', 9], ['čia', 900]];

describe('round trip', () => {
  const a = automaton(LT);
  const sorted = [...LT].sort(([x], [y]) => byCodePoint(x, y));

  it('entries() gives back every form, in code-point order, with its stored count', () => {
    expect([...a.entries()]).toEqual(sorted.map(([form, count]) => ({ form, count: stored(count) })));
    expect(a.header).toMatchObject({ words: LT.length, attested: LT.filter(([, c]) => c > 0).length });
  });

  it.each(sorted.map(([form, count], rank) => [form, count, rank] as const))(
    '%j: has, count %d, lexicographic rank %d', (form, count, rank) => {
      expect(a.has(form)).toBe(true);
      expect(a.count(form)).toBe(stored(count));
      expect(a.rank(form)).toBe(rank);
    });

  it.each(['', 'ž', 'žmonė', 'žmonėsx', 'zmonės', 'Žmonės', 'labaii', 'lab', 'q', 'kurt', 'čiaa', 'cia'])(
    'absent %j: not had, count 0, rank -1', (form) => {
      expect(a.has(form)).toBe(false);
      expect(a.count(form)).toBe(0);
      expect(a.rank(form)).toBe(-1);
    });

  it('keeps header info and accepts bytes that do not start on a 4-byte boundary', () => {
    const bytes = bytesOf(LT, { lang: 'lt', note: 'test' });
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const b = new WordAutomaton(shifted.subarray(1));
    expect(b.header.info).toEqual({ lang: 'lt', note: 'test' });
    expect([...b.entries()]).toEqual([...a.entries()]);
  });

  it('an empty word list makes an automaton that accepts nothing', () => {
    const empty = new WordAutomaton(new AutomatonBuilder().finish());
    expect([...empty.entries()]).toEqual([]);
    expect(empty.has('a')).toBe(false);
    expect(empty.header).toMatchObject({ nodes: 1, edges: 0, words: 0 });
  });

  it('orders and finds forms beyond U+FFFF by code point (after U+FB00, unlike UTF-16 order)', () => {
    const forms: Array<[string, number]> = [['a\u{1D49C}', 1], ['a\uFB00', 2], ['a', 3], ['\u{1D49C}', 4]];
    const b = new WordAutomaton(bytesOf(forms));
    expect([...b.entries()].map((e) => e.form)).toEqual(['a', 'a\uFB00', 'a\u{1D49C}', '\u{1D49C}']);
    expect(b.rank('a\u{1D49C}')).toBe(2);
    expect(b.count('\u{1D49C}')).toBe(4);
  });
});

describe('minimality', () => {
  it.each([
    // every string of length 6 over {a, b}: the minimal automaton is a chain of 7 nodes with 2 edges each;
    // a trie would have 127 nodes
    ['all 64 words of length 6 over a, b', Array.from({ length: 64 }, (_v, i) => i.toString(2).padStart(6, '0')
      .replace(/0/g, 'a').replace(/1/g, 'b')), 7, 12],
    // cats, rats share "ats"; dogs shares "s": root, {c,r}->a->t, d->o->g, s, final = 7 nodes (a trie: 13)
    ['cats dogs rats', ['cats', 'dogs', 'rats'], 7, 8],
    // a prefix that is a word: root -a-> final -b-> final'
    ['a ab', ['a', 'ab'], 3, 2],
  ] as const)('%s', (_what, words, nodes, edges) => {
    const a = new WordAutomaton(bytesOf(words.map((w) => [w, 0] as const)));
    expect(a.header.nodes).toBe(nodes);
    expect(a.header.edges).toBe(edges);
    expect([...a.entries()].map((e) => e.form)).toEqual([...words].sort());
  });

  it('suffix-sharing word forms take far fewer nodes than a trie', () => {
    const stems = ['kalb', 'dirb', 'raš', 'skait', 'žaid', 'bėg', 'mąst', 'gyven'];
    const endings = ['ėti', 'u', 'ame', 'ate', 'a', 'au', 'ome', 'ote', 'o', 'siu', 'sime', 'site', 's'];
    const words = stems.flatMap((s) => endings.map((e) => s + e));
    const trieNodes = new Set(words.flatMap((w) => [...w].map((_c, i) => [...w].slice(0, i + 1).join('')))).size + 1;
    const a = new WordAutomaton(bytesOf(words.map((w) => [w, 0] as const)));
    expect(a.header.words).toBe(words.length);
    // the endings' tail is shared by every stem: the automaton is the stems' trie plus one copy of the endings
    expect(a.header.nodes).toBeLessThan(trieNodes / 4);
  });
});

describe('count quantization', () => {
  it.each([[0, 0], [1, 1], [2, 2], [3, 3], [10, 10], [15, 14], [100, 97], [1000, 956], [91000, 92709]])(
    'count %d reads back as %d', (count, back) => {
      expect(dequantizeCount(quantizeCount(count))).toBe(back);
    });

  it('keeps every count within 4.9 % plus the rounding to a whole count, up to the 255th step', () => {
    for (let c = 1; c < 3e10; c = c < 2000 ? c + 1 : Math.ceil(c * 1.003)) {
      const back = dequantizeCount(quantizeCount(c));
      // steps of 10 %: at most half a step (4.88 %) off, and a whole count: 15 -> 14, 39 -> 37
      expect(Math.abs(back - c), `${c} -> ${back}`).toBeLessThanOrEqual(0.0489 * c + 0.5);
      if (c >= 40) expect(Math.abs(back - c) / c, `${c} -> ${back}`).toBeLessThanOrEqual(0.05);
    }
  });

  it.each([0.001, 0.3, 0.5, 0.9, 1e-9])('a positive count under 1 (%d) is stored as a count of 1, not wrapped', (count) => {
    const q = quantizeCount(count);
    expect(q).toBeGreaterThanOrEqual(1);
    expect(q).toBeLessThanOrEqual(255);
    expect(automaton([['aš', count], ['as', 2]]).count('aš')).toBe(1);
  });

  it('saturates at one byte', () => {
    expect(quantizeCount(1e15)).toBe(255);
    expect(dequantizeCount(255)).toBeGreaterThan(3e10);
  });
});

describe('builder input', () => {
  it.each([
    ['descending', ['b', 'a']],
    ['a repeat', ['ab', 'ab']],
    ['a prefix after its extension', ['ab', 'a']],
    ['UTF-16 order instead of code-point order', ['a\u{1D49C}', 'a\uFB00']],
    ['descending later in the list', ['a', 'b', 'c', 'ca', 'bz']],
  ])('%s throws a RangeError', (_what, forms) => {
    const builder = new AutomatonBuilder();
    expect(() => forms.forEach((f) => builder.add(f, 1))).toThrow(RangeError);
  });

  it('an empty form throws', () => {
    expect(() => new AutomatonBuilder().add('', 1)).toThrow(RangeError);
  });
});

describe('variants', () => {
  const a = automaton(LT);

  it.each([
    ['zmones', ['zmones', 'žmones', 'žmonės']],
    ['zmoniu', ['zmonių', 'žmonių']],
    ['zmonems', ['žmonėms']],
    ['zeme', ['žemė']],
    ['cia', ['čia']],
    ['labai', ['labai']],
    // not keys: a letter with a diacritic, capitals, unknown letters, prefixes and extensions of keys
    ['žmones', []],
    ['ZMONES', []],
    ['zmonesß', []],
    ['zmone', []],
    ['zmonesx', []],
    ['', []],
  ])('variants(%j) -> %j (code-point order)', (key, forms) => {
    const got = a.variants(key);
    expect(got.map((f) => f.form)).toEqual(forms);
    for (const f of got) expect(f.count).toBe(a.count(f.form));
  });

  it('stops at the limit', () => {
    expect(a.variants('zmones', 2).map((f) => f.form)).toEqual(['zmones', 'žmones']);
  });

  it('needs setKeys() first', () => {
    expect(() => new WordAutomaton(bytesOf(LT)).variants('zmones')).toThrow(/setKeys/);
  });
});

const EN = keyboardNeighbours('en');

describe('near: keyboard-weighted edits (neighbour key 0.6, other edits 1)', () => {
  const a = automaton([['the', 100], ['cat', 50], ['cart', 5], ['coat', 8], ['at', 70], ['would', 10], ['act', 4],
    ['e', 1], ['qwe', 1], ['cats', 6]], 'en');
  const near = (typed: string, maxCost = 2) => a.near(typed, maxCost, { neighbours: EN })
    .map((f) => [f.form, f.cost]);

  it.each([
    // a transposition of two letters (t-h-e typed t-e-h)
    ['teh', 0.6, 'the', 0.6],
    ['woudl', 0.6, 'would', 0.6],
    // a substitution by a neighbour key (s is next to a) is cheaper than by a far key (p)
    ['cst', 0.6, 'cat', 0.6],
    ['cpt', 1, 'cat', 1],
    // an extra letter: a neighbour of the letter before it (r after t) costs less than another (p after t)
    ['catr', 0.6, 'cat', 0.6],
    ['catp', 1, 'cat', 1],
    // a missing letter
    ['ct', 1, 'cat', 1],
    // extra letters before the word: w is a neighbour of q (typed before it)
    ['qwe', 1.6, 'e', 1.6],
    // two far substitutions; a far one and a neighbour one (r is next to t)
    ['cpx', 2, 'cat', 2],
    ['cpr', 1.6, 'cat', 1.6],
    // a transposition within a bound under 1 (the row between the swapped letters is over it)
    ['atc', 0.6, 'act', 0.6],
  ])('%j within %d reaches %j at cost %d', (typed, maxCost, form, cost) => {
    const found = near(typed, maxCost);
    expect(found).toContainEqual([form, cost]);
    expect(near(typed, cost - 0.1).map(([f]) => f)).not.toContain(form);
  });

  it('orders by cost, then by count; the typed word itself costs 0', () => {
    expect(near('cat', 1)).toEqual([['cat', 0], ['act', 0.6], ['at', 1], ['coat', 1], ['cats', 1], ['cart', 1]]);
  });

  it('stops at limit and after maxVisits nodes', () => {
    expect(a.near('cat', 1, { neighbours: EN }, { limit: 2 }).map((f) => f.form)).toEqual(['cat', 'act']);
    expect(a.near('cat', 1, { neighbours: EN }, { maxVisits: 1 })).toEqual([]);
  });

  it('takes neighbourCost from the options', () => {
    expect(a.near('teh', 2, { neighbours: EN }, { neighbourCost: 0.3 })[0]).toEqual({ form: 'the', count: 97, cost: 0.3 });
  });

  it('diacritics cost nothing: the key is what is compared', () => {
    const lt = automaton(LT);
    expect(lt.near('zmonse', 1, { neighbours: keyboardNeighbours('lt') }).map((f) => [f.form, f.cost])).toEqual([
      ['žmonės', 0.6], ['žmones', 0.6], ['zmones', 0.6]]);
  });

  it('a very long typed word finds nothing rather than wrapping costs around', () => {
    // 3300 letters: 33 000 tenths, past what an Int16 holds
    for (const n of [40, 3300]) expect(near('b'.repeat(n))).toEqual([]);
  });
});

/**
 * The distance near() documents, by the textbook table: D[i][j] between the first i letters of the form and
 * the first j typed letters, with restricted transpositions. Costs in tenths.
 */
function referenceCost(form: string, typed: string, neighbours: ReadonlyMap<string, readonly string[]>, nb = 6): number {
  const f = [...form];
  const t = [...typed];
  const isNb = (a: string | undefined, b: string | undefined) => a !== undefined && b !== undefined
    && (neighbours.get(a) ?? []).includes(b);
  const ins = (j: number) => (j > 1 && isNb(t[j - 2], t[j - 1]) ? nb : 10);
  const d = Array.from({ length: f.length + 1 }, () => new Array<number>(t.length + 1).fill(0));
  for (let j = 1; j <= t.length; j++) d[0]![j] = d[0]![j - 1]! + ins(j);
  for (let i = 1; i <= f.length; i++) {
    d[i]![0] = i * 10;
    for (let j = 1; j <= t.length; j++) {
      const sub = f[i - 1] === t[j - 1] ? 0 : isNb(f[i - 1], t[j - 1]) ? nb : 10;
      let v = Math.min(d[i - 1]![j - 1]! + sub, d[i - 1]![j]! + 10, d[i]![j - 1]! + ins(j));
      if (i > 1 && j > 1 && t[j - 1] === f[i - 2] && t[j - 2] === f[i - 1]) v = Math.min(v, d[i - 2]![j - 2]! + nb);
      d[i]![j] = v;
    }
  }
  return d[f.length]![t.length]!;
}

describe('properties', () => {
  // Letters with close keys (a s w q z e d), far ones (p m), one beyond U+FFFF and diacritic variants.
  const letter = fc.constantFrom('a', 's', 'w', 'q', 'z', 'e', 'd', 'p', 'm', 'ą', 'ę', 'ž');
  const word = fc.array(letter, { minLength: 1, maxLength: 7 }).map((l) => l.join(''));
  const lexicon = fc.uniqueArray(fc.tuple(word, fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1e6 }))),
    { selector: ([w]) => w, maxLength: 60 });

  it('entries, has, count and rank agree with a Map of the input', () => {
    fc.assert(fc.property(lexicon, fc.array(word, { maxLength: 20 }), (forms, probes) => {
      const map = new Map(forms);
      const a = new WordAutomaton(bytesOf(forms));
      const sorted = [...map.keys()].sort(byCodePoint);
      expect([...a.entries()]).toEqual(sorted.map((form) => ({ form, count: stored(map.get(form)!) })));
      for (const w of [...probes, ...sorted]) {
        expect(a.has(w)).toBe(map.has(w));
        expect(a.count(w)).toBe(map.has(w) ? stored(map.get(w)!) : 0);
        expect(a.rank(w)).toBe(sorted.indexOf(w));
      }
      // and the same automaton from the bytes of another build of the same list
      expect(bytesOf(forms)).toEqual(bytesOf([...forms].reverse()));
    }), { numRuns: 300 });
  });

  it('variants(key) is every form with that key; near() is every form within the reference distance', () => {
    const lt = keyboardNeighbours('lt');
    // one form holds every letter, so that every typed letter is one the automaton knows
    fc.assert(fc.property(lexicon, fc.array(fc.constantFrom('a', 's', 'w', 'q', 'z', 'e', 'd', 'p', 'm'),
      { maxLength: 6 }).map((l) => l.join('')), fc.constantFrom(0.6, 1, 1.6, 2), (forms, typed, maxCost) => {
      const all = [...forms.filter(([w]) => w !== 'aswqzedpmąęž'), ['aswqzedpmąęž', 1] as const];
      const a = automaton(all);
      const key = (w: string) => lexiconKey(w, 'lt');
      for (const [form] of all) {
        expect(a.variants(key(form), 1000).map((f) => f.form)).toEqual(
          all.map(([w]) => w).filter((w) => key(w) === key(form)).sort(byCodePoint));
      }
      const got = a.near(typed, maxCost, { neighbours: lt }, { limit: 1000, maxVisits: 1e9 });
      const expected = all.map(([w]) => [w, referenceCost(key(w), typed, lt)] as const)
        .filter(([, c]) => c <= maxCost * 10);
      expect(got.map((f) => [f.form, Math.round(f.cost * 10)]).sort()).toEqual(expected.map(([w, c]) => [w, c]).sort());
      for (let i = 1; i < got.length; i++) {
        expect(got[i]!.cost > got[i - 1]!.cost || (got[i]!.cost === got[i - 1]!.cost && got[i]!.count <= got[i - 1]!.count))
          .toBe(true);
      }
    }), { numRuns: 300 });
  });
});

/** Where the arrays lie in a file (the layout of word-automaton.ts, recomputed here). */
function arraysOf(bytes: Uint8Array) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const json = dv.getUint32(8, true);
  const h = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + json))) as { nodes: number; edges: number };
  const align = (n: number) => (n + 3) & ~3;
  const first = align(16 + json);
  const words = align(first + 4 * (h.nodes + 1));
  const labels = align(words + 4 * h.nodes);
  const target = align(labels + 2 * h.edges);
  return { h, dv, first, words, labels, target, json };
}

describe('damaged bytes', () => {
  const good = bytesOf(LT);
  /** The CRC-32 recomputed, so that the damage reaches the checks behind the checksum. */
  const resealed = (b: Uint8Array) => {
    new DataView(b.buffer, b.byteOffset).setUint32(12, crc32(b.subarray(16)), true);
    return b;
  };
  const damaged = (edit: (bytes: Uint8Array) => Uint8Array | void) => {
    const copy = good.slice();
    return resealed(edit(copy) ?? copy);
  };
  const header = (json: string) => {
    const body = new TextEncoder().encode(json);
    const out = new Uint8Array(16 + body.length + 64);
    out.set(new TextEncoder().encode('OGLX'));
    new DataView(out.buffer).setUint32(4, 2, true);
    new DataView(out.buffer).setUint32(8, body.length, true);
    out.set(body, 16);
    return resealed(out);
  };
  const flipped = (at: (b: Uint8Array) => number) => {
    const copy = good.slice();
    copy[at(copy)]! ^= 0x10;
    return copy;
  };

  it.each([
    ['no bytes', new Uint8Array(0), /bad magic/],
    ['8 bytes', good.subarray(0, 8), /bad magic/],
    ['another magic', damaged((b) => { b[0] = 0x58; }), /bad magic/],
    ['another version', damaged((b) => { new DataView(b.buffer).setUint32(4, 3, true); }), /version 3/],
    ['one bit flipped in the arrays', flipped((b) => b.length - 3), /checksum mismatch/],
    ['one bit flipped in the header', flipped(() => 20), /checksum mismatch/],
    ['a header longer than the file', damaged((b) => { new DataView(b.buffer).setUint32(8, 1e6, true); }),
      /truncated header/],
    ['a header that is not JSON', damaged((b) => { b[16] = 0x7d; }), /corrupt header/],
    ['a header of null', header('null'), /corrupt header/],
    ['a header without an alphabet', header('{"nodes":1,"edges":0,"attested":0,"words":0}'), /corrupt header/],
    ['a header with negative sizes', header('{"alphabet":"a","nodes":1,"edges":-1,"attested":0,"words":0}'),
      /corrupt header/],
    ['arrays cut short by 4 bytes', resealed(good.slice(0, good.length - 4)), /truncated file/],
    ['arrays cut short, checksum kept', good.subarray(0, good.length - 4), /checksum mismatch/],
    ['arrays cut in half', resealed(good.slice(0, good.length >> 1)), /truncated/],
    ['an edge to a node that does not exist', damaged((b) => {
      const { dv, target, h } = arraysOf(b);
      dv.setUint32(target, h.nodes, true);
    }), /corrupt arrays/],
    ['a label outside the alphabet', damaged((b) => {
      const { dv, labels } = arraysOf(b);
      dv.setUint16(labels, 999, true);
    }), /corrupt arrays/],
    ['a word count that disagrees', damaged((b) => {
      const { dv, words, h } = arraysOf(b);
      dv.setUint32(words + 4 * (h.nodes - 1), 5, true);
    }), /sizes disagree/],
    ['an edge count that disagrees', damaged((b) => {
      const { dv, first, h } = arraysOf(b);
      dv.setUint32(first + 4 * h.nodes, h.edges + 1, true);
    }), /sizes disagree/],
  ])('%s: AutomatonFormatError', (_what, bytes, message) => {
    expect(() => new WordAutomaton(bytes)).toThrow(AutomatonFormatError);
    expect(() => new WordAutomaton(bytes)).toThrow(message);
  });
});
