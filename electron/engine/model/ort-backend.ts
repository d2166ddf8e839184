/**
 * The only module that imports onnxruntime-node: sessions for the two graphs of models/ONNX-CONTRACT.md and
 * the decoder step that decode.ts drives. It runs inside the engine worker (session.run blocks its thread).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ProviderName } from '../../shared/types.ts';
import type { StepModel, StepResult } from '../decoding/decode.ts';
import { encoderBatches, padRows, sentenceBlock } from './encoder-batches.ts';
import type { ScoreResult, ScoringSession } from '../decoding/lexicon-decode.ts';
import { disableOrtTelemetry } from './ort-telemetry.ts';

type Ort = typeof import('onnxruntime-node');
type InferenceSession = import('onnxruntime-node').InferenceSession;
type SessionOptions = import('onnxruntime-node').InferenceSession.SessionOptions;
type Tensor = import('onnxruntime-node').Tensor;

let ortPromise: Promise<Ort> | undefined;

/**
 * onnxruntime-node, imported lazily: loading its native binding can fail on an unsupported platform. Its
 * telemetry is switched off first (ort-telemetry.ts); in a worker that was started without the switch this
 * rejects instead of loading.
 */
export function loadOrt(): Promise<Ort> {
  ortPromise ??= Promise.resolve()
    .then(disableOrtTelemetry)
    .then(() => import('onnxruntime-node'))
    .then((m) => ((m as { default?: Ort }).default ?? m) as Ort);
  return ortPromise;
}

/** Folder of the installed onnxruntime-node package (found without loading its native binding). */
function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('onnxruntime-node/package.json'));
}

/** Version of the installed onnxruntime-node. */
export function ortVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

/**
 * Whether the Vulkan loader (libvulkan.so.1), which WebGPU (Dawn) needs on Linux, can be found: in the dynamic
 * linker's cache (ldconfig; it holds the library names as plain strings) or in LD_LIBRARY_PATH.
 */
function hasVulkanLoader(): boolean {
  try {
    if (readFileSync('/etc/ld.so.cache').includes('libvulkan.so.1')) return true;
  } catch {
    // no cache (a minimal container): look at LD_LIBRARY_PATH alone
  }
  return (process.env.LD_LIBRARY_PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, 'libvulkan.so.1')));
}

/**
 * Why a provider cannot even be tried here, or null. CUDA needs provider libraries that onnxruntime-node's
 * install step downloads; without them session creation fails after printing loader errors, so say it first.
 * WebGPU on Linux needs a Vulkan loader; without one, Dawn prints a warning on stderr (into `ogonek fix`'s
 * output) before failing, so the automatic choice skips it. Asked for by name (`named`), it is tried anyway:
 * the reason is then WebGPU's own error.
 */
export function missingProviderFiles(provider: ProviderName, named = false): string | null {
  if (process.platform !== 'linux') return null;
  if (provider === 'webgpu') {
    return named || hasVulkanLoader() ? null : 'no Vulkan loader (libvulkan.so.1) on this system, which WebGPU needs here';
  }
  if (provider !== 'cuda') return null;
  try {
    const lib = join(packageDir(), 'bin', 'napi-v6', 'linux', process.arch, 'libonnxruntime_providers_cuda.so');
    return existsSync(lib) ? null : 'the CUDA provider library is not installed (onnxruntime-node install step skipped)';
  } catch {
    return null;
  }
}

/** Session options for one provider (DESIGN.md section 7). */
function sessionOptions(provider: ProviderName, threads: number): SessionOptions {
  const common: SessionOptions = {
    graphOptimizationLevel: 'all',
    executionMode: 'sequential',
    interOpNumThreads: 1,
    intraOpNumThreads: threads,
    // Warnings (e.g. unused initializers) are noise in a desktop app; errors still reach stderr.
    logSeverityLevel: 3,
    // Idle pool threads must not spin between keystrokes.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
  if (provider === 'cpu') return { ...common, executionProviders: ['cpu'] };
  // DirectML wants no memory pattern and sequential execution (its docs); harmless for the others.
  return { ...common, enableMemPattern: false, executionProviders: [provider] };
}

/** Graph dimensions the decoder cache needs. */
export interface GraphDims {
  layers: number;
  heads: number;
  headDim: number;
  maxPositions: number;
}

/**
 * The encoder graph's shape (models/ONNX-CONTRACT.md): `single` takes one sentence [1, S] and gives
 * [L, H, S, D] (the int8 encoder.int8.onnx); `batched` takes [B, S] right-padded with PAD and gives
 * [B, L, H, S, D] (the float encoder.float.onnx that GPU providers run).
 */
export type EncoderLayout = 'single' | 'batched';

type Cross = { crossK: Tensor; crossV: Tensor };
const idsKey = (ids: Int32Array) => ids.join(',');

/** Encoder + decoder sessions on one provider, as a StepModel. */
export class OrtModel implements StepModel {
  readonly maxPositions: number;
  /** Encoder outputs computed ahead by prepare(), by encoder ids, taken by start(). */
  private prepared = new Map<string, Cross>();

  private constructor(private readonly ort: Ort, private readonly encoder: InferenceSession,
    private readonly decoder: InferenceSession, private readonly dims: GraphDims, readonly provider: ProviderName,
    readonly layout: EncoderLayout) {
    this.maxPositions = dims.maxPositions;
  }

  /** Creates both sessions; rejects (with ORT's message) when the provider cannot run them. */
  static async create(paths: { encoder: string; decoder: string }, dims: GraphDims, provider: ProviderName,
    threads: number, layout: EncoderLayout = 'single'): Promise<OrtModel> {
    const ort = await loadOrt();
    const options = sessionOptions(provider, threads);
    const encoder = await ort.InferenceSession.create(paths.encoder, options);
    try {
      const decoder = await ort.InferenceSession.create(paths.decoder, options);
      return new OrtModel(ort, encoder, decoder, dims, provider, layout);
    } catch (error) {
      await encoder.release();
      throw error;
    }
  }

  /**
   * Runs the batched encoder over the sentences about to be decoded, in a few large calls (encoder-batches.ts),
   * so that start() finds their outputs ready; what an earlier prepare() left unused is dropped. A single-sentence
   * encoder (the CPU's int8 graph) gains nothing from this: it does nothing, and start() encodes as it goes.
   */
  async prepare(sentences: Int32Array[]): Promise<void> {
    this.prepared.clear();
    if (this.layout !== 'batched' || sentences.length < 2) return;
    const { ort, dims } = this;
    for (const batch of encoderBatches(sentences.map((s) => s.length))) {
      const rows = batch.map((i) => sentences[i]!);
      const { data, width } = padRows(rows);
      const out = await this.encoder.run({ input_ids: new ort.Tensor('int32', data, [rows.length, width]) });
      const shape = { layers: dims.layers, heads: dims.heads, width, headDim: dims.headDim };
      rows.forEach((ids, b) => {
        const cut = (t: Tensor) => new ort.Tensor('float32', sentenceBlock(t.data as Float32Array, b, shape, ids.length),
          [dims.layers, dims.heads, ids.length, dims.headDim]);
        this.prepared.set(idsKey(ids), { crossK: cut(out.cross_k!), crossV: cut(out.cross_v!) });
      });
    }
  }

  /** The encoder output of one sentence: prepared ahead, or computed now. */
  private async encode(encoderIds: Int32Array): Promise<Cross> {
    const key = idsKey(encoderIds);
    const ready = this.prepared.get(key);
    if (ready) {
      this.prepared.delete(key);
      return ready;
    }
    const { ort, dims } = this;
    const enc = await this.encoder.run({ input_ids: new ort.Tensor('int32', encoderIds, [1, encoderIds.length]) });
    if (this.layout === 'single') return { crossK: enc.cross_k!, crossV: enc.cross_v! };
    // [1, L, H, S, D] holds the same data as the decoder's [L, H, S, D].
    const shape = [dims.layers, dims.heads, encoderIds.length, dims.headDim];
    return { crossK: new ort.Tensor('float32', enc.cross_k!.data as Float32Array, shape),
      crossV: new ort.Tensor('float32', enc.cross_v!.data as Float32Array, shape) };
  }

  async start(encoderIds: Int32Array): Promise<ScoringSession> {
    const { ort, dims } = this;
    const { crossK, crossV } = await this.encode(encoderIds);
    const empty = new Float32Array(0);
    const emptyShape = [dims.layers, dims.heads, 0, dims.headDim];
    let selfK: Tensor = new ort.Tensor('float32', empty, emptyShape);
    let selfV: Tensor = new ort.Tensor('float32', empty, emptyShape);
    const pastLen = new Int32Array(1);
    const decoder = this.decoder;
    /** One decoder pass; the returned cache covers [0, past + Q), so a later smaller past_len rolls it back for free. */
    const runDecoder = async (queryIds: Int32Array, past: number, fetches: string[]) => {
      pastLen[0] = past;
      const out = await decoder.run({
        input_ids: new ort.Tensor('int32', queryIds, [1, queryIds.length]),
        past_len: new ort.Tensor('int32', pastLen, [1]),
        self_k: selfK, self_v: selfV, cross_k: crossK, cross_v: crossV,
      }, [...fetches, 'new_self_k', 'new_self_v']);
      selfK = out.new_self_k!;
      selfV = out.new_self_v!;
      return out;
    };
    return {
      async step(queryIds: Int32Array, past: number): Promise<StepResult> {
        const out = await runDecoder(queryIds, past, ['next_ids', 'next_probs']);
        return { nextIds: out.next_ids!.data as Int32Array, nextProbs: out.next_probs!.data as Float32Array };
      },
      // Lexicon decoding (lexicon-decode.ts): log-probabilities of a candidate, and a way back to its cache.
      async score(queryIds: Int32Array, past: number): Promise<ScoreResult> {
        const out = await runDecoder(queryIds, past, ['log_probs']);
        const logProbs = out.log_probs!;
        return { logProbs: logProbs.data as Float32Array, vocab: logProbs.dims[2]!, cache: [selfK, selfV] };
      },
      restore(cache: unknown): void {
        [selfK, selfV] = cache as [Tensor, Tensor];
      },
    };
  }

  /** Frees both sessions. */
  async release(): Promise<void> {
    this.prepared.clear();
    await Promise.allSettled([this.encoder.release(), this.decoder.release()]);
  }
}

/**
 * A CPU session of the diacritics tagger (models/tagger.<langs>.int8.onnx, electron/engine/tagger/). It runs where the
 * lexicon lattice is built, before the decoder's jobs are sent: one short pass per batch of sentences.
 */
export async function createOrtTaggerRunner(path: string, threads = 1):
  Promise<{ run(ids: Int32Array, langs: Int32Array, batch: number, chars: number): Promise<Float32Array>; release(): Promise<void> }> {
  const ort = await loadOrt();
  // No arena: it keeps the largest batch's buffers for the life of the process (measured: peak RSS 426 -> 473 MB
  // with it in npm run bench) for a graph that runs once per batch of sentences.
  const session = await ort.InferenceSession.create(path,
    { ...sessionOptions('cpu', threads), enableCpuMemArena: false, enableMemPattern: false });
  return {
    async run(ids, langs, batch, chars) {
      const out = await session.run({ ids: new ort.Tensor('int32', ids, [batch, chars]),
        lang: new ort.Tensor('int32', langs, [batch]) });
      return out.logits!.data as Float32Array;
    },
    release: () => session.release(),
  };
}
