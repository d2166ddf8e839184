import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../..', import.meta.url));

/** Python suites of models/training that have no TypeScript twin of their own (Debian's python3; torch where they need it). */
const SUITES: Array<{ module: string; needs?: string; what: string }> = [
  { module: 'models.training.corpus.test_corpus', what: 'corpus cleaning, Romanian cedillas, benchmark keys, word lists, the news and informal dev sets' },
  { module: 'models.training.tagger.test_tagger', needs: 'torch', what: 'tagger alphabet, training targets, masks' },
  { module: 'models.training.tagger.test_pipeline', needs: 'torch', what: 'pipeline steps, worker batches, packed sample, int8 gate and install' },
  { module: 'models.training.tests.test_data', needs: 'numpy', what: 'the byte model\'s training text: train, more and laws files, the statutes\' share' },
  { module: 'models.training.tests.test_train', needs: 'torch', what: 'the byte model\'s training loop trains, profiles its steps when asked and resumes' },
  { module: 'models.training.tests.test_recover', needs: 'torch', what: 'the byte model\'s checkpoint rebuilt from the shipped graphs re-exports to them' },
];

function hasModule(name: string): boolean {
  return spawnSync('/usr/bin/python3', ['-c', `import ${name}`]).status === 0;
}

describe('Python unit suites (models/training)', () => {
  for (const suite of SUITES) {
    const missing = suite.needs && !hasModule(suite.needs);
    it.skipIf(missing)(`${suite.module}: ${suite.what}${missing ? ` (skipped: python3-${suite.needs} is not installed)` : ''}`, () => {
      const run = spawnSync('/usr/bin/python3', ['-m', 'unittest', suite.module], { cwd: repo, encoding: 'utf8' });
      expect(run.stderr).toMatch(/Ran [1-9]\d* tests?[\s\S]*OK/);
      expect(run.status).toBe(0);
    }, 60_000);
  }
});
