import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

describe('lexicon builder (models/training/lexicon/build.py)', () => {
  it('passes its Python unit tests: misspellings dropped, rare unlisted forms dropped, merge join, Turkish lower', () => {
    const run = spawnSync('/usr/bin/python3', ['-m', 'unittest', 'models.training.lexicon.test_build'],
      { cwd: repo, encoding: 'utf8' });
    expect(run.stderr).toMatch(/Ran [1-9]\d* tests?[\s\S]*OK/);
    expect(run.status).toBe(0);
  });
});
