// The CLI's bundle (dist-cli/): electron/cli.ts and the engine worker compiled by esbuild into plain
// JavaScript, so that `ogonek fix` starts without transpiling TypeScript (tsx took about 1 s of every start
// on a 2-core machine). Plain JavaScript on purpose: bin/ogonek.js imports this before anything is compiled.
//
// Why a bundle can never run stale: each build records the sha256 of every file it was made from (esbuild's
// metafile lists them) and bundleState() re-hashes those files before every start (about 60 small files,
// a few ms). Content, not mtimes: a checkout, `cp -p` or an unpacked archive can give a changed file an
// older mtime than the bundle. A source that changes without its importer changing cannot be missed,
// since the importer is itself an input; a new import is a change to an input.
//
// Why builds live in dist-cli/<fingerprint>/ and dist-cli/current.json names the one to run: a build
// (npm install's `prepare`, or bin/ogonek.js after a source changed) may happen while another ogonek
// process is still loading chunks or starting its worker from the previous one (vitest runs the CLI from
// several workers at once). A build is written to a temporary folder, renamed into place, and only then
// made current by an atomic rename of current.json; old builds are removed only once they are an hour old.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository (or installed package) root: this file is bin/cli-bundle.mjs. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Entry points, relative to the root: the dispatcher and the engine worker's thread. */
export const ENGINE_WORKER_ENTRY = 'electron/engine/worker/engine-worker.ts';
const ENTRIES = { cli: 'electron/cli.ts', 'engine-worker': ENGINE_WORKER_ENTRY };

/** Files that shape the output without being modules of the bundle. */
const BUILD_INPUTS = ['bin/cli-bundle.mjs', 'tsconfig.json'];

/**
 * Modules whose import.meta.url must stay the bundle's own. worker-client.ts looks for the worker entry,
 * which is a build output: engine-worker.js beside the bundle (the convention of the app's engine build in
 * vite.electron.config.ts). Every other module gets its source file's URL, see sourceUrls().
 */
const KEEP_BUNDLE_URL = new Set(['electron/engine/worker/worker-client.ts']);

const FINGERPRINT_FILE = 'current.json';
const OLD_BUILD_MS = 60 * 60 * 1000;

const bundleRoot = (root) => path.join(root, 'dist-cli');

/**
 * sha256 over the names and contents of `files` (relative to root); null when one is missing. `read` gives
 * the content a build actually compiled, so a file saved during the build makes the bundle stale at once.
 */
function fingerprint(root, files, read = (file) => readFileSync(path.join(root, file))) {
  const hash = createHash('sha256');
  for (const file of [...files].sort()) {
    let content;
    try {
      content = read(file);
    } catch {
      return null;
    }
    hash.update(`${file}\0${content.length}\0`).update(content);
  }
  return hash.digest('hex');
}

/**
 * Whether dist-cli holds a bundle of the current sources: `{ state: 'fresh', entry }` (the file to import),
 * or `{ state: 'missing' | 'stale', reason }`.
 */
export function bundleState(root = ROOT) {
  let current;
  try {
    current = JSON.parse(readFileSync(path.join(bundleRoot(root), FINGERPRINT_FILE), 'utf8'));
  } catch {
    return { state: 'missing', reason: 'no CLI bundle has been built (dist-cli/current.json)' };
  }
  const entry = path.join(bundleRoot(root), String(current.id), 'cli.js');
  if (!Array.isArray(current.inputs) || !existsSync(entry)) {
    return { state: 'missing', reason: `the CLI bundle ${current.id} is incomplete` };
  }
  if (fingerprint(root, current.inputs) !== current.fingerprint) {
    return { state: 'stale', reason: 'the sources changed since the CLI bundle was built' };
  }
  return { state: 'fresh', entry };
}

/**
 * An esbuild plugin that replaces `import.meta.url` in the repository's modules with their source file's
 * URL (relative to the bundle, so the root can move): whatever a module finds relative to itself (models/,
 * the language profiles, the repository root) is found exactly where the sources find it, with nothing
 * copied and no data file forgotten.
 */
function sourceUrls(root, outdir, compiled) {
  return {
    name: 'ogonek-source-urls',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => {
        const file = path.relative(root, args.path).split(path.sep).join('/');
        const bytes = readFileSync(args.path);
        compiled.set(file, bytes);
        let contents = bytes.toString('utf8');
        if (!file.startsWith('..') && !file.startsWith('node_modules/') && !KEEP_BUNDLE_URL.has(file)) {
          const fromBundle = path.relative(outdir, args.path).split(path.sep).join('/');
          contents = contents.replaceAll(
            'import.meta.url',
            `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
          );
        }
        return { contents, loader: 'ts' };
      });
    },
  };
}

/** Removes builds that are neither current nor recent (a running ogonek may still be loading one). */
function removeOldBuilds(root, keep) {
  for (const name of readdirSync(bundleRoot(root))) {
    if (name === keep || name === FINGERPRINT_FILE) continue;
    const full = path.join(bundleRoot(root), name);
    try {
      if (Date.now() - statSync(full).mtimeMs > OLD_BUILD_MS) rmSync(full, { recursive: true, force: true });
    } catch {
      // Removed by a concurrent build meanwhile.
    }
  }
}

/**
 * esbuild over `entries` ({ name: source }) into `outdir`, as the CLI is bundled: each entry and what it pulls
 * in is a chunk, packages stay external, module URLs point at the sources. Records each compiled source's bytes
 * in `compiled`. The engine worker must be one of the entries, named `engine-worker` (worker-client.ts looks
 * for engine-worker.js beside itself). Also used by bench/run-bundled.mjs to time the engine as it ships.
 */
export async function bundleEntries(root, entries, outdir, compiled = new Map()) {
  const { build } = await import('esbuild');
  return build({
    absWorkingDir: root,
    entryPoints: entries,
    outdir,
    bundle: true,
    // Each command (and the evaluation it pulls in) is its own chunk: `fix` loads only what it uses.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Packages load from node_modules as they do from the sources (onnxruntime-node has a native binding).
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    plugins: [sourceUrls(root, outdir, compiled)],
  });
}

/**
 * Bundles the CLI into dist-cli/<id>/ and makes it current; returns the entry to import. Throws with
 * esbuild's message when the sources do not compile.
 */
export async function buildBundle(root = ROOT) {
  const tmp = path.join(bundleRoot(root), `.tmp-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(tmp, { recursive: true });
  const compiled = new Map();
  try {
    // The module URLs point from the final folder, dist-cli/<id>/, which has the same depth as tmp.
    const result = await bundleEntries(root, ENTRIES, tmp, compiled);
    const inputs = [...new Set([...Object.keys(result.metafile.inputs), ...BUILD_INPUTS])].filter((file) =>
      existsSync(path.join(root, file)),
    );
    // Which sources went into which output file: for people, and for the test that `fix` loads no eval code.
    // Output files are named as they will be found: relative to their folder (all are in one).
    const outputs = Object.entries(result.metafile.outputs).map(([file, output]) => [path.basename(file), output]);
    writeFileSync(
      path.join(tmp, 'meta.json'),
      JSON.stringify({ ...result.metafile, outputs: Object.fromEntries(outputs) }),
    );
    const digest = fingerprint(root, inputs, (file) => compiled.get(file) ?? readFileSync(path.join(root, file)));
    if (!digest) throw new Error('a source file vanished during the build');
    const id = digest.slice(0, 16);
    const dir = path.join(bundleRoot(root), id);
    try {
      renameSync(tmp, dir);
    } catch (error) {
      // The same sources were bundled already (by a concurrent build): keep that one.
      if (!existsSync(path.join(dir, 'cli.js'))) throw error;
    }
    const pointer = path.join(bundleRoot(root), `.${FINGERPRINT_FILE}-${process.pid}`);
    writeFileSync(pointer, `${JSON.stringify({ id, fingerprint: digest, inputs }, null, 1)}\n`);
    renameSync(pointer, path.join(bundleRoot(root), FINGERPRINT_FILE));
    removeOldBuilds(root, id);
    return path.join(dir, 'cli.js');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The entry's URL, for import(). */
export const entryUrl = (entry) => pathToFileURL(entry).href;

// `node bin/cli-bundle.mjs`: npm's `prepare` (after `npm install`) and `npm run build:cli`. A failed build
// does not fail the install: bin/ogonek.js then runs the sources through tsx (slower, same output).
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  try {
    const entry = await buildBundle();
    console.log(
      `ogonek: bundled the CLI into ${path.relative(ROOT, path.dirname(entry))} (${Math.round(performance.now() - started)} ms)`,
    );
  } catch (error) {
    console.warn(
      `ogonek: could not bundle the CLI, so \`npx ogonek\` will run from the TypeScript sources (slower):\n${error instanceof Error ? error.message : String(error)}`,
    );
    process.exitCode = process.argv.includes('--strict') ? 1 : 0;
  }
}
