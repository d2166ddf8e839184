/**
 * Which model the e2e suites run: the shipped one in models/ when it is there, else the engine's tiny
 * random-weight fixture (good for plumbing, useless for quality), else none (the suites skip and say why).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './build.ts';

export interface ModelChoice {
  dir: string | null;
  /** True for the trained model: its suggestions can be asserted. */
  real: boolean;
  /** Why tests that need the real model are skipped. */
  reason: string;
}

/** Finds the model to test with. */
export function chooseModel(): ModelChoice {
  const shipped = path.join(ROOT, 'models');
  if (existsSync(path.join(shipped, 'manifest.json'))) return { dir: shipped, real: true, reason: '' };
  const tiny = path.join(ROOT, 'test', 'fixtures', 'tiny-model');
  if (existsSync(path.join(tiny, 'manifest.json'))) {
    return { dir: tiny, real: false, reason: 'models/manifest.json is missing: only the tiny random-weight model is available, which makes no real suggestions' };
  }
  return { dir: null, real: false, reason: 'no model found (neither models/manifest.json nor test/fixtures/tiny-model)' };
}
