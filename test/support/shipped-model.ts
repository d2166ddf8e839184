/**
 * Whether the shipped model (models/manifest.json) and the files a test of it needs (paths under models/) are
 * there: the engine tests that use them are skipped otherwise, and say so once, naming what is missing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MODEL_DIR } from '../../electron/engine/index.ts';

export function shippedModelReady(test: string, ...files: string[]): boolean {
  const missing = ['manifest.json', ...files].filter((file) => !existsSync(join(DEFAULT_MODEL_DIR, file)));
  if (missing.length > 0) console.log(`${test}: skipped, no models/${missing.join(' or models/')}`);
  return missing.length === 0;
}
