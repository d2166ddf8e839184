/**
 * The Electron smoke test's skip message states the real reason (issue 15, item 14). It used to say
 * "ELECTRON_SKIP_BINARY_DOWNLOAD was set" whether or not it was; Electron 45 has no install-time download at all
 * (the binary comes on first use) and reads no such variable. Input: a stand-in electron package folder and an
 * environment; expected: the binary or the reason.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectron } from '../../e2e/support/electron-binary.ts';
import { tempDirs } from '../../support/temp-dirs.ts';

const tempDir = tempDirs();

/** An electron package folder: package.json, and optionally path.txt and the binary it names. */
function electronPackage(files: { pathTxt?: boolean; binary?: boolean }): string {
  const dir = tempDir('ogonek-electron-pkg-');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
  if (files.pathTxt) writeFileSync(join(dir, 'path.txt'), 'electron');
  if (files.binary) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'electron'), '');
  }
  return dir;
}

describe('findElectron', () => {
  it.each([
    [{}, {}, [/binary has not been downloaded/, /path\.txt is absent/, /fetches it from GitHub on first use, not at npm install/,
      /ELECTRON_SKIP_BINARY_DOWNLOAD is not set/]],
    [{}, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' }, [/binary has not been downloaded/,
      /ELECTRON_SKIP_BINARY_DOWNLOAD=1 is set, which Electron 45\.5\.0 ignores/]],
    [{ pathTxt: true }, {}, [/path\.txt names the Electron binary .*dist\/electron, but that file is missing/]],
    [{ pathTxt: true }, { ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' }, [/\/nowhere\/electron \(ELECTRON_OVERRIDE_DIST_PATH=\/nowhere\), but that file is missing/]],
  ])('package %j, env %j -> skipped, saying %s', (files, env, reasons) => {
    const found = findElectron(electronPackage(files), env);
    expect(found.binary).toBeNull();
    for (const reason of reasons) expect(found.reason).toMatch(reason);
  });

  it('never claims ELECTRON_SKIP_BINARY_DOWNLOAD was set when it is not', () => {
    expect(findElectron(electronPackage({}), {}).reason).not.toMatch(/ELECTRON_SKIP_BINARY_DOWNLOAD (was|is) set/);
  });

  it('package with path.txt and the binary -> that binary, no reason', () => {
    const dir = electronPackage({ pathTxt: true, binary: true });
    expect(findElectron(dir, {})).toEqual({ binary: join(dir, 'dist', 'electron'), reason: '' });
  });
});
