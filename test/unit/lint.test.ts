/**
 * The layers of DESIGN.md section 2, enforced: ESLint (eslint.config.js) over the whole tree finds nothing, and
 * each layer rule does catch the import it forbids (so a glob that stops matching cannot pass unnoticed).
 */
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

/** The rule messages ESLint gives `code` as if it were the file `filePath` (relative to the root). */
async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layering (eslint.config.js)', () => {
  it('the tree has no lint problems (unused disable directives included)', async () => {
    const results = await eslint.lintFiles(['.']);
    const found = results.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(root.length)}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(found).toEqual([]);
  }, 300_000);

  it.each([
    ['electron/engine/local-corrector.ts', "import { app } from 'electron';"],
    ['electron/engine/text/segment.ts', "import { x } from '../../main/main.ts';"],
    ['electron/engine/lexicon/lexicon.ts', "import * as ort from 'onnxruntime-node';"],
    ['electron/engine/host/engine-process.ts', "import { TrayService } from '../../main/tray-service.ts';"],
    ['electron/main/main.ts', "import { ProcessCorrector } from '../engine/host/process-corrector.ts';"],
    ['electron/main/main.ts', "import { createCorrector } from '../engine/index.ts';"],
    ['electron/main/main.ts', "import type { EngineMessage } from '../engine/host/host-protocol.ts';"],
    ['electron/cli/fix-command.ts', "import { runBench } from '../../bench/engine-bench.ts';"],
    ['electron/shared/contract.ts', "import { readFileSync } from 'node:fs';"],
    ['electron/shared/types.ts', "import { LocalCorrector } from '../engine/index.ts';"],
    ['renderer/src/App.svelte.ts', "import { segmentSentences } from '../../electron/engine/text/segment.ts';"],
    ['renderer/src/lib/x.ts', "import { ipcRenderer } from 'electron';"],
    ['electron/preload/preload.ts', "import { createHandlers } from '../main/ipc-handlers.ts';"],
    ['bench/engine-bench.ts', "import * as ort from 'onnxruntime-node';"],
  ])('%s may not: %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
  });

  it.each([
    ['electron/engine/model/ort-backend.ts', "import * as ort from 'onnxruntime-node';"],
    ['electron/main/main.ts', "import { ProcessCorrector } from '../engine/host/index.ts';"],
    ['electron/main/ipc-handlers.ts', "import { CorrectionCancelledError } from '../shared/cancellation.ts';"],
    ['renderer/src/lib/x.ts', "import { parseResponse } from '../../../electron/shared/contract.ts';"],
    ['electron/cli/fix-command.ts', "import { createCorrector } from '../engine/index.ts';"],
    ['electron/engine/host/engine-process.ts', "import { createCorrector } from '../index.ts';"],
  ])('%s may: %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
