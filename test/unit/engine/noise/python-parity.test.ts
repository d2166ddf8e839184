/**
 * The Python twin (models/training/noise.py) is part of `npm test`: its own unit tests run here, and random
 * strings go through both implementations, which must agree exactly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOISE_TABLES, addTypos, stripDiacritics } from '../../../../electron/engine/noise/index.ts';
import { LANGUAGES, type LanguageCode } from '../../../../electron/shared/types.ts';

const PYTHON = '/usr/bin/python3';
const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
const hasPython = existsSync(PYTHON);
if (!hasPython) console.warn(`noise-python: skipped, ${PYTHON} is absent (the Python twin is not checked)`);

function python(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(PYTHON, args, { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Job {
  text: string;
  lang: LanguageCode;
  p: number;
  seed: number;
}

// Characters whose Unicode properties agree between Node's ICU and Debian's Python (Unicode 14): every letter
// of the tables, ASCII, combining marks, other scripts, emoji, lone surrogates.
const alphabet = [
  ...new Set([
    ...Object.keys(NOISE_TABLES.strip.generic),
    ...Object.values(NOISE_TABLES.strip.languages).flatMap((t) => Object.keys(t)),
    ...'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ  .,;:!?\'"-\t\n0123456789ßẞæœþÞð',
    '\u0301', '\u0302', '\u0303', '\u0307', '\u0308', '\u030c', '\u0323', '\u0327', '\u0328', '\u031b',
    'ж', 'Д', 'α', 'Ω', '日', 'が', '한', '👍', '🇱', '🇹', '\u200d', '\ufe0f', '\ud800', '\udc00',
  ]),
];
const jobArb: fc.Arbitrary<Job> = fc.record({
  text: fc.oneof(
    fc.string({ unit: fc.constantFrom(...alphabet), maxLength: 60 }),
    fc.string({ unit: fc.constantFrom(...alphabet.slice(0, 200), ' ', 'a', 'e', 'o'), maxLength: 60 }).map((s) => s.normalize('NFD')),
  ),
  lang: fc.constantFrom(...LANGUAGES),
  p: fc.oneof(fc.constantFrom(0, 0.02, 0.05, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })),
  seed: fc.integer({ min: -(2 ** 31), max: 2 ** 32 + 100 }),
});

describe.skipIf(!hasPython)('Python twin (models/training/noise.py)', () => {
  it('passes its own tests (models/training/tests/test_noise.py)', () => {
    const r = python(['models/training/tests/test_noise.py']);
    expect(r.status, r.stderr).toBe(0);
  });

  it('agrees with TypeScript on 2000 random strings, every language, many seeds and rates', () => {
    const jobs = fc.sample(jobArb, { numRuns: 2000, seed: 20_240_601 });
    const r = python(['models/training/noise.py', 'apply'], JSON.stringify(jobs));
    expect(r.status, r.stderr).toBe(0);
    const results = JSON.parse(r.stdout) as Array<{ stripped: string; typos: string }>;
    expect(results).toHaveLength(jobs.length);
    jobs.forEach((job, i) => {
      expect({ job, stripped: stripDiacritics(job.text, job.lang), typos: addTypos(job.text, job.lang, job.p, job.seed) })
        .toEqual({ job, ...results[i] });
    });
  });
});
