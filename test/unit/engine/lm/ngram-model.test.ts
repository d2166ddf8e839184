/**
 * The word language model reader (electron/engine/lm/ngram-model.ts): the hashes shared with the Python builder,
 * the query rule on a hand-made model (stored trigram, backoff to the bigram and to the unigram, <unk>, sentence
 * start and end), the same scores as Python's query.py on a model built by models/training/lm/build.py, file
 * errors that name the file and the language, and the cache that reports a failure once and goes on without it.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { key1, key2, key3, ngramKey, wordHashOf } from '../../../../electron/engine/lm/ngram-hash.ts';
import { endingModelPath, lmTokens, NgramModel, NgramModelError, NgramModels, ngramModelPath, parseNgramModel,
  readNgramModel, suffixModelPath, wordEnding } from '../../../../electron/engine/lm/ngram-model.ts';

const repo = fileURLToPath(new URL('../../../..', import.meta.url));
// -S: no site-packages, so the builder takes the path CI has (Debian's python3 without python3-brotli: node
// compresses); the standard library is all the builder needs.
const PYTHON = ['/usr/bin/python3', '-S'];

describe('word endings (twin of build.py ending)', () => {
  it.each<[string, number, string]>([
    ['testů', 3, 'ů'], ['nemovitých', 3, 'ých'], ['vlak', 3, 'ak'], ['bude', 3, 'e'], ['novou', 3, 'ou'],
    ['nemovitost', 3, 'ost'], ['gražūs', 3, 'ūs'], ['žmonės', 2, 'ės'], ['psst', 3, 'sst'], ['s', 3, 's'],
    ['ığı', 3, 'ı'], ['cười', 3, 'ười'], ['trường', 3, 'ờng'],
  ])('%s, at most %d letters: %s', (word, max, expected) => {
    expect(wordEnding(Array.from(word), max).join('')).toBe(expected);
  });
});

describe('hashes (twins of models/training/lm/ngram.py)', () => {
  it.each<[string, number]>([
    // the published FNV-1a vectors, then 2-, 3- and 4-byte UTF-8 letters (values from the Python builder)
    ['', 0x811c9dc5], ['a', 0xe40c292c], ['foobar', 0xbf9cf968], ['žmonės', 0x089af256], ['ếch', 0xa15cfcec],
    ['𝔸', 0x215297da], ['<s>', 0x0c707bd2],
  ])('wordHashOf(%j) = %d', (token, hash) => {
    expect(wordHashOf(token)).toBe(hash);
  });

  it('n-gram keys match Python (order mixed in, fmix32 at the end)', () => {
    const [s, a, b] = ['<s>', 'šiandien', 'labai'].map(wordHashOf) as [number, number, number];
    expect([key1(s), key2(s, a), key3(s, a, b)]).toEqual([0xf37e4769, 0xfb561ea1, 0x1df38608]);
    expect([ngramKey([s]), ngramKey([s, a]), ngramKey([s, a, b])]).toEqual([key1(s), key2(s, a), key3(s, a, b)]);
  });

  it('a lone surrogate hashes as U+FFFD (as TextEncoder encodes it)', () => {
    expect(wordHashOf('a\ud800b')).toBe(wordHashOf('a\ufffdb'));
  });
});

/** [words, log10 p, log10 backoff (orders 1-2)] of a hand-made model. */
type Entry = [string[], number, number?];

/** Writes the OGLM layout of lmfile.py for `entries` (log10 values, quantized at 20 steps per decade). */
function packModel(entries: Entry[], header: Record<string, unknown> = { lang: 'lt' }, swapFirstKeys = false) {
  const byOrder = [1, 2, 3].map((n) => entries.filter(([w]) => w.length === n)
    .map(([w, p, b]) => ({ key: ngramKey(w.map(wordHashOf)), p: Math.min(255, Math.round(-p * 20)), b: Math.round(-(b ?? 0) * 20) }))
    .sort((x, y) => x.key - y.key));
  if (swapFirstKeys) [byOrder[0]![0], byOrder[0]![1]] = [byOrder[0]![1]!, byOrder[0]![0]!];
  const head = Buffer.from(JSON.stringify({ ...header, order: 3, counts: byOrder.map((o) => o.length) }));
  const parts: Buffer[] = [Buffer.from('OGLM'), Buffer.alloc(8)];
  parts[1]!.writeUInt32LE(1, 0);
  parts[1]!.writeUInt32LE(head.length, 4);
  let size = 12;
  const push = (b: Buffer) => {
    parts.push(b, Buffer.alloc(-(size + b.length) & 3));
    size += b.length + (-(size + b.length) & 3);
  };
  push(head);
  byOrder.forEach((order, i) => {
    const keys = Buffer.alloc(4 * order.length);
    order.forEach((e, j) => keys.writeUInt32LE(e.key, 4 * j));
    parts.push(keys);
    size += keys.length;
    push(Buffer.from(order.map((e) => e.p)));
    if (i < 2) push(Buffer.from(order.map((e) => e.b)));
  });
  return Buffer.concat(parts);
}

const HAND: Entry[] = [
  [['<s>'], -99, -0.2], [['</s>'], -1.0, 0], [['<unk>'], -2.0, 0], [['a'], -0.5, -0.1], [['b'], -0.7, -0.3],
  [['c'], -1.2, 0],
  [['<s>', 'a'], -0.3, -0.15], [['a', 'b'], -0.2, -0.4], [['b', 'c'], -0.6, 0], [['b', '</s>'], -0.5],
  [['<s>', 'a', 'b'], -0.1], [['a', 'b', 'c'], -0.25],
];

describe('the query rule (hand-made model, log10 values)', () => {
  const model = parseNgramModel(packModel(HAND), 'lt');
  const h = (w: string) => (w === '<s>' ? model.bos : model.wordHash(w));

  it.each<[string, string, string, number]>([
    ['<s>', '<s>', 'a', -0.3], // sentence start: no (<s> <s>) context, the bigram (<s> a)
    ['<s>', 'a', 'b', -0.1], // stored trigram
    ['a', 'b', 'c', -0.25],
    ['c', 'a', 'b', -0.2], // unseen trigram, context (c a) not stored: the bigram alone
    ['a', 'b', '</s>', -0.4 - 0.5], // unseen trigram: b2(a b) + p2(b </s>)
    ['a', 'b', 'a', -0.4 - 0.3 - 0.5], // unseen bigram too: b2(a b) + b1(b) + p1(a)
    ['b', 'c', 'zzz', 0 - 2.0], // unknown word: p1(<unk>)
    ['<s>', 'a', 'zzz', -0.15 - 0.1 - 2.0],
  ])('after %s %s, %s has log10 P = %s', (u, v, w, log10) => {
    expect(model.logProb(h(u), h(v), h(w))).toBeCloseTo(log10 * Math.LN10, 12);
  });

  it('a hash without a unigram counts as <unk>', () => {
    expect(model.logProb(h('b'), h('c'), 12345)).toBeCloseTo(-2.0 * Math.LN10, 12);
  });

  it.each<[string, number, boolean]>([['a', wordHashOf('a'), true], ['zzz', wordHashOf('<unk>'), false],
    ['A', wordHashOf('<unk>'), false]])('wordHash(%j) and knows()', (token, hash, known) => {
    expect(model.wordHash(token)).toBe(hash);
    expect(model.knows(token)).toBe(known);
  });

  it.each<[string[], number]>([
    // P(a|<s>) + P(b|<s> a) + P(c|a b) + P(</s>|b c) = -0.3 - 0.1 - 0.25 + (b2(b c) 0 + b1(c) 0 + p1(</s>) -1)
    [['a', 'b', 'c'], -1.65],
    [['a', 'b'], -0.3 - 0.1 - 0.4 - 0.5],
    [[], -0.2 - 1.0], // P(</s> | <s>): b1(<s>) + p1(</s>)
    // P(<unk> | <s>) = b1(<s>) + p1(<unk>); P(</s> | <s> <unk>) = b1(<unk>) 0 + p1(</s>)
    [['zzz'], -0.2 - 2.0 - 1.0],
  ])('sentenceLogProb(%j): log10 = %s', (tokens, log10) => {
    expect(model.sentenceLogProb(tokens)).toBeCloseTo(log10 * Math.LN10, 12);
  });

  it.each<[string, string, string[]]>([
    ['lt', 'Šiandien, labai GRAŽUS oras 2024 m.!', ['šiandien', 'labai', 'gražus', 'oras', 'm']],
    ['tr', 'IŞIK İzmir', ['ışık', 'izmir']],
    // NFC composes e + U+0301 into é; a mark NFC cannot compose (š + U+0301) stays on its letter run
    ['cs', 'Příliš\u0301 e\u0301', ['p\u0159\u00edli\u0161\u0301', '\u00e9']],
  ])('lmTokens(%j, %j)', (lang, text, tokens) => {
    expect(lmTokens(text, lang as 'lt')).toEqual(tokens);
  });
});

describe('the same scores as the Python builder and query.py', () => {
  let dir: string;
  const TRAIN = ['Šiandien labai gražus oras.', 'Šiandien labai šalta.', 'Vakar buvo labai gražus oras ir šilta.',
    'Rytoj bus gražus oras.', 'Mes einame namo. Jie eina namo.', 'Oras labai gražus.', 'Labai gražus vakaras.',
    'Rytoj bus šalta ir gražus oras.', 'Vakar buvo šalta.', 'Jie eina namo, nes šalta.', 'Mes einame į mokyklą.'];
  const DEV = ['Šiandien labai šalta ir gražus oras.', 'Vakar jie buvo namo.', 'Rytoj bus labai gražus vakaras.',
    'Nežinomas žodis čia.'];
  const SENTENCES = [...DEV, 'Labai labai labai', 'Oras', 'Jie eina į mokyklą ir namo'];
  let python: Array<{ tokens: string[]; logProb: number }>;
  let report: { dev: { perplexity: number; perplexityUnquantized: number; tokens: number } };
  let suffixReport: typeof report;
  let endingReport: typeof report;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ogonek-lm-'));
    await mkdir(join(dir, 'corpus'));
    await mkdir(join(dir, 'more'));
    await writeFile(join(dir, 'corpus', 'lt.train.txt'), TRAIN.join('\n') + '\n');
    await writeFile(join(dir, 'corpus', 'lt.dev.txt'), DEV.join('\n') + '\n');
    // min-unigram 2: words seen once become <unk>; min-count 2: singleton bigrams and trigrams are pruned
    const build = spawnSync(PYTHON[0]!, [...PYTHON.slice(1), '-m', 'models.training.lm.build', '--langs', 'lt',
      '--data', dir, '--more', join(dir, 'more'), '--out', join(dir, 'out'), '--min-unigram', '2', '--min-count', '2'],
    { cwd: repo, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    const query = spawnSync(PYTHON[0]!, [...PYTHON.slice(1), '-m', 'models.training.lm.query',
      ngramModelPath(join(dir, 'out'), 'lt'), '--lang', 'lt'], { cwd: repo, encoding: 'utf8', input: SENTENCES.join('\n') });
    expect(query.status, query.stderr).toBe(0);
    python = query.stdout.trim().split('\n').map((line) => JSON.parse(line));
    report = JSON.parse(await readFile(join(dir, 'out', 'lms.json'), 'utf8')).lt;
    // The suffix-class model beside it: the 5 most frequent words whole, every other word its last 3 letters.
    const suffix = spawnSync(PYTHON[0]!, [...PYTHON.slice(1), '-m', 'models.training.lm.build', '--langs', 'lt',
      '--data', dir, '--more', join(dir, 'more'), '--out', join(dir, 'out'), '--suffix', '--suffix-letters', '3', '--whole-words', '5', '--min-unigram', '1'],
    { cwd: repo, encoding: 'utf8' });
    expect(suffix.status, suffix.stderr).toBe(0);
    suffixReport = JSON.parse(await readFile(join(dir, 'out', 'suffix-lms.json'), 'utf8')).lt;
    // The ending-class model beside them: the same 5 words whole, every other word its ending (at most 3 letters).
    const endings = spawnSync(PYTHON[0]!, [...PYTHON.slice(1), '-m', 'models.training.lm.build', '--langs', 'lt',
      '--data', dir, '--more', join(dir, 'more'), '--out', join(dir, 'out'), '--suffix', '--endings', '--whole-words', '5',
      '--min-unigram', '1'], { cwd: repo, encoding: 'utf8' });
    expect(endings.status, endings.stderr).toBe(0);
    endingReport = JSON.parse(await readFile(join(dir, 'out', 'ending-lms.json'), 'utf8')).lt;
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('tokens and sentence log-probabilities equal query.py (same quantized values, same arithmetic)', async () => {
    const model = await readNgramModel(join(dir, 'out'), 'lt');
    expect(model.header.counts[2]).toBeGreaterThan(0); // some trigrams survived pruning
    expect(python).toHaveLength(SENTENCES.length);
    SENTENCES.forEach((sentence, i) => {
      const tokens = lmTokens(sentence, 'lt');
      expect(tokens).toEqual(python[i]!.tokens);
      expect(model.sentenceLogProb(tokens)).toBeCloseTo(python[i]!.logProb, 9);
    });
  });

  it('dev perplexity equals the builder\'s report, and the unquantized one within quantization error', async () => {
    const model = await readNgramModel(join(dir, 'out'), 'lt');
    let total = 0;
    let n = 0;
    for (const sentence of DEV) {
      const tokens = lmTokens(sentence, 'lt');
      total += model.sentenceLogProb(tokens);
      n += tokens.length + 1;
    }
    expect(n).toBe(report.dev.tokens);
    const ppl = Math.exp(-total / n);
    expect(ppl).toBeCloseTo(report.dev.perplexity, 2);
    // each word reads at most three stored values, each within 0.025 of its log10
    expect(Math.abs(Math.log(ppl) - Math.log(report.dev.perplexityUnquantized))).toBeLessThan(3 * 0.025 * Math.LN10);
  });

  it.each<[string, string, boolean]>([
    // gražus 6, labai 5, oras 5, šalta 4, namo 3 times stay whole; the rest are their last three letters
    ['gražus', 'gražus', true], ['labai', 'labai', true], ['šalta', 'šalta', true], ['vakaras', '-ras', true],
    ['mokyklą', '-klą', true], ['į', '-į', true],
    // an ending the training text never had is the model's <unk>
    ['nežinomas', '-mas', false],
  ])('the suffix-class model reads %s as %s (build.py suffix_class)', async (token, cls, known) => {
    const { suffix } = await readNgramModel(join(dir, 'out'), 'lt');
    expect(suffix!.letters).toBe(3);
    expect(suffix!.classHash(token)).toBe(suffix!.model.wordHash(cls));
    expect(suffix!.classHash(token) !== suffix!.model.unk).toBe(known);
  });

  it.each<['suffix' | 'endings']>([['suffix'], ['endings']])(
    'the %s model\'s dev perplexity through classHash equals the builder\'s report', async (kind) => {
      const classes = (await readNgramModel(join(dir, 'out'), 'lt'))[kind]!;
      let total = 0;
      let n = 0;
      for (const sentence of DEV) {
        const ids = [...lmTokens(sentence, 'lt').map((t) => classes.classHash(t)), classes.model.eos];
        let [u, v] = [classes.model.bos, classes.model.bos];
        for (const w of ids) {
          total += classes.logProb(u, v, w);
          [u, v] = [v, w];
        }
        n += ids.length;
      }
      const built = kind === 'suffix' ? suffixReport : endingReport;
      expect(n).toBe(built.dev.tokens);
      expect(Math.exp(-total / n)).toBeCloseTo(built.dev.perplexity, 2);
    });

  it.each<[string, string, boolean]>([
    // the same five words stay whole; the others are their endings: last vowel run and the consonants after it
    ['gražus', 'gražus', true], ['vakaras', '-as', true], ['mokyklą', '-ą', true], ['į', '-į', true],
    ['nežinomas', '-as', true],
  ])('the ending-class model reads %s as %s (build.py ending)', async (token, cls, known) => {
    const { endings } = await readNgramModel(join(dir, 'out'), 'lt');
    expect(endings!.endings).toBe(true);
    expect(endings!.classHash(token)).toBe(endings!.model.wordHash(cls));
    expect(endings!.classHash(token) !== endings!.model.unk).toBe(known);
  });

  it('loads no ending-class model where the folder has no <lang>.end.br', async () => {
    const sub = join(dir, 'no-endings');
    await mkdir(sub, { recursive: true });
    await writeFile(ngramModelPath(sub, 'lt'), await readFile(ngramModelPath(join(dir, 'out'), 'lt')));
    expect((await readNgramModel(sub, 'lt')).endings).toBeNull();
    expect(endingModelPath(sub, 'lt')).toBe(join(sub, 'lt.end.br'));
  });

  it('unknown words score as <unk>', async () => {
    const model = await readNgramModel(join(dir, 'out'), 'lt');
    expect(model.knows('mokyklą')).toBe(false); // seen once: below min-unigram 2
    expect(model.sentenceLogProb(['labai', 'mokyklą'])).toBe(model.sentenceLogProb(['labai', 'qqq']));
    expect(model.sentenceLogProb(['labai', 'gražus'])).toBeGreaterThan(model.sentenceLogProb(['labai', 'qqq']));
  });
});

describe('damaged files', () => {
  let dir: string;
  beforeAll(async () => { dir = await mkdtemp(join(tmpdir(), 'ogonek-lm-bad-')); });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  const good = packModel(HAND);
  const withoutUnk = packModel(HAND.filter(([w]) => w.join(' ') !== '<unk>'));
  it.each<[string, Buffer | null, RegExp]>([
    ['missing', null, /is missing/],
    ['not brotli', Buffer.from('hello, world'), /not brotli data, or truncated/],
    ['truncated brotli', brotliCompressSync(good).subarray(0, 40), /not brotli data, or truncated/],
    ['bad magic', brotliCompressSync(Buffer.concat([Buffer.from('OGLX'), good.subarray(4)])), /not an OGLM file/],
    ['truncated arrays', brotliCompressSync(good.subarray(0, good.length - 8)), /truncated at order 3/],
    ['trailing bytes', brotliCompressSync(Buffer.concat([good, Buffer.alloc(4)])), /4 bytes past the last array/],
    ['keys out of order', brotliCompressSync(packModel(HAND, { lang: 'lt' }, true)), /order 1 keys out of order/],
    ['another language', brotliCompressSync(packModel(HAND, { lang: 'lv' })), /holds the model of "lv"/],
    ['no <unk>', brotliCompressSync(withoutUnk), /special token has no unigram/],
  ])('%s: an NgramModelError naming the file and the language', async (name, bytes, reason) => {
    const sub = join(dir, name.replace(/\W/g, '-'));
    await mkdir(sub, { recursive: true });
    if (bytes) await writeFile(ngramModelPath(sub, 'lt'), bytes);
    const error = await readNgramModel(sub, 'lt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NgramModelError);
    expect((error as Error).message).toContain(ngramModelPath(sub, 'lt'));
    expect((error as Error).message).toMatch(/^The lt word language model /);
    expect((error as Error).message).toMatch(reason);
  });

  it.each<[string, Buffer, RegExp]>([
    ['without its classes', brotliCompressSync(good), /header without classes.suffixLetters/],
    ['not brotli', Buffer.from('hello'), /not brotli data, or truncated/],
  ])('a suffix-class model %s: an NgramModelError naming the .sfx.br file', async (name, bytes, reason) => {
    const sub = join(dir, `sfx-${name.replace(/\W/g, '-')}`);
    await mkdir(sub, { recursive: true });
    await writeFile(ngramModelPath(sub, 'lt'), brotliCompressSync(good));
    await writeFile(suffixModelPath(sub, 'lt'), bytes);
    const error = await readNgramModel(sub, 'lt').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NgramModelError);
    expect((error as Error).message).toContain(suffixModelPath(sub, 'lt'));
    expect((error as Error).message).toMatch(reason);
  });

  it('a buffer that does not start 4-byte aligned is copied, not rejected', () => {
    const shifted = new Uint8Array(good.length + 1).subarray(1);
    shifted.set(good);
    expect(parseNgramModel(shifted, 'lt').logProb(wordHashOf('<s>'), wordHashOf('a'), wordHashOf('b')))
      .toBeCloseTo(-0.1 * Math.LN10, 12);
  });
});

describe('NgramModels cache', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ogonek-lm-cache-'));
    await writeFile(ngramModelPath(dir, 'lt'), brotliCompressSync(packModel(HAND)));
    await writeFile(ngramModelPath(dir, 'lv'), 'garbage');
  });
  afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

  it('loads once, shares concurrent loads and keeps the model', async () => {
    const errors: NgramModelError[] = [];
    const models = new NgramModels(dir, (e) => errors.push(e));
    const [a, b] = await Promise.all([models.get('lt'), models.get('lt')]);
    expect(a).toBeInstanceOf(NgramModel);
    expect(b).toBe(a);
    expect(await models.get('lt')).toBe(a);
    expect(errors).toEqual([]);
  });

  it.each<['lv' | 'pl', RegExp]>([['lv', /is damaged/], ['pl', /is missing/]])(
    'a %s model that cannot load: reported once, then null without a second report', async (lang, reason) => {
      const errors: NgramModelError[] = [];
      const models = new NgramModels(dir, (e) => errors.push(e));
      expect(await Promise.all([models.get(lang), models.get(lang)])).toEqual([null, null]);
      expect(await models.get(lang)).toBeNull();
      expect(errors).toHaveLength(1);
      expect(errors[0]).toBeInstanceOf(NgramModelError);
      expect(errors[0]!.message).toContain(ngramModelPath(dir, lang));
      expect(errors[0]!.message).toMatch(reason);
      expect(await models.get('lt')).toBeInstanceOf(NgramModel); // other languages are unaffected
    });

  it('no folder: null and nothing reported; a throwing reporter does not turn into a rejection', async () => {
    const errors: unknown[] = [];
    expect(await new NgramModels(null, (e) => errors.push(e)).get('lt')).toBeNull();
    expect(errors).toEqual([]);
    expect(await new NgramModels(dir, () => { throw new Error('reporter broke'); }).get('pl')).toBeNull();
  });
});
