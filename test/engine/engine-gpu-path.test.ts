/**
 * The GPU path, tested where there is no GPU (issue 14): the real onnxruntime-node asked for WebGPU on a machine
 * without an adapter falls back to the CPU fast, with WebGPU's own error as the reason and the same output; a
 * provider name the engine does not know is refused clearly; and the float encoder that GPU providers run keeps
 * speculative == greedy and gives, batched, exactly what it gives sentence by sentence (run here on the CPU).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encoderIds, utf8Bytes } from '../../electron/engine/text/byte-codec.ts';
import { greedyDecode, speculativeDecode } from '../../electron/engine/decoding/decode.ts';
import { createCorrector, DEFAULT_MODEL_DIR } from '../../electron/engine/index.ts';
import { loadModel, type LoadedModel } from '../../electron/engine/model/model-loader.ts';
import { addTypos, stripDiacritics } from '../../electron/engine/noise/index.ts';
import { LANGUAGES, type LanguageCode } from '../../electron/shared/types.ts';

const MANIFEST = join(DEFAULT_MODEL_DIR, 'manifest.json');
const HAS_FLOAT = existsSync(MANIFEST)
  && (JSON.parse(readFileSync(MANIFEST, 'utf8')) as { files: Record<string, unknown> }).files.encoder_float !== undefined;
if (!HAS_FLOAT) console.log(`engine-gpu-path: skipped, no float encoder listed in ${MANIFEST}`);
const UD = fileURLToPath(new URL('../../../shared/benchmarks/ud', import.meta.url));

/** Stripped UD sentences, every `step`-th of each language (half of them with typos), up to `perLanguage` each. */
function sentences(perLanguage: number): Array<{ text: string; lang: LanguageCode }> {
  const out: Array<{ text: string; lang: LanguageCode }> = [];
  for (const lang of LANGUAGES) {
    if (!existsSync(join(UD, `${lang}.txt`))) continue;
    const lines = readFileSync(join(UD, `${lang}.txt`), 'utf8').split('\n').filter((l) => l.length > 0 && utf8Bytes(l).length <= 160);
    const step = Math.max(1, Math.floor(lines.length / perLanguage));
    for (let i = 0; i < lines.length && i / step < perLanguage; i += step) {
      const stripped = stripDiacritics(lines[i]!, lang);
      out.push({ text: out.length % 2 === 0 ? stripped : addTypos(stripped, lang, 0.04, out.length), lang });
    }
  }
  return out;
}

const FIXED = [
  { text: 'Siandien labai grazus oras.', lang: 'lt' },
  { text: 'Prilis zlutoucky kun upel dabelske ody.', lang: 'cs' },
  { text: 'Zazolc gesla jazn.', lang: 'pl' },
  { text: 'Nhung con duong dan toi thanh pho.', lang: 'vi' },
] as const;

describe.skipIf(!HAS_FLOAT)('WebGPU asked for on a machine without an adapter (the real onnxruntime-node)', () => {
  it('falls back to the CPU within 2 s, with WebGPU\'s own error as the reason and the same output', async () => {
    const [gpu, cpu] = [await createCorrector({ providers: ['webgpu', 'cpu'], languages: ['lt'] }),
      await createCorrector({ providers: ['cpu'], languages: ['lt'] })];
    try {
      const [webgpu, last] = gpu.status().providerReasons!;
      if (webgpu!.used) {
        // A machine with a WebGPU adapter (none in CI): then it passed the check against the CPU on the same graphs.
        console.log(`engine-gpu-path: this machine has a WebGPU adapter: ${webgpu!.reason}`);
        expect(webgpu!.reason).toMatch(/^same output as the CPU/);
      } else {
        expect(gpu.status().provider).toBe('cpu');
        expect(webgpu!.reason).toMatch(/^unavailable \(.*(WebGPU|adapter)/i);
        expect(webgpu!.ms).toBeLessThan(2000);
        expect(last).toMatchObject({ provider: 'cpu', used: true, reason: 'no accelerator passed its check' });
        expect(gpu.status().providerNote).toBe(`webgpu: ${webgpu!.reason}`);
      }
      for (const { text, lang } of FIXED) {
        expect((await gpu.correct(text, { language: lang })).text).toBe((await cpu.correct(text, { language: lang })).text);
      }
      expect(cpu.status().providerReasons).toEqual([{ provider: 'cpu', used: true, reason: 'asked for', ms: expect.any(Number) }]);
    } finally {
      await Promise.all([gpu.dispose(), cpu.dispose()]);
    }
  }, 60_000);

  it.each([
    [['bogus'], "unknown execution provider 'bogus' (expected one of cpu, cuda, dml, coreml, webgpu)"],
    [['webgpu', 'vulkan'], "unknown execution provider 'vulkan' (expected one of cpu, cuda, dml, coreml, webgpu)"],
  ])('providers %j are refused: %s', async (providers, message) => {
    await expect(createCorrector({ providers: providers as never })).rejects.toThrow(message);
  }, 30_000);
});

describe.skipIf(!HAS_FLOAT)('the float encoder GPU providers run, here on the CPU', () => {
  let float: LoadedModel;
  beforeAll(async () => {
    float = await loadModel(DEFAULT_MODEL_DIR, ['cpu'], 2, { encoder: 'float' });
  });
  afterAll(async () => float?.model.release());

  const idsOf = (text: string, lang: LanguageCode) => {
    const src = utf8Bytes(text.normalize('NFC'));
    return { src, ids: encoderIds(src, lang) };
  };

  it('is the batched graph, and the loader says so', () => {
    expect([float.provider, float.encoder, float.model.layout]).toEqual(['cpu', 'float', 'batched']);
  });

  it('speculative == greedy on 500+ UD sentences of every language, stripped and with typos', async () => {
    const all = sentences(27);
    expect(all.length).toBeGreaterThanOrEqual(500);
    for (const { text, lang } of all) {
      const { src, ids } = idsOf(text, lang);
      const greedy = await greedyDecode(float.model, ids);
      expect((await speculativeDecode(float.model, ids, src)).ids, `${lang}: ${text}`).toEqual(greedy.ids);
    }
  }, 1_800_000);

  it('batched (a document\'s sentences in one encoder call) gives what one sentence at a time gives', async () => {
    const all = [...FIXED, ...sentences(4)];
    const alone = [];
    for (const { text, lang } of all) {
      const { src, ids } = idsOf(text, lang);
      alone.push(await speculativeDecode(float.model, ids, src));
    }
    await float.model.prepare(all.map(({ text, lang }) => idsOf(text, lang).ids));
    for (const [i, { text, lang }] of all.entries()) {
      const { src, ids } = idsOf(text, lang);
      const batched = await speculativeDecode(float.model, ids, src);
      expect([batched.ids, batched.probs], `${lang}: ${text}`).toEqual([alone[i]!.ids, alone[i]!.probs]);
    }
  }, 300_000);
});
