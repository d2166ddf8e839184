import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileService } from '../../../electron/main/file-service.ts';
import { createHandlers, type HandlerDeps } from '../../../electron/main/ipc-handlers.ts';
import { registerIpc, sendEvent, type InvokeEvent } from '../../../electron/main/ipc-router.ts';
import { CorrectionCancelledError } from '../../../electron/shared/cancellation.ts';
import { CHANNEL_PREFIX, INVOKE_NAMES, channelOf } from '../../../electron/shared/contract.ts';
import type { CorrectOptions } from '../../../electron/shared/types.ts';
import { WordCorrector, memorySettings } from './support/fakes.ts';

interface FakeEvent extends InvokeEvent {
  trusted: boolean;
  sent: { channel: string; payload: unknown }[];
}

/** ipcMain as the router sees it, plus a way to call a channel like a renderer would. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: FakeEvent, ...args: unknown[]) => Promise<unknown>>();
  return {
    handlers,
    handle: (channel: string, listener: (event: FakeEvent, ...args: unknown[]) => Promise<unknown>) => void handlers.set(channel, listener),
    removeHandler: (channel: string) => void handlers.delete(channel),
    call(channel: string, args: unknown[], trusted = true) {
      const sent: FakeEvent['sent'] = [];
      const event: FakeEvent = { trusted, sent, sender: { send: (c, payload) => void sent.push({ channel: c, payload }) } };
      return { result: handlers.get(channel)!(event, ...args), sent };
    },
  };
}

let dir: string;
let ipc: ReturnType<typeof fakeIpcMain>;
let engineCalls: { text: string; options: CorrectOptions }[];
let cancelled: string[];
let quit = 0;
let unregister: () => void;
let settings: ReturnType<typeof memorySettings>['service'];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ogonek-ipc-'));
  ipc = fakeIpcMain();
  const words = new WordCorrector({ grazus: 'gražus' });
  engineCalls = words.calls;
  cancelled = [];
  const engine: HandlerDeps['engine'] = {
    status: () => ({ state: 'ready', modelVersion: 'm1', provider: 'cpu' }),
    correct: async (text, options) => {
      if (text === 'supersede me') throw new CorrectionCancelledError();
      options.onProgress?.({ done: 1, total: 2 });
      return words.correct(text, options);
    },
    cancel: (documentId) => void cancelled.push(documentId),
  };
  settings = memorySettings().service;
  const handlers = createHandlers({
    engine,
    settings,
    files: new FileService({ chooseOpenPath: async () => null, chooseSavePath: async () => path.join(dir, 'saved.md') }),
    appInfo: { platform: 'linux', version: '1.0.0' },
    window: { setDocumentState: () => {}, confirmQuit: () => void quit++ },
  });
  unregister = registerIpc(ipc, handlers, (event) => event.trusted);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const request = { text: 'grazus oras', language: 'auto', documentId: 'doc-1', requestId: 'req-1' };

describe('IPC router', () => {
  it('registers exactly the contract\'s methods, all under the ogonek: prefix, and removes them again', () => {
    expect([...ipc.handlers.keys()].sort()).toEqual(INVOKE_NAMES.map(channelOf).sort());
    expect([...ipc.handlers.keys()].every((c) => c.startsWith(CHANNEL_PREFIX))).toBe(true);
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('refuses a sender that is not the editor window, before the handler runs', async () => {
    await expect(ipc.call(channelOf('correct'), [request], false).result).rejects.toThrow(/Refused/);
    expect(engineCalls).toEqual([]);
  });

  it.each([
    ['no arguments', []],
    ['text is not a string', [{ ...request, text: 42 }]],
    ['unknown language', [{ ...request, language: 'xx' }]],
    ['around is no language', [{ ...request, around: 'auto' }]],
    ['document is not a string', [{ ...request, document: ['a'] }]],
    ['extra key', [{ ...request, evil: true }]],
    ['missing requestId', [{ text: 'a', language: 'auto', documentId: 'd' }]],
    ['too many arguments', [request, request]],
  ])('rejects an invalid correct request (%s) with the offending field', async (_name, args) => {
    await expect(ipc.call(channelOf('correct'), args).result).rejects.toThrow(/Invalid arguments for correct/);
    expect(engineCalls).toEqual([]);
  });

  it('forwards a valid request and sends progress events tagged with its requestId', async () => {
    const { result, sent } = ipc.call(channelOf('correct'), [request]);
    expect(await result).toMatchObject({ language: 'lt', suggestions: [{ original: 'grazus', replacement: 'gražus' }] });
    expect(engineCalls[0]?.options).toMatchObject({ language: 'auto', documentId: 'doc-1' });
    expect(sent).toEqual([{ channel: 'ogonek:onDidProgress', payload: { requestId: 'req-1', done: 1, total: 2 } }]);
  });

  it('forwards the language of the rest of the document (around) with auto', async () => {
    await ipc.call(channelOf('correct'), [{ ...request, around: 'cs' }]).result;
    expect(engineCalls[0]?.options).toMatchObject({ language: 'auto', around: 'cs', documentId: 'doc-1' });
  });

  it('forwards the document a paragraph belongs to (for its names)', async () => {
    await ipc.call(channelOf('correct'), [{ ...request, document: 'Sejdiu je rekao.\n\nKaže Sejdiu.' }]).result;
    expect(engineCalls[0]?.options).toMatchObject({ document: 'Sejdiu je rekao.\n\nKaže Sejdiu.', documentId: 'doc-1' });
  });

  it('a superseded request answers null instead of failing', async () => {
    expect(await ipc.call(channelOf('correct'), [{ ...request, text: 'supersede me' }]).result).toBeNull();
  });

  it('cancelCorrection cancels by document id', async () => {
    await ipc.call(channelOf('cancelCorrection'), [{ documentId: 'doc-1:fix-all' }]).result;
    expect(cancelled).toEqual(['doc-1:fix-all']);
  });

  it('updateSettings validates the patch and answers the stored settings', async () => {
    expect(await ipc.call(channelOf('updateSettings'), [{ theme: 'dark' }]).result).toMatchObject({ theme: 'dark' });
    await expect(ipc.call(channelOf('updateSettings'), [{ recentFiles: ['/etc/shadow'] }]).result).rejects.toThrow(/Invalid arguments/);
  });

  it('openFile adds to the recent files and brings back the document\'s language', async () => {
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, 'Labas');
    settings.setDocumentLanguage(file, 'lt');
    expect(await ipc.call(channelOf('openFile'), [{ path: file }]).result).toEqual({ path: file, name: 'a.txt', content: 'Labas', language: 'lt' });
    expect(settings.get().recentFiles).toEqual([file]);
  });

  it('a file over the text limit: one clear message, nothing added to the recent files (issue 15, item 18)', async () => {
    const file = path.join(dir, 'big.txt');
    writeFileSync(file, 'a'.repeat(6_000_000));
    const failure = ipc.call(channelOf('openFile'), [{ path: file }]).result;
    await expect(failure).rejects.toThrow(/^big\.txt is too long to open: the editor takes up to 5,000,000 characters\.$/);
    expect(settings.get().recentFiles).toEqual([]);
  });

  it('a recent file that vanished is dropped from the list', async () => {
    const file = path.join(dir, 'gone.txt');
    settings.addRecentFile(file);
    await expect(ipc.call(channelOf('openFile'), [{ path: file }]).result).rejects.toThrow(/does not exist/);
    expect(settings.get().recentFiles).toEqual([]);
  });

  it('saveFile remembers the path and the language', async () => {
    const saved = await ipc.call(channelOf('saveFile'), [{ path: null, content: 'x', saveAs: false, language: 'cs' }]).result;
    expect(saved).toEqual({ path: path.join(dir, 'saved.md'), name: 'saved.md' });
    expect(settings.get().documentLanguages[path.join(dir, 'saved.md')]).toBe('cs');
  });

  it('confirmQuit reaches the window controls', async () => {
    await ipc.call(channelOf('confirmQuit'), []).result;
    expect(quit).toBe(1);
  });
});

describe('events to the page', () => {
  it('are validated before they leave main', () => {
    const sent: unknown[] = [];
    const target = { send: (channel: string, payload: unknown) => void sent.push([channel, payload]) };
    sendEvent(target, 'onMenuCommand', 'fix-all');
    expect(sent).toEqual([['ogonek:onMenuCommand', 'fix-all']]);
    expect(() => sendEvent(target, 'onMenuCommand', 'format-disk' as never)).toThrow();
    expect(() => sendEvent(target, 'onDidChangeEngineStatus', { state: 'exploded' } as never)).toThrow();
    expect(sent).toHaveLength(1);
  });
});
