import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

describe('word language model builder (models/training/lm/)', () => {
  it('passes its Python unit tests: hashes, discounts, distributions summing to one after pruning, ' +
    'continuation counts, file round trip and damage, collisions, the statutes cap, the file size per language, ' +
    'stored vs estimated, the suffix classes', () => {
    // -S: without site-packages, as on CI's plain Debian python3 (brotli through node)
    const run = spawnSync('/usr/bin/python3', ['-S', '-m', 'unittest', 'models.training.lm.test_lm'],
      { cwd: repo, encoding: 'utf8' });
    expect(run.stderr).toMatch(/Ran [1-9]\d* tests?[\s\S]*OK/);
    expect(run.status).toBe(0);
  });
});
