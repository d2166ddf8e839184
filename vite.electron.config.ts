import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig, type Plugin } from 'vite';

/**
 * Compiles the Electron side into dist-electron/ (one run per mode):
 * - `--mode main`: the main process. Package dependencies stay external and load from node_modules
 *   inside the asar.
 * - `--mode engine`: the engine's utility process and its worker thread, in one folder (worker-client.ts
 *   finds engine-worker.js next to itself), with everything but onnxruntime-node bundled in. The packaged
 *   app runs this folder from inside app.asar (Electron reads the asar in utility processes and worker
 *   threads too); only onnxruntime's native binaries are unpacked (electron-builder.yml, docs/security.md).
 * - `--mode preload`: the sandboxed preload as one CommonJS file, since a sandboxed preload cannot
 *   import ES modules or require anything but electron; zod and the contract are bundled into it.
 */
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const dependencies = Object.keys(pkg.dependencies);
const isExternal = (id: string) =>
  id === 'electron' || nodeBuiltins.includes(id) || dependencies.some((d) => id === d || id.startsWith(`${d}/`));
/** The .node binding cannot be bundled; everything else the engine uses can. */
const isEngineExternal = (id: string) => nodeBuiltins.includes(id) || id === 'onnxruntime-node' || id.startsWith('onnxruntime-node/');

/** Ships data files the engine reads next to its own module (new URL('./…', import.meta.url)). */
function engineData(files: string[]): Plugin {
  return {
    name: 'ogonek-engine-data',
    generateBundle() {
      for (const file of files) {
        this.emitFile({ type: 'asset', fileName: file.split('/').pop()!, source: readFileSync(file) });
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'preload') {
    return {
      build: {
        outDir: 'dist-electron/preload',
        emptyOutDir: true,
        target: 'node20',
        minify: false,
        sourcemap: true,
        lib: { entry: 'electron/preload/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
        rollupOptions: { external: ['electron'] },
      },
    };
  }
  const engine = mode === 'engine';
  return {
    plugins: engine ? [engineData(['electron/engine/language/language-profiles.json.gz'])] : [],
    build: {
      outDir: engine ? 'dist-electron/engine' : 'dist-electron/main',
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: true,
      ssr: true,
      rollupOptions: {
        input: engine
          ? { 'engine-process': 'electron/engine/host/engine-process.ts', 'engine-worker': 'electron/engine/worker/engine-worker.ts' }
          : { main: 'electron/main/main.ts' },
        external: engine ? isEngineExternal : isExternal,
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
    // Bundle (rather than externalise) the engine's package dependencies, e.g. zod.
    ssr: engine ? { noExternal: true, external: ['onnxruntime-node'] } : undefined,
  };
});
