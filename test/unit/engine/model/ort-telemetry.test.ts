/**
 * ort-telemetry.ts: the main thread writes onnxruntime's off switch into the process environment; a worker
 * thread, whose process.env writes never reach the native getenv, only checks that it inherited the switch and
 * otherwise refuses to load onnxruntime (loadOrt rejects before the native binding is touched).
 */
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { disableOrtTelemetry, missingTelemetrySwitches, ORT_TELEMETRY_OFF } from '../../../../electron/engine/model/ort-telemetry.ts';

const NAMES = Object.keys(ORT_TELEMETRY_OFF);
const saved = Object.fromEntries(NAMES.map((name) => [name, process.env[name]]));

afterEach(() => {
  for (const name of NAMES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

const MODULES = {
  telemetry: new URL('../../../../electron/engine/model/ort-telemetry.ts', import.meta.url).href,
  backend: new URL('../../../../electron/engine/model/ort-backend.ts', import.meta.url).href,
};

/** Runs `call` in a fresh worker thread started with `env`; resolves with 'ok' or the error's message. */
function inWorker(env: NodeJS.ProcessEnv, call: 'disableOrtTelemetry' | 'loadOrt'): Promise<string> {
  const module = call === 'loadOrt' ? MODULES.backend : MODULES.telemetry;
  const code = `const { parentPort } = require('node:worker_threads');
    import('tsx/esm/api')
      .then(({ register }) => { register(); return import(${JSON.stringify(module)}); })
      .then((m) => m.${call}())
      .then(() => parentPort.postMessage('ok'), (e) => parentPort.postMessage(String(e && e.message)));`;
  const worker = new Worker(code, { eval: true, env });
  return new Promise((resolve, reject) => {
    worker.once('message', (message: string) => void worker.terminate().then(() => resolve(message)));
    worker.once('error', reject);
  });
}

describe('missingTelemetrySwitches', () => {
  it.each([
    [{}, ['ORT_DISABLE_TELEMETRY', 'ORT_TELEMETRY_DISABLED']],
    [{ ORT_DISABLE_TELEMETRY: '1' }, ['ORT_TELEMETRY_DISABLED']],
    [{ ORT_DISABLE_TELEMETRY: '0', ORT_TELEMETRY_DISABLED: '1' }, ['ORT_DISABLE_TELEMETRY']],
    [{ ORT_DISABLE_TELEMETRY: '1', ORT_TELEMETRY_DISABLED: '1' }, []],
  ])('%j -> missing %j', (env, missing) => {
    expect(missingTelemetrySwitches(env)).toEqual(missing);
  });
});

describe('disableOrtTelemetry', () => {
  it.each([
    ['unset', undefined],
    ['a user\'s 0', '0'],
  ])('on the main thread, from %s, sets both variables to 1', (_label, before) => {
    for (const name of NAMES) {
      if (before === undefined) delete process.env[name];
      else process.env[name] = before;
    }
    disableOrtTelemetry();
    expect(missingTelemetrySwitches(process.env)).toEqual([]);
  });

  it.each([
    ['inherits the switch', { ...ORT_TELEMETRY_OFF }, 'disableOrtTelemetry', 'ok'],
    ['lacks the switch', {}, 'disableOrtTelemetry', /^refusing to load onnxruntime: ORT_DISABLE_TELEMETRY, ORT_TELEMETRY_DISABLED/],
    ['lacks the switch (loadOrt)', {}, 'loadOrt', /^refusing to load onnxruntime/],
    ['has only the old name', { ORT_DISABLE_TELEMETRY: '1' }, 'loadOrt', /^refusing to load onnxruntime: ORT_TELEMETRY_DISABLED /],
  ] as const)('in a worker that %s -> %s', async (_label, env, call, expected) => {
    const outcome = await inWorker({ PATH: process.env.PATH, ...env }, call);
    if (typeof expected === 'string') expect(outcome).toBe(expected);
    else expect(outcome).toMatch(expected);
  });
});
