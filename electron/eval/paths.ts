/**
 * Where the evaluation finds its data. The shared folder sits beside the clone (../shared); OGONEK_SHARED
 * overrides it, for a checkout that lives elsewhere.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is electron/eval/paths.ts). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** ../shared relative to the repository, or $OGONEK_SHARED. */
export function sharedDir(): string {
  return process.env.OGONEK_SHARED ?? join(REPO_ROOT, '..', 'shared');
}

/** The shipped model (models/manifest.json and the ONNX graphs). */
export const DEFAULT_MODEL_DIR = join(REPO_ROOT, 'models');
