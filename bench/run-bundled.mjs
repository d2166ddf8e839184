// `npm run bench`: bench/engine-report.ts run from an esbuild bundle, as the shipped CLI runs the engine. From
// the TypeScript sources (`npx tsx bench/engine-report.ts`) every worker start transpiles the engine through tsx:
// measured on these 2 shared cores, model load 1.3-1.6 s instead of 0.35-0.65 s, which is tsx, not the engine.
// The bundle is made in a folder of its own under dist-cli/ (never the CLI's current one), run in a fresh Node
// process (so esbuild's memory is not in the peak RSS) with the environment the app's engine process gets
// (electron/engine/host/engine-env.ts: its allocator setting is a third of the peak RSS), and removed after the run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bundleEntries, ENGINE_WORKER_ENTRY, ROOT } from '../bin/cli-bundle.mjs';
import engineEnv from '../electron/engine/host/engine-env.json' with { type: 'json' };

const outdir = path.join(ROOT, 'dist-cli', `.bench-${process.pid}-${Date.now().toString(36)}`);
mkdirSync(outdir, { recursive: true });
try {
  await bundleEntries(ROOT, { 'engine-report': 'bench/engine-report.ts', 'engine-worker': ENGINE_WORKER_ENTRY }, outdir);
  const runner = path.join(outdir, 'run.mjs');
  writeFileSync(runner, "import { run } from './engine-report.js';\nprocess.exitCode = await run(process.argv.slice(2));\n");
  const child = spawnSync(process.execPath, [runner, ...process.argv.slice(2)],
    { stdio: 'inherit', env: { ...engineEnv, ...process.env } });
  process.exitCode = child.status ?? 1;
} finally {
  rmSync(outdir, { recursive: true, force: true });
}
