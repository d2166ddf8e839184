/**
 * models/manifest.json: reading, validation and sha256 verification of the model files it names. Every
 * failure is a ModelFileError naming the file and what is wrong with it, never a crash further down.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const FileEntry = z.object({ path: z.string().min(1), bytes: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** The subset of the manifest the engine relies on (unknown keys are kept, not rejected). */
export const ManifestSchema = z.looseObject({
  version: z.string().min(1),
  vocab: z.looseObject({
    pad: z.literal(0), eos: z.literal(1), bos: z.literal(2), byte_offset: z.literal(3),
    lang_tags: z.record(z.string(), z.number().int()), auto_tag: z.number().int(),
  }),
  languages: z.array(z.string()),
  max_input_bytes: z.number().int().positive(),
  max_positions: z.number().int().positive(),
  dims: z.looseObject({ dec_layers: z.number().int().positive(), heads: z.number().int().positive(),
    head_dim: z.number().int().positive() }),
  files: z.object({ encoder: FileEntry, decoder: FileEntry }).catchall(FileEntry),
  reference: z.array(z.object({ input: z.string(), lang: z.string(), output: z.string() })).default([]),
});

/** A validated manifest. */
export type Manifest = z.infer<typeof ManifestSchema>;

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
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ModelFileError(path, `unexpected manifest: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
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
