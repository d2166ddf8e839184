/**
 * A minimal acyclic word automaton (DAFSA) with counts: the storage of the complete lexicons
 * (models/lexicon/<lang>.lex.br). Millions of word forms share prefixes and suffixes (Lithuanian: 36 M forms,
 * 606 MB as text), so a minimal automaton keeps them in a few MB of typed arrays that need no parsing.
 *
 * Layout (little-endian, every array 4-byte aligned), all in one buffer:
 *   magic "OGLX" | u32 version | u32 header JSON length | u32 CRC-32 of every byte after it | header JSON | pad
 *   first  u32[nodes + 1]  transitions of node n are [first[n], first[n+1]); bit 31 of first[n] = n is final
 *   words  u32[nodes]      words accepted from node n (a minimal perfect hash: a word's index is its rank)
 *   labels u16[edges]      alphabet index of each transition, ascending within a node
 *   target u32[edges]      node reached
 *   ranks  u32[attested]   ranks of the forms seen in text, ascending
 *   counts u8[attested]    their counts, log-quantized (see quantizeCount)
 * The root is the last node. Forms absent from `ranks` are dictionary-only: count 0. The CRC matters because
 * brotli has none: of 150 single-bit flips in a compressed lexicon, 83 decompressed without an error into other
 * content, which would have been a silent wrong answer.
 */
import { crc32 } from 'node:zlib';


export const AUTOMATON_MAGIC = 'OGLX';
export const AUTOMATON_VERSION = 2;
/** Bytes before the header JSON. */
const PREAMBLE = 16;
const FINAL = 0x80000000;

/** What the header records besides the arrays' lengths. */
export interface AutomatonHeader {
  /** Every code point used by the forms, in label order. */
  alphabet: string;
  nodes: number;
  edges: number;
  attested: number;
  /** Forms accepted. */
  words: number;
  /** Free-form provenance (language, sources, build date), for people. */
  info?: Record<string, unknown>;
}

const COUNT_BASE = Math.log(1.1);

/**
 * A count as one byte: 0 stays 0 (dictionary-only); else 1 + round(log_1.1(count)), within 1..255 (+-4.9 %, plus
 * the rounding of dequantizeCount to a whole count: 15 reads back as 14). A positive count under 1 (a fraction
 * summed by a caller) is stored as 1: below that the byte would wrap to a huge count.
 */
export function quantizeCount(count: number): number {
  if (count <= 0) return 0;
  return Math.max(1, Math.min(255, 1 + Math.round(Math.log(count) / COUNT_BASE)));
}

/** The count a byte stands for (0 for 0). */
export function dequantizeCount(q: number): number {
  return q === 0 ? 0 : Math.round(Math.exp((q - 1) * COUNT_BASE));
}

/**
 * Builds the automaton of `entries`: [form, count] in strictly ascending code-point order (as `LC_ALL=C sort -u`
 * orders UTF-8), count 0 for a form seen in no text. Daciuk et al.'s incremental construction for sorted input:
 * only the path of the last word stays open, and a node is frozen once no later word can reach it, reusing an
 * equal frozen node when one exists, so memory grows with the automaton, not with the word list.
 */
export class AutomatonBuilder {
  private readonly alphabet = new Set<number>(); // code points; transitions carry code points until finish()
  private readonly register = new Map<string, number>();
  private first: number[] = [0];
  private finals: boolean[] = [];
  private words: number[] = [];
  private labels: number[] = [];
  private targets: number[] = [];
  private ranks: number[] = [];
  private counts: number[] = [];
  /** The open path: open[i] is the node after i letters of `last`. */
  private open: Array<{ final: boolean; edges: Array<[number, number]> }> = [{ final: false, edges: [] }];
  private last: number[] = [];
  private added = 0;

  add(form: string, count: number): void {
    const cps = [...form].map((ch) => ch.codePointAt(0)!);
    for (const cp of cps) this.alphabet.add(cp);
    if (cps.length === 0) throw new RangeError('empty form');
    let common = 0;
    while (common < cps.length && common < this.last.length && cps[common] === this.last[common]) common++;
    if (this.added > 0 && (common === cps.length || (common < this.last.length && cps[common]! < this.last[common]!))) {
      throw new RangeError(`forms must be unique and ascending: ${JSON.stringify(form)} after the previous one`);
    }
    this.freezeFrom(common);
    for (let i = common; i < cps.length; i++) this.open.push({ final: false, edges: [] });
    this.open[cps.length]!.final = true;
    if (count > 0) {
      this.ranks.push(this.added);
      this.counts.push(quantizeCount(count));
    }
    this.last = cps;
    this.added++;
  }

  /** Freezes the open nodes deeper than `depth`, attaching each to its parent. */
  private freezeFrom(depth: number): void {
    for (let i = this.open.length - 1; i > depth; i--) {
      const node = this.open.pop()!;
      this.open[i - 1]!.edges.push([this.last[i - 1]!, this.freeze(node)]);
    }
  }

  private freeze(node: { final: boolean; edges: Array<[number, number]> }): number {
    const signature = (node.final ? 'F' : '') + node.edges.map(([l, t]) => `${l}:${t}`).join(',');
    const known = this.register.get(signature);
    if (known !== undefined) return known;
    const id = this.emit(node);
    this.register.set(signature, id);
    return id;
  }

  /** Appends a node's transitions and counts; returns its id. */
  private emit(node: { final: boolean; edges: Array<[number, number]> }): number {
    let words = node.final ? 1 : 0;
    for (const [l, t] of node.edges) {
      this.labels.push(l);
      this.targets.push(t);
      words += this.words[t]!;
    }
    this.first.push(this.labels.length);
    this.finals.push(node.final);
    this.words.push(words);
    return this.finals.length - 1;
  }

  /** The file's bytes. `info` goes into the header. */
  finish(info?: Record<string, unknown>): Uint8Array {
    this.freezeFrom(0);
    // The root is emitted without the register, so that it is the last node even if equal to another.
    this.emit(this.open[0]!);
    // Labels are code points until here; their ranks keep each node's transitions sorted.
    const cps = [...this.alphabet].sort((a, b) => a - b);
    const relabel = new Map(cps.map((cp, i) => [cp, i]));
    const header: AutomatonHeader = {
      alphabet: String.fromCodePoint(...cps), nodes: this.finals.length, edges: this.labels.length,
      attested: this.ranks.length, words: this.added, ...(info ? { info } : {}),
    };
    return encode(header, (arrays) => {
      for (let n = 0; n < header.nodes; n++) arrays.first[n] = this.first[n]! | (this.finals[n] ? FINAL : 0);
      arrays.first[header.nodes] = this.first[header.nodes]!;
      arrays.first.forEach((v, i) => { arrays.first[i] = v >>> 0; });
      arrays.words.set(this.words);
      arrays.labels.set(this.labels.map((l) => relabel.get(l)!));
      arrays.target.set(this.targets);
      arrays.ranks.set(this.ranks);
      arrays.counts.set(this.counts);
    });
  }
}

interface Arrays {
  first: Uint32Array;
  words: Uint32Array;
  labels: Uint16Array;
  target: Uint32Array;
  ranks: Uint32Array;
  counts: Uint8Array;
}

const align4 = (n: number): number => (n + 3) & ~3;

/** Where each array lies in a file with this header and header length. */
function layout(h: AutomatonHeader, headerBytes: number): Array<[keyof Arrays, number, number, number]> {
  const spec: Array<[keyof Arrays, number, number]> = [['first', 4, h.nodes + 1], ['words', 4, h.nodes],
    ['labels', 2, h.edges], ['target', 4, h.edges], ['ranks', 4, h.attested], ['counts', 1, h.attested]];
  let at = align4(PREAMBLE + headerBytes);
  return spec.map(([name, size, length]) => {
    const start = at;
    at = align4(at + size * length);
    return [name, start, length, at];
  });
}

function view(buffer: ArrayBuffer, offset: number, name: keyof Arrays, start: number, length: number) {
  const at = offset + start;
  switch (name) {
    case 'labels': return new Uint16Array(buffer, at, length);
    case 'counts': return new Uint8Array(buffer, at, length);
    default: return new Uint32Array(buffer, at, length);
  }
}

function encode(header: AutomatonHeader, fill: (arrays: Arrays) => void): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(header));
  const parts = layout(header, json.length);
  const bytes = new Uint8Array(parts[parts.length - 1]![3]);
  const dv = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(AUTOMATON_MAGIC), 0);
  dv.setUint32(4, AUTOMATON_VERSION, true);
  dv.setUint32(8, json.length, true);
  bytes.set(json, PREAMBLE);
  const arrays = Object.fromEntries(parts.map(([name, start, length]) => [name, view(bytes.buffer, 0, name, start, length)]));
  fill(arrays as unknown as Arrays);
  dv.setUint32(12, crc32(bytes.subarray(PREAMBLE)), true);
  return bytes;
}

/** A malformed automaton file. */
export class AutomatonFormatError extends Error {
  override name = 'AutomatonFormatError';
}

/** One form with its count (0: known from the dictionary only). */
export interface FormCount {
  form: string;
  count: number;
}

/** Costs of the edits that near() allows; a key letter that is a keyboard neighbour of another costs less. */
export interface EditCosts {
  /** Base letter -> its keyboard neighbours (see keyboardNeighbours). */
  neighbours: ReadonlyMap<string, readonly string[]>;
}

/** A form within reach of a typed word, with the edit cost that reaches it. */
export interface NearForm extends FormCount {
  cost: number;
}

/** The reader: queries walk the typed arrays of the file directly. */
export class WordAutomaton {
  readonly header: AutomatonHeader;
  private readonly first: Uint32Array;
  private readonly wordsBelow: Uint32Array;
  private readonly labels: Uint16Array;
  private readonly target: Uint32Array;
  private readonly ranks: Uint32Array;
  private readonly counts: Uint8Array;
  private readonly chars: string[];
  private readonly labelOf = new Map<number, number>();
  private readonly root: number;
  /** Per label, the key letter it strips to (as a label of keyAlphabet), or -1. */
  private keyLabel: Int32Array | null = null;
  private keyIndex = new Map<string, number>();
  private neighbours: { table: ReadonlyMap<string, readonly string[]>; matrix: Uint8Array } | null = null;

  /** Reads a file's (decompressed) bytes; throws AutomatonFormatError when they are not a valid automaton. */
  constructor(bytes: Uint8Array) {
    if (bytes.length < PREAMBLE || new TextDecoder().decode(bytes.subarray(0, 4)) !== AUTOMATON_MAGIC) {
      throw new AutomatonFormatError('not a lexicon automaton (bad magic)');
    }
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const version = dv.getUint32(4, true);
    if (version !== AUTOMATON_VERSION) throw new AutomatonFormatError(`unsupported lexicon version ${version}`);
    const jsonLength = dv.getUint32(8, true);
    if (PREAMBLE + jsonLength > bytes.length) throw new AutomatonFormatError('truncated header');
    if (crc32(bytes.subarray(PREAMBLE)) !== dv.getUint32(12, true)) {
      throw new AutomatonFormatError('damaged or truncated (checksum mismatch)');
    }
    try {
      this.header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE, PREAMBLE + jsonLength))) as AutomatonHeader;
    } catch {
      throw new AutomatonFormatError('corrupt header');
    }
    const h = this.header;
    // JSON that parses but is no header (null, no alphabet) must fail here, not as a TypeError further down.
    if (typeof h !== 'object' || h === null || typeof h.alphabet !== 'string'
      || ![h.nodes, h.edges, h.attested, h.words].every((n) => Number.isInteger(n) && n >= 0) || h.nodes < 1) {
      throw new AutomatonFormatError('corrupt header');
    }
    const parts = layout(h, jsonLength);
    if (parts[parts.length - 1]![3] > bytes.length) throw new AutomatonFormatError('truncated file');
    // Typed arrays need aligned offsets: copy when the bytes do not start on a 4-byte boundary.
    const base = bytes.byteOffset % 4 === 0 ? bytes : bytes.slice();
    const get = (name: keyof Arrays) => {
      const [, start, length] = parts.find((p) => p[0] === name)!;
      return view(base.buffer as ArrayBuffer, base.byteOffset, name, start, length);
    };
    this.first = get('first') as Uint32Array;
    this.wordsBelow = get('words') as Uint32Array;
    this.labels = get('labels') as Uint16Array;
    this.target = get('target') as Uint32Array;
    this.ranks = get('ranks') as Uint32Array;
    this.counts = get('counts') as Uint8Array;
    this.chars = [...h.alphabet];
    this.chars.forEach((ch, i) => this.labelOf.set(ch.codePointAt(0)!, i));
    this.root = h.nodes - 1;
    this.check();
  }

  /** Cheap consistency checks, so that a damaged file fails at load and not with a wrong answer later. */
  private check(): void {
    const { nodes, edges, words } = this.header;
    if ((this.first[nodes]! & ~FINAL) !== edges || this.wordsBelow[this.root] !== words) {
      throw new AutomatonFormatError('corrupt arrays (sizes disagree)');
    }
    for (let e = 0; e < edges; e += Math.max(1, edges >> 12)) {
      if (this.target[e]! >= nodes || this.labels[e]! >= this.chars.length) throw new AutomatonFormatError('corrupt arrays');
    }
  }

  private start(n: number): number {
    return this.first[n]! & ~FINAL;
  }

  private end(n: number): number {
    return this.first[n + 1]! & ~FINAL;
  }

  private isFinal(n: number): boolean {
    return (this.first[n]! & FINAL) !== 0;
  }

  /** The transition of node n with `label`, by binary search, or -1. */
  private edge(n: number, label: number): number {
    let lo = this.start(n);
    let hi = this.end(n) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const l = this.labels[mid]!;
      if (l === label) return mid;
      if (l < label) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The rank of `form`, or -1 when the lexicon does not accept it. */
  rank(form: string): number {
    let n = this.root;
    let rank = 0;
    for (const ch of form) {
      const label = this.labelOf.get(ch.codePointAt(0)!);
      if (label === undefined) return -1;
      const e = this.edge(n, label);
      if (e < 0) return -1;
      if (this.isFinal(n)) rank++;
      for (let s = this.start(n); s < e; s++) rank += this.wordsBelow[this.target[s]!]!;
      n = this.target[e]!;
    }
    return this.isFinal(n) ? rank : -1;
  }

  /** Whether the lexicon accepts `form` (lowercase, NFC). */
  has(form: string): boolean {
    return this.rank(form) >= 0;
  }

  /** The count of `form`: 0 when it is known from the dictionary only or not known at all. */
  count(form: string): number {
    const rank = this.rank(form);
    return rank < 0 ? 0 : this.countOfRank(rank);
  }

  /** The largest count of any form (0 in a lexicon without counts). */
  maxCount(): number {
    let q = 0;
    for (const c of this.counts) if (c > q) q = c;
    return dequantizeCount(q);
  }

  private countOfRank(rank: number): number {
    let lo = 0;
    let hi = this.ranks.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = this.ranks[mid]!;
      if (r === rank) return dequantizeCount(this.counts[mid]!);
      if (r < rank) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  /**
   * Tells the automaton how letters strip to keys (lexiconKey of one letter); needed by variants() and near().
   * A letter whose key is not exactly one character never matches a key.
   */
  setKeys(keyOf: (letter: string) => string): void {
    this.keyIndex = new Map();
    this.neighbours = null;
    this.keyLabel = new Int32Array(this.chars.length);
    this.chars.forEach((ch, i) => {
      const key = keyOf(ch);
      if ([...key].length !== 1) {
        this.keyLabel![i] = -1;
        return;
      }
      let k = this.keyIndex.get(key);
      if (k === undefined) {
        k = this.keyIndex.size;
        this.keyIndex.set(key, k);
      }
      this.keyLabel![i] = k;
    });
  }

  private keys(): Int32Array {
    if (!this.keyLabel) throw new Error('setKeys() first');
    return this.keyLabel;
  }

  /**
   * Every form whose key is `key` (a lowercase, stripped word), in code-point order, with counts: a walk that
   * follows, at each letter of the key, every transition whose letter strips to it.
   */
  variants(key: string, limit = 64): FormCount[] {
    const keyLabel = this.keys();
    const want: number[] = [];
    for (const ch of key) {
      const k = this.keyIndex.get(ch);
      if (k === undefined) return [];
      want.push(k);
    }
    const out: FormCount[] = [];
    const path: string[] = [];
    const walk = (n: number, depth: number, rank: number): void => {
      if (out.length >= limit) return;
      if (depth === want.length) {
        if (this.isFinal(n)) out.push({ form: path.join(''), count: this.countOfRank(rank) });
        return;
      }
      let r = rank + (this.isFinal(n) ? 1 : 0);
      for (let e = this.start(n), end = this.end(n); e < end; e++) {
        const t = this.target[e]!;
        if (keyLabel[this.labels[e]!] === want[depth]) {
          path.push(this.chars[this.labels[e]!]!);
          walk(t, depth + 1, r);
          path.pop();
        }
        r += this.wordsBelow[t]!;
      }
    };
    walk(this.root, 0, 0);
    return out;
  }

  /** Key letter x key letter -> 1 when they are keyboard neighbours; cached per neighbour table. */
  private neighbourMatrix(neighbours: ReadonlyMap<string, readonly string[]>): Uint8Array {
    if (this.neighbours?.table === neighbours) return this.neighbours.matrix;
    const keyChars = [...this.keyIndex.keys()];
    const size = keyChars.length;
    const matrix = new Uint8Array(size * size);
    keyChars.forEach((a, i) => {
      for (const b of neighbours.get(a) ?? []) {
        const j = this.keyIndex.get(b);
        if (j !== undefined) matrix[i * size + j] = 1;
      }
    });
    this.neighbours = { table: neighbours, matrix };
    return matrix;
  }

  /**
   * Forms whose key is within `maxCost` of `typedKey` (a lowercase, stripped word) by restricted Damerau-Levenshtein
   * distance (insertion, deletion, substitution, transposition of neighbours), found by walking the automaton with
   * one row of the distance table per depth and pruning branches whose row exceeds `maxCost`. A substitution by a
   * keyboard neighbour, an inserted neighbour of the letter before it and a transposition cost `neighbourCost`
   * instead of 1 (the typo model of electron/engine/noise), so likelier typos rank first.
   * Results: cheapest first, then most frequent; at most `limit`; the search stops after `maxVisits` nodes.
   */
  near(typedKey: string, maxCost: number, costs: EditCosts, options: { limit?: number; maxVisits?: number;
    neighbourCost?: number } = {}): NearForm[] {
    const keyLabel = this.keys();
    const limit = options.limit ?? 32;
    const maxVisits = options.maxVisits ?? 100_000;
    // Integer costs in tenths. Int32, not Int16: a typed word of over 3276 letters made Int16 costs wrap to
    // negative values, and every form matched.
    const ONE = 10;
    const nb = Math.round((options.neighbourCost ?? 0.6) * ONE);
    const bound = Math.round(maxCost * ONE);
    const size = this.keyIndex.size;
    const matrix = this.neighbourMatrix(costs.neighbours);
    const typed = Int32Array.from([...typedKey], (ch) => this.keyIndex.get(ch) ?? -1);
    const m = typed.length;
    const width = m + 1;
    const maxDepth = m + Math.floor(bound / Math.min(nb, ONE)) + 1;
    const rows = new Int32Array((maxDepth + 1) * width);
    const insertCost = new Int32Array(width); // cost of the typed letter j-1 as an extra letter
    for (let j = 1; j <= m; j++) {
      insertCost[j] = j > 1 && typed[j - 2]! >= 0 && typed[j - 1]! >= 0 && matrix[typed[j - 2]! * size + typed[j - 1]!]
        ? nb : ONE;
    }
    // Typed letters before any form letter are extra letters too, at the same costs (typed "qwe" for "e": 1 + 0.6).
    for (let j = 1; j <= m; j++) rows[j] = rows[j - 1]! + insertCost[j]!;
    const found: NearForm[] = [];
    const path = new Int32Array(maxDepth); // labels
    const pathK = new Int32Array(maxDepth); // their key letters
    let visits = 0;
    const walk = (n: number, depth: number, rank: number): void => {
      if (++visits > maxVisits) return;
      const row = depth * width;
      if (this.isFinal(n) && rows[row + m]! <= bound) {
        let form = '';
        for (let i = 0; i < depth; i++) form += this.chars[path[i]!]!;
        found.push({ form, count: this.countOfRank(rank), cost: rows[row + m]! / ONE });
      }
      if (depth + 1 >= maxDepth) return;
      let r = rank + (this.isFinal(n) ? 1 : 0);
      const next = row + width;
      for (let e = this.start(n), end = this.end(n); e < end; e++) {
        const t = this.target[e]!;
        const label = this.labels[e]!;
        const k = keyLabel[label]!;
        if (k >= 0) {
          rows[next] = rows[row]! + ONE;
          let best = rows[next]!;
          // A transposition reaches the row after next from this row: a child whose own row is over the bound
          // is still walked when its letter can be the second of a swapped pair within the bound ("teh", "the").
          let swap = false;
          for (let j = 1; j <= m; j++) {
            const tj = typed[j - 1]!;
            const sub = tj === k ? 0 : tj >= 0 && matrix[k * size + tj] ? nb : ONE;
            let v = rows[row + j - 1]! + sub;
            const del = rows[row + j]! + ONE; // a letter missing from the typed word
            if (del < v) v = del;
            const ins = rows[next + j - 1]! + insertCost[j]!;
            if (ins < v) v = ins;
            if (j > 1 && depth > 0 && tj === pathK[depth - 1] && typed[j - 2] === k) {
              const tr = rows[row - width + j - 2]! + nb;
              if (tr < v) v = tr;
            }
            if (j > 1 && tj === k && rows[row + j - 2]! + nb <= bound) swap = true;
            rows[next + j] = v;
            if (v < best) best = v;
          }
          if (best <= bound || swap) {
            path[depth] = label;
            pathK[depth] = k;
            walk(t, depth + 1, r);
          }
        }
        r += this.wordsBelow[t]!;
      }
    };
    walk(this.root, 0, 0);
    found.sort((a, b) => a.cost - b.cost || b.count - a.count || (a.form < b.form ? -1 : 1));
    return found.slice(0, limit);
  }

  /** Every form with its count, in code-point order (for tests and tools; slow on big lexicons). */
  *entries(): IterableIterator<FormCount> {
    const path: string[] = [];
    let rank = 0;
    const self = this;
    function* walk(n: number): IterableIterator<FormCount> {
      if (self.isFinal(n)) yield { form: path.join(''), count: self.countOfRank(rank++) };
      for (let e = self.start(n), end = self.end(n); e < end; e++) {
        path.push(self.chars[self.labels[e]!]!);
        yield* walk(self.target[e]!);
        path.pop();
      }
    }
    yield* walk(this.root);
  }
}
