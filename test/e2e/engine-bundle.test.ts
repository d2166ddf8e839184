/**
 * The built engine (dist-electron/engine/engine-process.js, as `npm run build` makes it and the app's
 * utility process loads it) run under plain Node, without tsx or the sources: checks that the bundle
 * finds its worker, its data files and onnxruntime-node, and speaks the host's protocol.
 */
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ProcessCorrector } from '../../electron/engine/host/index.ts';
import { forkEngineProcess } from '../support/engine-process.ts';
import { ROOT, ensureBuilt } from './support/build.ts';
import { chooseModel } from './support/model.ts';

const model = chooseModel();
if (!model.dir) console.log(`[e2e] skipping the engine bundle test: ${model.reason}`);

const BUNDLE = path.join(ROOT, 'dist-electron', 'engine', 'engine-process.js');

let host: ProcessCorrector | undefined;
afterEach(async () => host?.dispose());

describe.skipIf(!model.dir)('the built engine bundle', () => {
  beforeAll(() => ensureBuilt('electron'));

  it('loads the model and corrects text, outside the TypeScript sources', async () => {
    host = new ProcessCorrector({ spawn: () => forkEngineProcess(BUNDLE), modelDir: model.dir! });
    await expect.poll(() => host!.status().state, { timeout: 60_000 }).toBe('ready');
    expect(host.status().provider).toBeDefined();
    const progress: number[] = [];
    const result = await host.correct('Labas rytas. Kaip sekasi?', { language: 'auto', documentId: 'd', onProgress: (p) => progress.push(p.done) });
    expect(result.elapsedMs).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(2);
    if (model.real) expect(result.language).toBe('lt');
  });
});
