/**
 * Builds the renderer once for the e2e suites: skipped when dist/renderer is newer than every source it
 * depends on, serialised across vitest workers with a lock directory.
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

function isFresh(): boolean {
  const index = path.join(RENDERER_DIST, 'index.html');
  if (!existsSync(index)) return false;
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'renderer')),
    newestMtime(path.join(ROOT, 'electron', 'shared')),
    statSync(path.join(ROOT, 'vite.renderer.config.ts')).mtimeMs,
  );
  return statSync(index).mtimeMs > sources;
}

/** Makes sure dist/renderer holds a build of the current sources. */
export async function ensureRendererBuilt(): Promise<void> {
  const lock = path.join(ROOT, 'dist', '.renderer-build.lock');
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
    if (isFresh()) return;
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'vite.renderer.config.ts'), root: path.join(ROOT, 'renderer'), logLevel: 'warn' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
