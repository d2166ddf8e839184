import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineCrashedError, EngineTimeoutError, ProcessCorrector } from '../../../../electron/engine/host/process-corrector.ts';
import { CorrectionCancelledError } from '../../../../electron/shared/cancellation.ts';
import { TrayService } from '../../../../electron/main/tray-service.ts';
import type { EngineChild, HostMessage } from '../../../../electron/engine/host/host-protocol.ts';
import type { EngineStatus } from '../../../../electron/shared/types.ts';
import { forkEngineProcess } from '../../../support/engine-process.ts';
import { FakeClipboard, FakeGlobalShortcut, FakeNotifier, FakeTray, memorySettings } from '../../main/support/fakes.ts';

class FakeChild implements EngineChild {
  posted: HostMessage[] = [];
  killed = false;
  #message: (message: unknown) => void = () => {};
  #exit: (code: number) => void = () => {};
  postMessage(message: HostMessage): void {
    this.posted.push(message);
  }
  onMessage(listener: (message: unknown) => void): void {
    this.#message = listener;
  }
  onExit(listener: (code: number) => void): void {
    this.#exit = listener;
  }
  kill(): void {
    this.killed = true;
  }
  send(message: unknown): void {
    this.#message(message);
  }
  crash(code = 139): void {
    this.#exit(code);
  }
}

const result = { text: 'gražus', suggestions: [], language: 'lt', elapsedMs: 2 };
const ready = { type: 'status', status: { state: 'ready', modelVersion: 'm1', provider: 'cpu' } };

let host: ProcessCorrector | undefined;
afterEach(async () => host?.dispose());

function start(options: { maxCrashes?: number; stallTimeoutMs?: number } = {}) {
  const children: FakeChild[] = [];
  const statuses: EngineStatus[] = [];
  host = new ProcessCorrector({
    spawn: () => {
      const child = new FakeChild();
      children.push(child);
      return child;
    },
    modelDir: '/models',
    restartDelayMs: () => 1,
    ...options,
  });
  host.onDidChangeStatus((status) => statuses.push(status));
  return { host, children, statuses };
}

describe('ProcessCorrector with a scripted engine process', () => {
  it('starts the process with the model folder and reports its status', () => {
    const { host, children } = start();
    expect(children[0]?.posted[0]).toEqual({ type: 'init', modelDir: '/models', threads: undefined, providers: undefined });
    expect(host.status()).toEqual({ state: 'loading' });
    children[0]!.send(ready);
    expect(host.status()).toMatchObject({ state: 'ready', modelVersion: 'm1' });
  });

  it('restarts on other providers when the GPU setting changes, failing what was pending as cancelled', async () => {
    const { host, children, statuses } = start();
    children[0]!.send(ready);
    const pending = host.correct('grazus', { language: 'lt' });
    host.setProviders(['cpu']);
    await expect(pending).rejects.toBeInstanceOf(CorrectionCancelledError);
    expect([children[0]!.killed, children.length, children[1]!.posted[0]]).toEqual([true, 2,
      { type: 'init', modelDir: '/models', threads: undefined, providers: ['cpu'] }]);
    expect(statuses.at(-1)).toEqual({ state: 'loading' });
    host.setProviders(['cpu']); // unchanged: no restart
    expect(children.length).toBe(2);
  });

  it('answers a request and forwards its progress', async () => {
    const { host, children } = start();
    const progress: unknown[] = [];
    const pending = host.correct('grazus', { language: 'lt', documentId: 'd', document: 'Oras grazus.\n\ngrazus',
      onProgress: (p) => progress.push(p) });
    expect(children[0]!.posted[1]).toEqual({ type: 'correct', id: 1, text: 'grazus', language: 'lt', documentId: 'd',
      document: 'Oras grazus.\n\ngrazus' });
    children[0]!.send({ type: 'progress', id: 1, done: 1, total: 1 });
    children[0]!.send({ type: 'result', id: 1, result });
    await expect(pending).resolves.toEqual(result);
    expect(progress).toEqual([{ done: 1, total: 1 }]);
  });

  it('tells cancellations from failures', async () => {
    const { host, children } = start();
    const superseded = host.correct('a', { language: 'lt' });
    const failed = host.correct('b', { language: 'lt' });
    children[0]!.send({ type: 'error', id: 1, message: 'superseded by a newer request', cancelled: true });
    children[0]!.send({ type: 'error', id: 2, message: 'model file truncated', cancelled: false });
    await expect(superseded).rejects.toBeInstanceOf(CorrectionCancelledError);
    await expect(failed).rejects.toThrow('model file truncated');
  });

  it('drops malformed messages without failing', async () => {
    const { host, children } = start();
    const pending = host.correct('a', { language: 'lt' });
    children[0]!.send({ type: 'result', id: 1, result: { text: 1 } });
    children[0]!.send('garbage');
    children[0]!.send({ type: 'result', id: 1, result });
    await expect(pending).resolves.toEqual(result);
  });

  it('after a crash: pending requests fail as EngineCrashedError, a new process starts and works', async () => {
    const { host, children, statuses } = start();
    children[0]!.send(ready);
    const pending = host.correct('a', { language: 'lt' });
    children[0]!.crash(139);
    await expect(pending).rejects.toBeInstanceOf(EngineCrashedError);
    expect(statuses.at(-1)).toEqual({ state: 'loading', error: 'Restarting after a crash (exit code 139).' });
    await expect.poll(() => children.length).toBe(2);
    expect(children[1]!.posted[0]?.type).toBe('init');
    children[1]!.send(ready);
    const again = host.correct('a', { language: 'lt' });
    children[1]!.send({ type: 'result', id: 2, result });
    await expect(again).resolves.toEqual(result);
  });

  it('gives up after repeated crashes and says so', async () => {
    const { host, children } = start({ maxCrashes: 1 });
    children[0]!.crash(1);
    await expect.poll(() => children.length).toBe(2);
    children[1]!.crash(1);
    expect(host.status()).toMatchObject({ state: 'error', error: expect.stringMatching(/crashed 2 times/) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(children).toHaveLength(2);
    await expect(host.correct('a', { language: 'lt' })).rejects.toThrow(/crashed 2 times/);
  });

  it('dispose kills the process and fails what is pending', async () => {
    const { host, children } = start();
    const pending = host.correct('a', { language: 'lt' });
    await host.dispose();
    expect(children[0]!.killed).toBe(true);
    await expect(pending).rejects.toThrow(/shut down/);
  });
});

describe('a hung engine process (issue 16)', () => {
  it('a request with no word from the engine for stallTimeoutMs fails with EngineTimeoutError; the process is killed and replaced', async () => {
    const { host, children, statuses } = start({ stallTimeoutMs: 40 });
    children[0]!.send(ready);
    const hung = host.correct('grazus', { language: 'lt' });
    await expect(hung).rejects.toBeInstanceOf(EngineTimeoutError);
    await expect(hung).rejects.toThrow('The correction engine stopped responding for 0.04 s and was restarted. Try again in a moment.');
    expect(children[0]!.killed).toBe(true);
    expect(statuses.at(-1)).toEqual({ state: 'loading', error: 'Restarting: the engine stopped responding for 0.04 s.' });
    await expect.poll(() => children.length).toBe(2);
    children[1]!.send(ready);
    const again = host.correct('grazus', { language: 'lt' });
    children[1]!.send({ type: 'result', id: 2, result });
    await expect(again).resolves.toEqual(result);
  });

  it('progress keeps a long request alive: only silence counts', async () => {
    const { host, children } = start({ stallTimeoutMs: 60 });
    const long = host.correct('a. '.repeat(10), { language: 'lt' });
    for (let done = 1; done <= 5; done++) {
      await new Promise((resolve) => setTimeout(resolve, 30));
      children[0]!.send({ type: 'progress', id: 1, done, total: 5 });
    }
    children[0]!.send({ type: 'result', id: 1, result });
    await expect(long).resolves.toEqual(result);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(children).toHaveLength(1);
    expect(children[0]!.killed).toBe(false);
  });

  it('the tray tells the user, and the next shortcut press corrects the clipboard', async () => {
    const children: FakeChild[] = [];
    host = new ProcessCorrector({
      spawn: () => {
        const child = new FakeChild();
        const index = children.push(child) - 1;
        // The first process hangs on every request; the restarted one answers.
        child.postMessage = (message) => {
          child.posted.push(message);
          if (index > 0 && message.type === 'correct') {
            const start = message.text.indexOf('grazus');
            child.send({ type: 'result', id: message.id, result: { text: message.text, language: 'lt', elapsedMs: 1, suggestions: [
              { span: { start, end: start + 6 }, original: 'grazus', replacement: 'gražus', kind: 'diacritics', source: 'lexicon', confidence: 0.9 },
            ] } });
          }
        };
        return child;
      },
      restartDelayMs: () => 1,
      stallTimeoutMs: 40,
    });
    const clipboard = new FakeClipboard();
    const shortcuts = new FakeGlobalShortcut();
    const notifier = new FakeNotifier();
    const tray = new TrayService({
      createTray: () => new FakeTray(), clipboard, corrector: host, globalShortcut: shortcuts, notifier,
      settings: memorySettings().service, actions: { openEditor() {}, openSettings() {}, quit() {} }, platform: 'linux',
    });
    try {
      clipboard.text = 'grazus oras';
      shortcuts.press('CommandOrControl+Alt+D');
      shortcuts.press('CommandOrControl+Alt+D');
      await expect.poll(() => notifier.shown.map((n) => n.title)).toEqual(['Still correcting', 'Could not correct the clipboard']);
      expect(notifier.last?.body).toMatch(/stopped responding .* and was restarted/);
      expect(clipboard.text).toBe('grazus oras');
      await expect.poll(() => children.length).toBe(2);
      shortcuts.press('CommandOrControl+Alt+D');
      await expect.poll(() => clipboard.text).toBe('gražus oras');
      expect(notifier.last?.title).toBe('Clipboard corrected: 1 change');
    } finally {
      tray.dispose();
    }
  });
});

const tinyModel = fileURLToPath(new URL('../../../fixtures/tiny-model', import.meta.url));
const hasModel = existsSync(`${tinyModel}/manifest.json`);
if (!hasModel) console.log('[process-corrector] skipping the real-process tests: test/fixtures/tiny-model is missing');

describe.skipIf(!hasModel)('ProcessCorrector with the real engine process (tiny model)', () => {
  it('loads the model, corrects, survives a killed process and corrects again', async () => {
    const children: ReturnType<typeof forkEngineProcess>[] = [];
    host = new ProcessCorrector({
      spawn: () => {
        const child = forkEngineProcess();
        children.push(child);
        return child;
      },
      modelDir: tinyModel,
      restartDelayMs: () => 10,
    });
    await expect.poll(() => host!.status().state, { timeout: 60_000 }).toBe('ready');
    expect(host.status().modelVersion).toBe('tiny-random-0');
    const first = await host.correct('Labas rytas.', { language: 'lt', documentId: 'doc' });
    expect(first.language).toBe('lt');

    // A native crash in onnxruntime looks like this from the host: the process is gone.
    const slow = host.correct('Ilgas tekstas. '.repeat(200), { language: 'lt', documentId: 'doc' });
    process.kill(children[0]!.pid!, 'SIGKILL');
    await expect(slow).rejects.toBeInstanceOf(EngineCrashedError);
    await expect.poll(() => children.length, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => host!.status().state, { timeout: 60_000 }).toBe('ready');
    const again = await host.correct('Labas rytas.', { language: 'lt', documentId: 'doc' });
    expect(again.text).toBe(first.text);
  }, 120_000);
});
