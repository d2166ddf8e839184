/**
 * Finds the Electron binary the smoke test would launch, without require('electron'): with Electron 45 that
 * call downloads the binary when it is missing, and a test must not touch the network. When there is none,
 * says why in terms that are true: Electron 45 has no install step (the binary comes on first use, e.g. the
 * first `npm start`), so ELECTRON_SKIP_BINARY_DOWNLOAD, which older Electron's install script read, decides
 * nothing; the message still says whether it is set, since people look for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ElectronBinary {
  binary: string | null;
  /** Why there is no binary ('' when there is one). */
  reason: string;
}

export function findElectron(packageDir: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const skipVar = env.ELECTRON_SKIP_BINARY_DOWNLOAD
    ? `ELECTRON_SKIP_BINARY_DOWNLOAD=${env.ELECTRON_SKIP_BINARY_DOWNLOAD} is set, which Electron ${version} ignores`
    : 'ELECTRON_SKIP_BINARY_DOWNLOAD is not set, and Electron ' + version + ' ignores it anyway';
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      binary: null,
      reason: `the Electron ${version} binary has not been downloaded (${pathFile} is absent). Electron ${version} ` +
        `fetches it from GitHub on first use, not at npm install, and this test never starts that download; ` +
        `\`npm start\` does (or see README, Desktop app, to install it offline). (${skipVar}.)`,
    };
  }
  const relative = readFileSync(pathFile, 'utf8');
  const distDir = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(distDir, relative);
  if (existsSync(binary)) return { binary, reason: '' };
  const where = env.ELECTRON_OVERRIDE_DIST_PATH ? ` (ELECTRON_OVERRIDE_DIST_PATH=${env.ELECTRON_OVERRIDE_DIST_PATH})` : '';
  return { binary: null, reason: `path.txt names the Electron binary ${binary}${where}, but that file is missing` };
}
