import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { defineConfig, type Plugin } from 'vite';

/**
 * Compiles the Electron side into dist-electron/ (run twice, by mode):
 * - `--mode main`: the main process, the engine's utility process and the engine's worker thread, as ES
 *   modules in one folder (worker-client.ts finds engine-worker.js next to itself). Every package
 *   dependency stays external and is loaded from node_modules: onnxruntime-node has a .node binary that
 *   a bundler cannot carry, and electron-builder packs node_modules anyway.
 * - `--mode preload`: the sandboxed preload as one CommonJS file, since a sandboxed preload cannot
 *   import ES modules or require anything but electron; zod and the contract are bundled into it.
 */
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const dependencies = Object.keys(pkg.dependencies);
const isExternal = (id: string) =>
  id === 'electron' || nodeBuiltins.includes(id) || dependencies.some((d) => id === d || id.startsWith(`${d}/`));

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
  return {
    plugins: [engineData(['electron/engine/language-profiles.json.gz'])],
    build: {
      outDir: 'dist-electron/main',
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: true,
      ssr: true,
      rollupOptions: {
        input: {
          main: 'electron/main/main.ts',
          'engine-process': 'electron/main/engine-process.ts',
          'engine-worker': 'electron/engine/engine-worker.ts',
        },
        external: isExternal,
        output: { format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  };
});
