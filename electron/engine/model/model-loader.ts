/**
 * Loads the model of a manifest on the best provider that is both correct and faster than the CPU
 * (DESIGN.md section 7): accelerators are tried one by one, their output is checked against the manifest's
 * reference outputs (or, without references, against the CPU), and the reason for every fallback is kept.
 */
import type { LanguageCode, ProviderName } from '../../shared/types.ts';
import { decodeUtf8, encoderIds, outputBytes, utf8Bytes } from '../text/byte-codec.ts';
import { speculativeDecode, type StepModel } from '../decoding/decode.ts';
import { readManifest, verifyModelFile, type Manifest } from './model-files.ts';
import { loadOrt, missingProviderFiles, OrtModel } from './ort-backend.ts';

/** A loaded model and what the user should know about the provider choice. */
export interface LoadedModel {
  model: OrtModel;
  manifest: Manifest;
  provider: ProviderName;
  providerNote?: string;
  loadMs: number;
}

/** The accelerators worth trying on this platform, then the CPU. */
export function defaultProviders(platform: NodeJS.Platform = process.platform, arch: string = process.arch,
  env: NodeJS.ProcessEnv = process.env): ProviderName[] {
  const list: ProviderName[] = [];
  if (platform === 'linux' && arch === 'x64') list.push('cuda');
  if (platform === 'win32') list.push('dml');
  if (platform === 'darwin' && arch === 'arm64') list.push('coreml');
  if (env.OGONEK_WEBGPU === '1') list.push('webgpu');
  return [...list, 'cpu'];
}

const FALLBACK_SENTENCES: Array<{ input: string; lang: string; output?: string }> = [
  { input: 'Siandien labai grazus oras.', lang: 'lt' },
  { input: 'Prilis zlutoucky kun upel dabelske ody.', lang: 'cs' },
  { input: 'Zazolc gesla jazn.', lang: 'pl' },
];

async function outputsOf(model: StepModel, sentences: Array<{ input: string; lang: string }>): Promise<string[]> {
  const outputs: string[] = [];
  for (const { input, lang } of sentences) {
    const src = utf8Bytes(input.normalize('NFC'));
    const result = await speculativeDecode(model, encoderIds(src, lang as LanguageCode), src);
    const bytes = outputBytes(result.ids);
    outputs.push(bytes ? decodeUtf8(bytes) ?? '\u{FFFD}' : `<no output: ${result.ids.length} ids>`);
  }
  return outputs;
}

async function medianMs(model: StepModel, sentences: Array<{ input: string; lang: string }>): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    await outputsOf(model, sentences);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[1]!;
}

function shortError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // ORT prefixes messages with source locations and assertion text: keep the human part.
  return text.replace(/\s+/g, ' ').replace(/^.*(?:was false\.|\.cc:\d+) /, '').slice(0, 200);
}

/** A model that can be released, as opened on one provider. */
export interface OpenedModel extends StepModel {
  release(): Promise<void>;
}

/** What chooseProvider needs: how to open a provider, and the sentences that check it. */
export interface ProviderDeps<M extends OpenedModel> {
  open(provider: ProviderName): Promise<M>;
  /** Why a provider cannot be tried at all (its files are missing), or null. */
  missing(provider: ProviderName): string | null;
  /** Reference sentences; without `output`, the CPU's output is the reference. */
  references: Array<{ input: string; lang: string; output?: string }>;
}

/**
 * Opens the first provider of `providers` that works, gives the reference outputs and (for accelerators)
 * beats the CPU; the CPU is the last resort. The note says why each accelerator was not kept.
 */
export async function chooseProvider<M extends OpenedModel>(providers: ProviderName[], deps: ProviderDeps<M>):
  Promise<{ model: M; provider: ProviderName; providerNote?: string }> {
  const notes: string[] = [];
  let cpu: M | undefined;
  const cpuModel = async () => (cpu ??= await deps.open('cpu'));
  const refs = deps.references.length > 0 ? deps.references : FALLBACK_SENTENCES;
  for (const provider of providers.filter((p) => p !== 'cpu')) {
    const missing = deps.missing(provider);
    if (missing) {
      notes.push(`${provider}: ${missing}`);
      continue;
    }
    let model: M;
    try {
      model = await deps.open(provider);
    } catch (error) {
      notes.push(`${provider}: unavailable (${shortError(error)})`);
      continue;
    }
    try {
      const expected = refs.every((r) => r.output !== undefined) ? refs.map((r) => r.output!)
        : await outputsOf(await cpuModel(), refs);
      const got = await outputsOf(model, refs);
      const bad = got.findIndex((out, i) => out !== expected[i]);
      if (bad >= 0) {
        notes.push(`${provider}: wrong output on a reference sentence ("${refs[bad]!.input}")`);
      } else {
        const [fast, slow] = [await medianMs(model, refs), await medianMs(await cpuModel(), refs)];
        if (fast < slow * 0.9) {
          await cpu?.release();
          return { model, provider };
        }
        notes.push(`${provider}: not faster than the CPU (${fast.toFixed(1)} ms vs ${slow.toFixed(1)} ms)`);
      }
    } catch (error) {
      notes.push(`${provider}: failed while checking its output (${shortError(error)})`);
    }
    await model.release();
  }
  return { model: await cpuModel(), provider: 'cpu', providerNote: notes.length > 0 ? notes.join('; ') : undefined };
}

/**
 * Verifies the model files of `modelDir` and opens them on the best provider of `providers`.
 */
export async function loadModel(modelDir: string, providers: ProviderName[] = defaultProviders(),
  threads = 2): Promise<LoadedModel> {
  const start = performance.now();
  // Loading onnxruntime-node (its JavaScript and native library) overlaps reading and hashing the model files;
  // a failure to load it surfaces where the sessions are created, after the files were found sound.
  loadOrt().catch(() => undefined);
  const manifest = await readManifest(modelDir);
  // Both files are hashed at once; a problem is reported for the encoder first, as when they were checked in turn.
  const checked = await Promise.allSettled([verifyModelFile(modelDir, manifest, 'encoder'),
    verifyModelFile(modelDir, manifest, 'decoder')]);
  const [encoder, decoder] = checked.map((c) => {
    if (c.status === 'rejected') throw c.reason;
    return c.value;
  });
  const paths = { encoder: encoder!, decoder: decoder! };
  const dims = { layers: manifest.dims.dec_layers, heads: manifest.dims.heads, headDim: manifest.dims.head_dim,
    maxPositions: manifest.max_positions };
  const chosen = await chooseProvider(providers, {
    open: (provider) => OrtModel.create(paths, dims, provider, threads),
    missing: missingProviderFiles,
    references: manifest.reference,
  });
  return { ...chosen, manifest, loadMs: performance.now() - start };
}
