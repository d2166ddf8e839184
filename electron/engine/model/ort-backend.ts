/**
 * The only module that imports onnxruntime-node: sessions for the two graphs of models/ONNX-CONTRACT.md and
 * the decoder step that decode.ts drives. It runs inside the engine worker (session.run blocks its thread).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ProviderName } from '../../shared/types.ts';
import type { StepModel, StepResult } from '../decoding/decode.ts';
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
 * Why a provider cannot even be tried here, or null. CUDA needs provider libraries that onnxruntime-node's
 * install step downloads; without them session creation fails after printing loader errors, so say it first.
 */
export function missingProviderFiles(provider: ProviderName): string | null {
  if (provider !== 'cuda' || process.platform !== 'linux') return null;
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

/** Encoder + decoder sessions on one provider, as a StepModel. */
export class OrtModel implements StepModel {
  readonly maxPositions: number;

  private constructor(private readonly ort: Ort, private readonly encoder: InferenceSession,
    private readonly decoder: InferenceSession, private readonly dims: GraphDims, readonly provider: ProviderName) {
    this.maxPositions = dims.maxPositions;
  }

  /** Creates both sessions; rejects (with ORT's message) when the provider cannot run them. */
  static async create(paths: { encoder: string; decoder: string }, dims: GraphDims, provider: ProviderName,
    threads: number): Promise<OrtModel> {
    const ort = await loadOrt();
    const options = sessionOptions(provider, threads);
    const encoder = await ort.InferenceSession.create(paths.encoder, options);
    try {
      const decoder = await ort.InferenceSession.create(paths.decoder, options);
      return new OrtModel(ort, encoder, decoder, dims, provider);
    } catch (error) {
      await encoder.release();
      throw error;
    }
  }

  async start(encoderIds: Int32Array): Promise<ScoringSession> {
    const { ort, dims } = this;
    const enc = await this.encoder.run({ input_ids: new ort.Tensor('int32', encoderIds, [1, encoderIds.length]) });
    const crossK = enc.cross_k!;
    const crossV = enc.cross_v!;
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
    await Promise.allSettled([this.encoder.release(), this.decoder.release()]);
  }
}

/**
 * A CPU session of the diacritics tagger (models/tagger.int8.onnx, electron/engine/tagger/). It runs where the
 * lexicon lattice is built, before the decoder's jobs are sent: one short pass per batch of sentences.
 */
export async function createOrtTaggerRunner(path: string, threads = 1):
  Promise<{ run(ids: Int32Array, langs: Int32Array, batch: number, chars: number): Promise<Float32Array>; release(): Promise<void> }> {
  const ort = await loadOrt();
  const session = await ort.InferenceSession.create(path, sessionOptions('cpu', threads));
  return {
    async run(ids, langs, batch, chars) {
      const out = await session.run({ ids: new ort.Tensor('int32', ids, [batch, chars]),
        lang: new ort.Tensor('int32', langs, [batch]) });
      return out.logits!.data as Float32Array;
    },
    release: () => session.release(),
  };
}
