/**
 * What the engine worker thread loads at its start: not zod (importing it cost 125-290 ms and 6-10 MB per start
 * on 2 shared cores, measured; the model files are hand-checked for the same reason). The worker protocol's
 * schemas are checked on the client's side, and modules the worker runs import the inferred types only.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../..', import.meta.url));

describe('the engine worker\'s imports', () => {
  it('no module of the worker thread imports zod at run time', async () => {
    const result = await build({ absWorkingDir: root, entryPoints: ['electron/engine/worker/engine-worker.ts'], bundle: true,
      write: false, format: 'esm', platform: 'node', packages: 'external', metafile: true, logLevel: 'silent' });
    const importers = Object.entries(result.metafile.inputs)
      .filter(([, input]) => input.imports.some((i) => i.path === 'zod' || i.path.startsWith('zod/')))
      .map(([file]) => file);
    expect(importers).toEqual([]);
  });
});
