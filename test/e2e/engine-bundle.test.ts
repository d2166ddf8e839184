/**
 * The built engine (dist-electron/engine/engine-process.js, as `npm run build` makes it and the app's
 * utility process loads it) run under plain Node, without tsx or the sources: checks that the bundle
 * finds its worker, its data files and onnxruntime-node, and speaks the host's protocol.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProcessCorrector, type EngineChild } from '../../electron/engine/host/index.ts';
import { ROOT, ensureBuilt } from './support/build.ts';
import { chooseModel } from './support/model.ts';

const model = chooseModel();
if (!model.dir) console.log(`[e2e] skipping the engine bundle test: ${model.reason}`);

let host: ProcessCorrector | undefined;
afterEach(async () => host?.dispose());

function forkBundle(): EngineChild {
  const child = fork(path.join(ROOT, 'dist-electron', 'engine', 'engine-process.js'), [], {
    execArgv: [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return {
    postMessage: (message) => void child.send(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code) => listener(code ?? 128)),
    kill: () => void child.kill(),
  };
}

describe.skipIf(!model.dir)('the built engine bundle', () => {
  beforeAll(() => ensureBuilt('electron'));

  it('loads the model and corrects text, outside the TypeScript sources', async () => {
    host = new ProcessCorrector({ spawn: forkBundle, modelDir: model.dir! });
    await expect.poll(() => host!.status().state, { timeout: 60_000 }).toBe('ready');
    expect(host.status().provider).toBeDefined();
    const progress: number[] = [];
    const result = await host.correct('Labas rytas. Kaip sekasi?', { language: 'auto', documentId: 'd', onProgress: (p) => progress.push(p.done) });
    expect(result.elapsedMs).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(2);
    if (model.real) expect(result.language).toBe('lt');
  });
});
