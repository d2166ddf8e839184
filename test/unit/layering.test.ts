import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|mts|mjs|js)$/.test(name) ? [path] : [];
  });
}

const importsOf = (path: string, pkg: string) =>
  new RegExp(`(from\\s+|import\\s*\\(\\s*)['"]${pkg}['"]`).test(readFileSync(path, 'utf8'));

describe('engine layering (DESIGN.md section 2)', () => {
  it('exactly one module imports onnxruntime-node', () => {
    const files = [...sources(join(root, 'electron')), ...sources(join(root, 'bench'))]
      .filter((f) => importsOf(f, 'onnxruntime-node')).map((f) => relative(root, f));
    expect(files).toEqual(['electron/engine/model/ort-backend.ts']);
  });

  it('electron/engine never imports electron or the main process', () => {
    for (const file of sources(join(root, 'electron', 'engine'))) {
      expect(importsOf(file, 'electron'), file).toBe(false);
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/from\s+['"][./]*\/main\//);
    }
  });
});
