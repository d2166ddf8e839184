/**
 * Engine plumbing with the tiny random-weight model (test/fixtures/tiny-model): the worker thread, model
 * file checks, provider fallback, speculative == greedy on real ONNX graphs, bad input. Its output is noise,
 * so nothing here judges quality (see engine-quality.test.ts for the shipped model).
 */
import { copyFile, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encoderIds, utf8Bytes } from '../../electron/engine/text/byte-codec.ts';
import { greedyDecode, speculativeDecode } from '../../electron/engine/decoding/decode.ts';
import { CorrectionCancelledError, createCorrector, type LocalCorrector } from '../../electron/engine/index.ts';
import { loadModel, type LoadedModel } from '../../electron/engine/model/model-loader.ts';
import { stripDiacritics } from '../../electron/engine/noise/index.ts';
import { LANGUAGES, type LanguageCode } from '../../electron/shared/types.ts';

const TINY = fileURLToPath(new URL('../fixtures/tiny-model', import.meta.url));
const UD = fileURLToPath(new URL('../../../shared/benchmarks/ud', import.meta.url));

async function udSentences(perLanguage: number): Promise<Array<{ text: string; lang: LanguageCode }>> {
  const out: Array<{ text: string; lang: LanguageCode }> = [];
  for (const lang of LANGUAGES) {
    let lines: string[];
    try {
      lines = (await readFile(join(UD, `${lang}.txt`), 'utf8')).split('\n').filter((l) => l.length > 0);
    } catch {
      continue; // no benchmark file for this language (is)
    }
    for (const text of lines.slice(0, perLanguage)) out.push({ text: stripDiacritics(text, lang), lang });
  }
  return out;
}

describe('engine with the tiny model (worker thread)', () => {
  let corrector: LocalCorrector;
  beforeAll(async () => {
    corrector = await createCorrector({ modelDir: TINY, providers: ['cuda', 'webgpu', 'cpu'] });
  });
  afterAll(async () => corrector?.dispose());

  it('is ready on the CPU and says why the accelerators were not used', () => {
    const status = corrector.status();
    expect(status).toMatchObject({ state: 'ready', modelVersion: 'tiny-random-0', provider: 'cpu' });
    expect(status.providerNote).toMatch(/^cuda: .+; webgpu: unavailable \(.+\)$/);
  });

  it.each([
    ['empty', ''],
    ['NUL bytes', 'abc\0def ghi'],
    ['lone surrogates', 'x \ud800 y \udc00'],
    ['RTL', 'שלום עולם. مرحبا بالعالم.'],
    ['emoji ZWJ', 'Rodzina 👩‍👩‍👧‍👦 jest tu.'],
    ['combining marks', 'cafe\u0301 ist gut.'],
    ['very long word', 'y'.repeat(20_000)],
    ['unsupported script', '这是中文。Это русский текст.'],
    ['CRLF paragraphs', 'Jeden.\r\n\r\nDwa.\r\n'],
  ])('%s: a result whose text is the input with its suggestions applied', async (_name, text) => {
    const result = await corrector.correct(text, { language: 'pl' });
    for (const s of result.suggestions) expect(text.slice(s.span.start, s.span.end)).toBe(s.original);
    expect(result.text.length).toBeGreaterThanOrEqual(0);
    if (result.suggestions.length === 0) expect(result.text).toBe(text);
  });

  it('handles a 1 MB paste (repeated sentences hit the cache) and reports progress', async () => {
    const sentence = 'Zazolc gesla jazn, to jest test. ';
    const text = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    let last = { done: 0, total: 0 };
    const result = await corrector.correct(text, { language: 'pl', onProgress: (p) => { last = p; } });
    expect(last.done).toBe(last.total);
    expect(last.total).toBeGreaterThan(10_000);
    if (result.suggestions.length === 0) expect(result.text).toBe(text);
  });

  it('supersedes an older request for the same document', async () => {
    const first = corrector.correct('Pierwsze zdanie. Drugie zdanie. Trzecie zdanie.', { language: 'pl', documentId: 'd' });
    const second = corrector.correct('Inny tekst.', { language: 'pl', documentId: 'd' });
    await expect(first).rejects.toBeInstanceOf(CorrectionCancelledError);
    await expect(second).resolves.toMatchObject({ language: 'pl' });
  });
});

describe('model files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ogonek-model-'));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  async function fresh(): Promise<string> {
    const d = await mkdtemp(join(dir, 'm-'));
    for (const f of ['manifest.json', 'encoder.onnx', 'decoder.onnx']) await copyFile(join(TINY, f), join(d, f));
    return d;
  }

  it.each([
    ['a missing decoder', async (d: string) => rm(join(d, 'decoder.onnx')), /decoder\.onnx: missing/],
    ['a truncated encoder', async (d: string) => truncate(join(d, 'encoder.onnx'), 1000), /encoder\.onnx: truncated: 1000 bytes/],
    ['a corrupt decoder', async (d: string) => {
      const bytes = await readFile(join(d, 'decoder.onnx'));
      bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
      await writeFile(join(d, 'decoder.onnx'), bytes);
    }, /decoder\.onnx: corrupt: sha256/],
    ['a missing manifest', async (d: string) => rm(join(d, 'manifest.json')), /manifest\.json: cannot read the model manifest/],
    ['a broken manifest', async (d: string) => writeFile(join(d, 'manifest.json'), '{"version": 3'), /manifest\.json: not valid JSON/],
  ])('%s is a clear error naming the file', async (_name, damage, message) => {
    const d = await fresh();
    await damage(d);
    await expect(createCorrector({ modelDir: d })).rejects.toThrow(message);
  });
});

describe('speculative decoding equals greedy decoding on the tiny ONNX model', () => {
  let loaded: LoadedModel;
  beforeAll(async () => {
    loaded = await loadModel(TINY, ['cpu'], 1);
  });
  afterAll(async () => loaded?.model.release());

  it('gives identical ids on UD sentences of every language', async () => {
    const sentences = (await udSentences(3)).filter((s) => utf8Bytes(s.text).length <= 120);
    expect(sentences.length).toBeGreaterThan(30);
    for (const { text, lang } of sentences) {
      const src = utf8Bytes(text);
      const ids = encoderIds(src, lang);
      const greedy = await greedyDecode(loaded.model, ids);
      const spec = await speculativeDecode(loaded.model, ids, src);
      expect(spec.ids, text).toEqual(greedy.ids);
      expect(spec.passes).toBeLessThanOrEqual(greedy.passes);
    }
  });
});
