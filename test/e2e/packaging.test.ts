/**
 * Packs the app with the real electron-builder configuration (`--dir`, Linux x64) and inspects the result.
 * The Electron binary cannot be downloaded here, so a stand-in distribution is used: a script carrying
 * Electron's fuse sentinel, which also lets the test read back the fuses electron-builder flipped.
 * Checks what the issue asks of packaging: onnxruntime's binary and shared library outside the asar and
 * nothing else there (the engine's JavaScript stays inside, under the integrity check: issue 15, item 19),
 * only the target platform's binaries, the model as an extra resource, no tests or training code.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt } from './support/build.ts';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse order in Electron's wire (https://github.com/electron/fuses). */
const FUSES = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];

let work: string;
let resources: string;
let asarFiles: string[];

function fakeElectronDist(dir: string): void {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(`#!/bin/sh\nexit 0\n# ${SENTINEL}`), Buffer.from([1, FUSES.length]), Buffer.from('1'.repeat(FUSES.length)), Buffer.from('\n')]);
  writeFileSync(path.join(dir, 'electron'), wire);
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'version'), '45.5.0');
  writeFileSync(path.join(dir, 'LICENSE'), '');
  writeFileSync(path.join(dir, 'LICENSES.chromium.html'), '');
}

describe.skipIf(process.platform !== 'linux')('packaging (electron-builder --dir, linux x64)', () => {
  beforeAll(async () => {
    await ensureBuilt('renderer');
    await ensureBuilt('electron');
    work = mkdtempSync(path.join(os.tmpdir(), 'ogonek-pack-'));
    fakeElectronDist(path.join(work, 'electron-dist'));
    const result = spawnSync('nice', [process.execPath, path.join(ROOT, 'node_modules', 'electron-builder', 'cli.js'),
      '--config', 'electron-builder.yml', '--dir', '--linux', '--x64',
      `-c.electronDist=${path.join(work, 'electron-dist')}`, `-c.directories.output=${path.join(work, 'out')}`], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`electron-builder failed:\n${result.stdout}\n${result.stderr}`);
    resources = path.join(work, 'out', 'linux-unpacked', 'resources');
    const asar = await import('@electron/asar');
    asarFiles = asar.listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((p) => p.replaceAll('\\', '/'));
  }, 300_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('puts the built app in the asar, without source maps, tests or training code', () => {
    for (const file of ['/package.json', '/dist/renderer/index.html', '/dist-electron/main/main.js', '/dist-electron/preload/preload.cjs',
      '/build/tray/tray.png', '/build/icons/256x256.png']) {
      expect(asarFiles).toContain(file);
    }
    expect(asarFiles.filter((f) => /\.map$|^\/test\/|^\/models\/training|^\/renderer\/|^\/electron\//.test(f))).toEqual([]);
    expect(asarFiles.filter((f) => /^\/node_modules\/(dictionary-|nspell|fast-check|tsx|esbuild|vitest|playwright|electron\/)/.test(f))).toEqual([]);
  });

  it('unpacks onnxruntime-node\'s binding and shared library, for linux x64 only', () => {
    const bin = path.join(resources, 'app.asar.unpacked', 'node_modules', 'onnxruntime-node', 'bin', 'napi-v6');
    expect(readdirSync(bin)).toEqual(['linux']);
    expect(readdirSync(path.join(bin, 'linux'))).toEqual(['x64']);
    expect(readdirSync(path.join(bin, 'linux', 'x64')).sort()).toEqual(['libonnxruntime.so.1', 'onnxruntime_binding.node']);
    expect(asarFiles.filter((f) => f.includes('onnxruntime-node/bin/') && /(darwin|win32|arm64)/.test(f))).toEqual([]);
  });

  it('keeps only onnxruntime\'s native binaries outside the asar: no JavaScript there (issue 15, item 19)', () => {
    const unpacked = path.join(resources, 'app.asar.unpacked');
    expect(filesUnder(unpacked)).toEqual([
      'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/libonnxruntime.so.1',
      'node_modules/onnxruntime-node/bin/napi-v6/linux/x64/onnxruntime_binding.node',
    ]);
  });

  it('the engine\'s JavaScript, and onnxruntime\'s, is inside the asar', () => {
    for (const file of ['/dist-electron/engine/engine-process.js', '/dist-electron/engine/engine-worker.js',
      '/node_modules/onnxruntime-node/dist/index.js', '/node_modules/onnxruntime-node/dist/binding.js',
      '/node_modules/onnxruntime-common/package.json']) {
      expect(asarFiles).toContain(file);
    }
  });

  it('the engine runs from the asar\'s contents as Electron presents them (extracted, unpacked binaries merged), with the tiny model', async () => {
    const { fork } = await import('node:child_process');
    // Plain Node cannot read an asar; extracting it gives the tree Electron's asar support shows the engine,
    // with the unpacked binaries where the binding's require() expects them.
    const asar = await import('@electron/asar');
    const tree = path.join(work, 'extracted');
    asar.extractAll(path.join(resources, 'app.asar'), tree);
    const entry = path.join(tree, 'dist-electron', 'engine', 'engine-process.js');
    const child = fork(entry, [], { cwd: os.tmpdir(), stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const messages: { type: string; status?: { state: string }; result?: unknown }[] = [];
    child.on('message', (message) => messages.push(message as never));
    child.send({ type: 'init', modelDir: path.join(ROOT, 'test', 'fixtures', 'tiny-model') });
    child.send({ type: 'correct', id: 1, text: 'Labas rytas.', language: 'lt' });
    try {
      await expect.poll(() => messages.find((m) => m.type === 'result' || m.type === 'error'), { timeout: 60_000 }).toMatchObject({ type: 'result' });
    } finally {
      child.kill();
    }
    expect(messages.find((m) => m.type === 'status' && m.status?.state === 'ready'), stderr).toBeDefined();
  });

  it('ships the model folder as a resource outside the asar, without the training code', () => {
    const shipped = readdirSync(path.join(resources, 'models'));
    const expected = readdirSync(path.join(ROOT, 'models')).filter((name) => name !== 'training' && name !== '__pycache__' && !name.endsWith('.py'));
    expect(shipped.sort()).toEqual(expected.sort());
    if (existsSync(path.join(ROOT, 'models', 'manifest.json'))) expect(shipped).toContain('manifest.json');
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS or --inspect, asar only and verified', () => {
    const binary = readFileSync(path.join(work, 'out', 'linux-unpacked', 'ogonek'));
    const at = binary.indexOf(SENTINEL) + SENTINEL.length + 2;
    const fuses = Object.fromEntries(FUSES.map((name, i) => [name, String.fromCharCode(binary[at + i]!)]));
    expect(fuses).toMatchObject({
      runAsNode: '0', enableCookieEncryption: '1', enableNodeOptionsEnvironmentVariable: '0', enableNodeCliInspectArguments: '0',
      enableEmbeddedAsarIntegrityValidation: '1', onlyLoadAppFromAsar: '1', grantFileProtocolExtraPrivileges: '0',
    });
  });
});

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  }).sort();
}
