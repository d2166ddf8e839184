#!/usr/bin/env node
// `npm start`: builds the app and runs it in Electron. Electron 45 has no install step: its package fetches the
// binary from GitHub the first time it is used, and where GitHub cannot be reached it printed "TypeError: fetch
// failed" and "Electron failed to install correctly", after the whole build. So the binary is looked for (and
// fetched, through Electron's own installer) before anything is built, and when it cannot be had this says so
// plainly: what failed, how to install it offline, and that the command line does not need it.
// Plain JavaScript: it runs before anything is built, and a test runs it as a user would.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = path.dirname(require.resolve('electron/package.json'));
const { version } = JSON.parse(readFileSync(path.join(electronDir, 'package.json'), 'utf8'));

/** The Electron executable, as electron/index.js finds it, or null when it is not there. */
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8');
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : path.join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

/** Where @electron/get (Electron's installer) first looks for the zip: its cache, keyed by the download folder. */
function zipInCache() {
  const platform = process.env.ELECTRON_INSTALL_PLATFORM || process.env.npm_config_platform || process.platform;
  const arch = process.env.ELECTRON_INSTALL_ARCH || process.env.npm_config_arch || process.arch;
  const zip = `electron-v${version}-${platform}-${arch}.zip`;
  // Same rules as @electron/get's artifact-utils.js and Cache.js (mirror, custom folder, cache root).
  const mirror = mirrorVar('mirror', 'mirror') || 'https://github.com/electron/electron/releases/download/';
  const folder = (mirrorVar('customDir', 'custom_dir') || `v${version}`).replace('{{ version }}', version);
  const key = createHash('sha256').update(new URL(`${mirror}${folder}`).toString()).digest('hex');
  return { zip, url: `${mirror}${folder}/${zip}`, path: path.join(process.env.electron_config_cache || defaultCacheRoot(), key, zip) };
}

/** A setting of Electron's installer, read from the places @electron/get's mirrorVar reads, in its order. */
function mirrorVar(name, snake) {
  const env = process.env;
  return env[`npm_config_electron_${name.toLowerCase()}`] || env[`NPM_CONFIG_ELECTRON_${snake.toUpperCase()}`] ||
    env[`npm_config_electron_${snake}`] || env[`npm_package_config_electron_${name}`] ||
    env[`npm_package_config_electron_${snake}`] || env[`ELECTRON_${snake.toUpperCase()}`];
}

/** env-paths('electron', { suffix: '' }).cache, which @electron/get uses when electron_config_cache is unset. */
function defaultCacheRoot() {
  const home = os.homedir();
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Caches', 'electron');
  if (process.platform === 'win32') {
    return path.join(process.env.LOCALAPPDATA || path.join(home, 'AppData', 'Local'), 'electron', 'Cache');
  }
  return path.join(process.env.XDG_CACHE_HOME || path.join(home, '.cache'), 'electron');
}

/** The installer's own words, without its stack trace: the first line of what it printed. */
function firstLine(text) {
  return text.split('\n').map((line) => line.trim()).find((line) => line && !line.startsWith('at ')) || 'no output';
}

let binary = electronBinary();
if (!binary) {
  console.error(`ogonek: the Electron ${version} binary is not installed yet; fetching it (Electron's installer) …`);
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8' });
  binary = install.status === 0 ? electronBinary() : null;
  if (!binary) {
    const cached = zipInCache();
    const why = install.error ? install.error.message : firstLine(`${install.stderr}\n${install.stdout}`);
    console.error(`
ogonek: the Electron binary could not be downloaded (${why}).
The desktop app needs it. Electron's installer tried ${cached.url}

To install it without access to GitHub, either
  - point ELECTRON_MIRROR at a mirror of Electron's releases (a folder holding v${version}/${cached.zip}):
      ELECTRON_MIRROR=https://mirror.example/electron/ npm start
  - or copy ${cached.zip} (from Electron's releases, unchanged: its sha256 is checked) to
      ${cached.path}
    and run npm start again. That folder is Electron's download cache; electron_config_cache=<folder> moves it
    (keep the same sub-folder name, which depends on the mirror).

The command line works without Electron: echo "Siandien labai grazus oras" | npx ogonek fix --lang lt
`);
    process.exit(1);
  }
}

const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit', windowsHide: false });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
