/**
 * `npm start` where the Electron binary cannot be downloaded (issue 15, item 12). Electron 45 fetches its binary
 * on first use; before, a failed fetch came out as "TypeError: fetch failed" and "Electron failed to install
 * correctly", after the whole build. Now bin/start-app.mjs looks for the binary first and says plainly what failed,
 * how to install Electron offline, and that the CLI needs none of it. The download is pointed at a closed
 * loopback port (ELECTRON_MIRROR) so it fails at once, without the network. The cache path it prints is checked
 * against Electron's installer itself: a zip put there is found (a "Cache hit" in @electron/get's debug log).
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ELECTRON = join(ROOT, 'node_modules', 'electron');
const pathFile = join(ELECTRON, 'path.txt');
const HAS_BINARY = existsSync(pathFile) && existsSync(join(ELECTRON, 'dist', readFileSync(pathFile, 'utf8')));
if (HAS_BINARY) console.log('start-app-without-electron: skipped, the Electron binary is installed here (npm start would run the app)');

describe.skipIf(HAS_BINARY)('npm start without the Electron binary', () => {
  let run: SpawnSyncReturns<string>;
  let output = '';
  let cache = '';
  let env: NodeJS.ProcessEnv = {};
  beforeAll(() => {
    cache = mkdtempSync(join(tmpdir(), 'ogonek-electron-cache-'));
    env = { ...process.env, ELECTRON_MIRROR: 'http://127.0.0.1:9/', electron_config_cache: cache };
    for (const name of ['npm_config_electron_mirror', 'ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_CUSTOM_DIR']) delete env[name];
    run = spawnSync('npm', ['start'], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
    output = `${run.stdout}\n${run.stderr}`;
  });
  afterAll(() => rmSync(cache, { recursive: true, force: true }));

  it('fails with exit code 1, before building anything', () => {
    expect(run.status, output).toBe(1);
    expect(output).not.toMatch(/npm run build|build:renderer|vite/);
  });

  it.each([
    ['what failed', /the Electron binary could not be downloaded \(TypeError: fetch failed\)/],
    ['where from', /tried http:\/\/127\.0\.0\.1:9\/v\d+\.\d+\.\d+\/electron-v\d+\.\d+\.\d+-\w+-\w+\.zip/],
    ['the mirror variable', /ELECTRON_MIRROR=/],
    ['the local zip and the cache setting', /copy electron-v[\d.]+-\w+-\w+\.zip[\s\S]*electron_config_cache=/],
    ['that the CLI works without it', /The command line works without Electron: .*npx ogonek fix --lang lt/],
  ])('says %s', (_what, text) => {
    expect(run.stderr).toMatch(text);
  });

  it('does not show Electron\'s own misleading message', () => {
    expect(output).not.toContain('Electron failed to install correctly');
  });

  it('names the path where Electron\'s installer looks for the zip', () => {
    const printed = new RegExp(`${cache.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[0-9a-f]{64}/electron-v[\\d.]+-\\w+-\\w+\\.zip`).exec(run.stderr)?.[0];
    expect(printed, run.stderr).toBeDefined();
    mkdirSync(dirname(printed!), { recursive: true });
    writeFileSync(printed!, 'not a real zip');
    const install = spawnSync(process.execPath, [join(ELECTRON, 'install.js')], {
      env: { ...env, DEBUG: '@electron/get:*' }, encoding: 'utf8', timeout: 60_000,
    });
    expect(install.stderr).toContain('Cache hit');
    // The fake fails the checksum, so the installer tries the (closed) mirror and installs nothing.
    expect(install.status).not.toBe(0);
    expect(existsSync(join(ELECTRON, 'dist'))).toBe(false);
  });
});
