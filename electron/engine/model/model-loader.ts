/**
 * Loads the model of a manifest on the best provider that is both correct and faster than the CPU
 * (DESIGN.md section 7): accelerators are tried one by one in the platform's order of preference, each runs the
 * GPU-friendly float encoder where the manifest has one (the CPU keeps the int8 one), its output is checked
 * against the CPU running the same graphs, and the reason each provider was or was not used is kept.
 */
import { PROVIDERS, type LanguageCode, type ProviderName, type ProviderReason } from '../../shared/types.ts';
import { decodeUtf8, encoderIds, outputBytes, utf8Bytes } from '../text/byte-codec.ts';
import { speculativeDecode, type StepModel } from '../decoding/decode.ts';
import { ModelFileError, readManifest, verifyModelFile, type Manifest } from './model-files.ts';
import { loadOrt, missingProviderFiles, OrtModel } from './ort-backend.ts';

import { ENCODERS, type EncoderKind } from './encoder-kind.ts';

export { ENCODERS, type EncoderKind };

/** A loaded model and what the user should know about the provider choice. */
export interface LoadedModel {
  model: OrtModel;
  manifest: Manifest;
  provider: ProviderName;
  providerNote?: string;
  providerReasons: ProviderReason[];
  encoder: EncoderKind;
  loadMs: number;
}

/**
 * The providers worth trying on this platform, in order of preference, then the CPU: what onnxruntime-node
 * 1.30's own binaries carry (win32: DirectML.dll, and WebGPU over D3D12; darwin/arm64: CoreML; linux/x64: WebGPU
 * over Vulkan in libonnxruntime.so, and CUDA when its separately downloaded library is present).
 */
export function defaultProviders(platform: NodeJS.Platform = process.platform, arch: string = process.arch): ProviderName[] {
  if (platform === 'win32') return ['dml', 'webgpu', 'cpu'];
  if (platform === 'darwin' && arch === 'arm64') return ['coreml', 'cpu'];
  if (platform === 'linux' && arch === 'x64') return ['cuda', 'webgpu', 'cpu'];
  return ['cpu'];
}

/** A provider name the engine does not know (a typo in --provider, say). */
export class UnknownProviderError extends Error {
  constructor(name: string) {
    super(`unknown execution provider '${name}' (expected one of ${PROVIDERS.join(', ')})`);
    this.name = 'UnknownProviderError';
  }
}

/** Checks provider names given by a person or a caller; throws UnknownProviderError on the first unknown one. */
export function providerList(names: readonly string[]): ProviderName[] {
  for (const name of names) if (!(PROVIDERS as readonly string[]).includes(name)) throw new UnknownProviderError(name);
  if (names.length === 0) throw new Error(`no execution provider given (expected some of ${PROVIDERS.join(', ')})`);
  return [...names] as ProviderName[];
}

const FALLBACK_SENTENCES: Array<{ input: string; lang: string; output?: string }> = [
  { input: 'Siandien labai grazus oras.', lang: 'lt' },
  { input: 'Prilis zlutoucky kun upel dabelske ody.', lang: 'cs' },
  { input: 'Zazolc gesla jazn.', lang: 'pl' },
];

async function outputsOf(model: OpenedModel, sentences: Array<{ input: string; lang: string }>): Promise<string[]> {
  const outputs: string[] = [];
  const sources = sentences.map(({ input }) => utf8Bytes(input.normalize('NFC')));
  const ids = sources.map((src, i) => encoderIds(src, sentences[i]!.lang as LanguageCode));
  // As a document is checked: the batched encoder (GPU) runs once over all sentences.
  await model.prepare?.(ids);
  for (const [i, src] of sources.entries()) {
    const result = await speculativeDecode(model, ids[i]!, src);
    const bytes = outputBytes(result.ids);
    outputs.push(bytes ? decodeUtf8(bytes) ?? '\u{FFFD}' : `<no output: ${result.ids.length} ids>`);
  }
  return outputs;
}

async function medianMs(model: OpenedModel, sentences: Array<{ input: string; lang: string }>): Promise<number> {
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
  return text.replace(/\s+/g, ' ').replace(/^.*(?:was false\.|\.cc:\d+) /, '').trim().slice(0, 200);
}

/** A model that can be released, as opened on one provider. */
export interface OpenedModel extends StepModel {
  /** Encodes sentences about to be decoded in one go, where the encoder takes batches. */
  prepare?(sentences: Int32Array[]): Promise<void>;
  release(): Promise<void>;
}

/** What chooseProvider needs: how to open a provider with an encoder, and the sentences that check it. */
export interface ProviderDeps<M extends OpenedModel> {
  open(provider: ProviderName, encoder: EncoderKind): Promise<M>;
  /** The encoder a provider runs (the CPU's is the one the product uses there). */
  encoderFor(provider: ProviderName): EncoderKind;
  /** Why a provider cannot be tried at all (its files are missing), or null. */
  missing(provider: ProviderName): string | null;
  /** Check sentences (their inputs; the expected output is the CPU's on the same graphs). */
  references: Array<{ input: string; lang: string }>;
}

/** What chooseProvider settled on. */
export interface ProviderChoice<M> {
  model: M;
  provider: ProviderName;
  encoder: EncoderKind;
  providerNote?: string;
  reasons: ProviderReason[];
}

/** One line for the provider not used: "webgpu: unavailable (...); cuda: ...". */
export function providerNote(reasons: ProviderReason[]): string | undefined {
  const notes = reasons.filter((r) => !r.used && r.provider !== 'cpu').map((r) => `${r.provider}: ${r.reason}`);
  return notes.length > 0 ? notes.join('; ') : undefined;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

/**
 * Opens the first accelerator of `providers` that works and gives the CPU's output on the same graphs; with
 * `requireFaster` (the automatic choice) it must also beat the CPU as the product runs it there. Asked for by
 * name, a correct accelerator is kept even when slower (its timing is in its reason). The CPU is the last resort.
 */
export async function chooseProvider<M extends OpenedModel>(providers: ProviderName[], deps: ProviderDeps<M>,
  { requireFaster = true }: { requireFaster?: boolean } = {}): Promise<ProviderChoice<M>> {
  const reasons: ProviderReason[] = [];
  const cpus = new Map<EncoderKind, Promise<M>>();
  const cpuModel = (encoder: EncoderKind) => {
    if (!cpus.has(encoder)) cpus.set(encoder, deps.open('cpu', encoder));
    return cpus.get(encoder)!;
  };
  const releaseCpus = async (keep?: M) => {
    for (const opened of cpus.values()) {
      const model = await opened.catch(() => undefined);
      if (model && model !== keep) await model.release();
    }
  };
  const refs = deps.references.length > 0 ? deps.references : FALLBACK_SENTENCES;
  const accelerators = providers.filter((p) => p !== 'cpu');
  for (const provider of accelerators) {
    const started = performance.now();
    const note = (reason: string, used = false) => reasons.push({ provider, used, reason,
      ms: Number((performance.now() - started).toFixed(1)) });
    const missing = deps.missing(provider);
    if (missing) {
      note(missing);
      continue;
    }
    const encoder = deps.encoderFor(provider);
    let model: M;
    try {
      model = await deps.open(provider, encoder);
    } catch (error) {
      note(`unavailable (${shortError(error)})`);
      continue;
    }
    try {
      const expected = await outputsOf(await cpuModel(encoder), refs);
      const got = await outputsOf(model, refs);
      const bad = got.findIndex((out, i) => out !== expected[i]);
      if (bad >= 0) {
        note(`wrong output on a check sentence ("${refs[bad]!.input}": "${got[bad]}", the CPU gives "${expected[bad]}")`);
      } else {
        const cpu = await cpuModel(deps.encoderFor('cpu'));
        const [fast, slow] = [await medianMs(model, refs), await medianMs(cpu, refs)];
        const timing = `${ms(fast)} vs ${ms(slow)} on the CPU for ${refs.length} check sentences`;
        if (fast < slow * 0.9 || !requireFaster) {
          note(`same output as the CPU (${encoder} encoder), ${timing}${fast < slow * 0.9 ? '' : '; slower, kept: asked for'}`,
            true);
          reasons.push({ provider: 'cpu', used: false, reason: `${provider} passed its check`, ms: 0 });
          await releaseCpus();
          return { model, provider, encoder, reasons };
        }
        note(`not faster than the CPU (${timing})`);
      }
    } catch (error) {
      note(`failed while checking its output (${shortError(error)})`);
    }
    await model.release();
  }
  const started = performance.now();
  const encoder = deps.encoderFor('cpu');
  const model = await cpuModel(encoder);
  await releaseCpus(model);
  const why = accelerators.length === 0 ? (providers.includes('cpu') ? 'asked for' : 'no accelerator on this platform')
    : 'no accelerator passed its check';
  reasons.push({ provider: 'cpu', used: true, reason: why, ms: Number((performance.now() - started).toFixed(1)) });
  return { model, provider: 'cpu', encoder, providerNote: providerNote(reasons), reasons };
}

/** How loadModel opens the model. */
export interface LoadOptions {
  /** The encoder every provider runs (default: float on accelerators where the manifest has it, int8 on the CPU). */
  encoder?: EncoderKind;
}

/**
 * Verifies the model files of `modelDir` and opens them on the best provider of `providers` (default: the
 * platform's accelerators in order, then the CPU; given by name, an accelerator need not beat the CPU).
 * Rejects with UnknownProviderError for a provider name it does not know, before loading anything.
 */
export async function loadModel(modelDir: string, providers?: ProviderName[], threads = 2,
  options: LoadOptions = {}): Promise<LoadedModel> {
  const start = performance.now();
  const list = providers === undefined ? defaultProviders() : providerList(providers);
  if (options.encoder !== undefined && !(ENCODERS as readonly string[]).includes(options.encoder)) {
    throw new Error(`unknown encoder '${String(options.encoder)}' (expected one of ${ENCODERS.join(', ')})`);
  }
  // Loading onnxruntime-node (its JavaScript and native library) overlaps reading and hashing the model files;
  // a failure to load it surfaces where the sessions are created, after the files were found sound.
  loadOrt().catch(() => undefined);
  const manifest = await readManifest(modelDir);
  const hasFloat = manifest.files.encoder_float !== undefined;
  if (options.encoder === 'float' && !hasFloat) {
    throw new ModelFileError(`${modelDir}/manifest.json`, 'no float encoder (files.encoder_float) listed; build it with models/training/float_encoder.py');
  }
  const encoderFor = (provider: ProviderName): EncoderKind =>
    options.encoder ?? (provider !== 'cpu' && hasFloat ? 'float' : 'int8');
  // Both files are hashed at once; a problem is reported for the encoder first, as when they were checked in turn.
  const checked = await Promise.allSettled([verifyModelFile(modelDir, manifest, 'encoder'),
    verifyModelFile(modelDir, manifest, 'decoder')]);
  const [encoder, decoder] = checked.map((c) => {
    if (c.status === 'rejected') throw c.reason;
    return c.value;
  });
  // The float encoder is hashed only when a provider is about to run it (most machines never do).
  let floatPath: Promise<string> | undefined;
  const encoderPath = (kind: EncoderKind) => kind === 'int8' ? Promise.resolve(encoder!)
    : (floatPath ??= verifyModelFile(modelDir, manifest, 'encoder_float'));
  const dims = { layers: manifest.dims.dec_layers, heads: manifest.dims.heads, headDim: manifest.dims.head_dim,
    maxPositions: manifest.max_positions };
  const chosen = await chooseProvider(list, {
    open: async (provider, kind) => OrtModel.create({ encoder: await encoderPath(kind), decoder: decoder! }, dims,
      provider, threads, kind === 'float' ? 'batched' : 'single'),
    encoderFor,
    missing: (provider) => missingProviderFiles(provider, providers !== undefined),
    references: manifest.reference,
  }, { requireFaster: providers === undefined });
  return { model: chosen.model, provider: chosen.provider, providerNote: chosen.providerNote,
    providerReasons: chosen.reasons, encoder: chosen.encoder, manifest, loadMs: performance.now() - start };
}
