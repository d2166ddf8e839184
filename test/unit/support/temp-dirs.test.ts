/**
 * test/support/temp-dirs.ts: folders made in a suite are gone once the suite ends; a skipped suite makes none.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDirs } from '../../support/temp-dirs.ts';

const made: string[] = [];
const PREFIX = `ogonek-temp-dirs-${process.pid}-`;

describe('a suite that makes folders', () => {
  const tempDir = tempDirs();

  it('gets fresh folders under the OS temp folder, with the prefix', () => {
    made.push(tempDir(PREFIX), tempDir(PREFIX));
    writeFileSync(join(made[0]!, 'file.txt'), 'x');
    expect(made[0]).not.toBe(made[1]);
    for (const dir of made) expect(dir.startsWith(join(tmpdir(), PREFIX)) && existsSync(dir)).toBe(true);
  });
});

describe.skip('a skipped suite', () => {
  tempDirs();
  it('never runs', () => undefined);
});

describe('after those suites', () => {
  it('no folder of theirs is left', () => {
    expect(made).toHaveLength(2);
    expect(made.filter((dir) => existsSync(dir))).toEqual([]);
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith(PREFIX))).toEqual([]);
  });
});
