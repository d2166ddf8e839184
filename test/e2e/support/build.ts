/**
 * Builds what the e2e suites run (the renderer; the Electron bundles) once: skipped when the output is
 * newer than every source it depends on, serialised across vitest workers with a lock directory.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** Where the built page lives (the same folder the app serves). */
export const RENDERER_DIST = path.join(ROOT, 'dist', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Output folder and sources of each build. */
const TARGETS = {
  renderer: {
    stamp: path.join(RENDERER_DIST, 'index.html'),
    sources: ['renderer', 'electron/shared', 'vite.renderer.config.ts'],
    configs: [{ configFile: 'vite.renderer.config.ts', mode: 'production' }],
  },
  electron: {
    stamp: path.join(ROOT, 'dist-electron', 'preload', 'preload.cjs'),
    sources: ['electron/main', 'electron/preload', 'electron/shared', 'electron/engine', 'vite.electron.config.ts'],
    configs: [
      { configFile: 'vite.electron.config.ts', mode: 'main' },
      { configFile: 'vite.electron.config.ts', mode: 'engine' },
      { configFile: 'vite.electron.config.ts', mode: 'preload' },
    ],
  },
} as const;

function newest(file: string): number {
  const full = path.join(ROOT, file);
  return statSync(full).isDirectory() ? newestMtime(full) : statSync(full).mtimeMs;
}

function isFresh(target: keyof typeof TARGETS): boolean {
  const { stamp, sources } = TARGETS[target];
  if (!existsSync(stamp)) return false;
  return statSync(stamp).mtimeMs > Math.max(...sources.map(newest));
}

/** Makes sure the build of `target` matches the current sources. */
export async function ensureBuilt(target: keyof typeof TARGETS): Promise<void> {
  const lock = path.join(ROOT, 'dist', `.${target}-build.lock`);
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A stale lock (a killed run) must not block forever.
      if (waited > 180_000 || Date.now() - statSync(lock).mtimeMs > 300_000) rmSync(lock, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    if (isFresh(target)) return;
    const { build } = await import('vite');
    for (const { configFile, mode } of TARGETS[target].configs) {
      await build({ configFile: path.join(ROOT, configFile), mode, logLevel: 'warn' });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Makes sure dist/renderer holds a build of the current sources. */
export function ensureRendererBuilt(): Promise<void> {
  return ensureBuilt('renderer');
}
