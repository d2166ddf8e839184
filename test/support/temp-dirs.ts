/**
 * Temporary folders of a test file, removed together in afterAll (issue 15, item 13: `npm test` left about nine
 * ogonek-* folders in /tmp per run). afterAll also runs after a failed or timed-out test, whose own `finally` may
 * never run: vitest abandons a test at its timeout. Folders are made on demand, so a skipped suite makes none
 * (vitest runs no hooks for a file whose tests are all skipped).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * Registers the cleanup where it is called (a test file's top level, or a describe) and returns a function that
 * makes a folder `<os temp>/<prefix>XXXXXX` to be removed by it.
 */
export function tempDirs(): (prefix: string) => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return (prefix) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
