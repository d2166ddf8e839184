/**
 * models/manifest.json: reading, validation and sha256 verification of the model files it names. Every
 * failure is a ModelFileError naming the file and what is wrong with it, never a crash further down.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** One model file as the manifest lists it. */
export interface FileEntry {
  path: string;
  bytes: number;
  sha256: string;
}

/** The subset of models/manifest.json the engine relies on (other keys are kept but not checked). */
export interface Manifest {
  version: string;
  vocab: { pad: 0; eos: 1; bos: 2; byte_offset: 3; lang_tags: Record<string, number>; auto_tag: number };
  languages: string[];
  max_input_bytes: number;
  max_positions: number;
  dims: { dec_layers: number; heads: number; head_dim: number };
  files: { encoder: FileEntry; decoder: FileEntry; [role: string]: FileEntry };
  reference: Array<{ input: string; lang: string; output: string }>;
}

// Hand-written checks rather than a schema library: this runs at every model load, in the worker, where
// importing zod alone cost ~100 ms.
type Check = (value: unknown) => string | null;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const positiveInt: Check = (v) => (Number.isInteger(v) && (v as number) > 0 ? null : 'expected a positive integer');
const literal = (x: number): Check => (v) => (v === x ? null : `expected ${x} (models/ONNX-CONTRACT.md)`);
const fileEntry: Check = (v) => {
  if (!isObject(v)) return 'expected {path, bytes, sha256}';
  if (typeof v.path !== 'string' || v.path.length === 0) return 'path: expected a file name';
  if (!Number.isInteger(v.bytes) || (v.bytes as number) < 0) return 'bytes: expected a size';
  return typeof v.sha256 === 'string' && /^[0-9a-f]{64}$/.test(v.sha256) ? null : 'sha256: expected 64 hex digits';
};
const SHAPE: Array<[string, Check]> = [
  ['version', (v) => (typeof v === 'string' && v.length > 0 ? null : 'expected a version string')],
  ['vocab.pad', literal(0)], ['vocab.eos', literal(1)], ['vocab.bos', literal(2)], ['vocab.byte_offset', literal(3)],
  ['vocab.auto_tag', positiveInt],
  ['languages', (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string') ? null : 'expected language codes')],
  ['max_input_bytes', positiveInt], ['max_positions', positiveInt],
  ['dims.dec_layers', positiveInt], ['dims.heads', positiveInt], ['dims.head_dim', positiveInt],
  ['files.encoder', fileEntry], ['files.decoder', fileEntry],
];

function at(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (isObject(v) ? v[key] : undefined), value);
}

/** Checks a parsed manifest; returns the first problem as "key: what is wrong", or null. */
export function manifestProblem(json: unknown): string | null {
  for (const [path, check] of SHAPE) {
    const problem = check(at(json, path));
    if (problem) return `${path}: ${problem}`;
  }
  const files = at(json, 'files');
  for (const [role, entry] of Object.entries(files as Record<string, unknown>)) {
    const problem = fileEntry(entry);
    if (problem) return `files.${role}: ${problem}`;
  }
  const reference = at(json, 'reference');
  if (reference !== undefined && !(Array.isArray(reference) && reference.every((r) =>
    isObject(r) && typeof r.input === 'string' && typeof r.lang === 'string' && typeof r.output === 'string'))) {
    return 'reference: expected [{input, lang, output}]';
  }
  return null;
}

/** A model file is missing, truncated, corrupt, or the manifest itself is unusable. */
export class ModelFileError extends Error {
  constructor(readonly file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'ModelFileError';
  }
}

/** Reads and validates `<modelDir>/manifest.json`. */
export async function readManifest(modelDir: string): Promise<Manifest> {
  const path = resolve(modelDir, 'manifest.json');
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (error) {
    throw new ModelFileError(path, `cannot read the model manifest (${(error as NodeJS.ErrnoException).code ?? error})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new ModelFileError(path, `not valid JSON (${(error as Error).message})`);
  }
  const problem = manifestProblem(json);
  if (problem) throw new ModelFileError(path, `unexpected manifest: ${problem}`);
  const manifest = json as Manifest;
  return { ...manifest, reference: manifest.reference ?? [] };
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  // 1 MiB reads: the default 64 KiB made hashing the 2.3 MB model 36 thread-pool round trips, 80 ms of a
  // cold start on 2 busy cores; memory stays bounded for larger models.
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Checks that a model file exists with the manifest's size and sha256, and returns its absolute path.
 * The size check comes first so that a truncated download is reported as such, cheaply.
 */
export async function verifyModelFile(modelDir: string, manifest: Manifest, role: string): Promise<string> {
  const entry = manifest.files[role];
  if (!entry) throw new ModelFileError(join(modelDir, 'manifest.json'), `no '${role}' file listed`);
  const path = resolve(modelDir, entry.path);
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new ModelFileError(path, `missing (the manifest lists it as the ${role} model)`);
  }
  if (size !== entry.bytes) {
    throw new ModelFileError(path, `${size < entry.bytes ? 'truncated' : 'wrong size'}: ${size} bytes, expected ${entry.bytes}`);
  }
  const digest = await sha256(path);
  if (digest !== entry.sha256) throw new ModelFileError(path, `corrupt: sha256 ${digest}, expected ${entry.sha256}`);
  return path;
}
