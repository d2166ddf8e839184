/**
 * Runs the built editor page in Debian's Chromium with the contract bound to a Corrector in this Node
 * process. The page gets `window.ogonek` from an init script that forwards every call through
 * page.exposeFunction to the app's own ipc-router and ipc-handlers (registered on a stand-in ipcMain), so
 * requests and responses are validated by the same contract code as in the app, and files are read and
 * written by the app's FileService. Only the native dialogs are replaced: they answer from a queue.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHANNEL_PREFIX, EVENT_NAMES, INVOKE_NAMES, type EventName, type EventPayload, type Settings } from '../../../electron/shared/contract.ts';
import type { Corrector } from '../../../electron/shared/types.ts';
import { FileService } from '../../../electron/main/file-service.ts';
import { createHandlers, type ShortcutChanger } from '../../../electron/main/ipc-handlers.ts';
import { registerIpc, sendEvent, type InvokeEvent } from '../../../electron/main/ipc-router.ts';
import { SettingsService } from '../../../electron/main/settings-service.ts';
import { RENDERER_DIST, ensureRendererBuilt } from './build.ts';
import { startRendererServer, type RendererServer } from './renderer-server.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium-flags.ts';

export { CHROMIUM, CHROMIUM_ARGS };

export interface HarnessOptions {
  corrector: Corrector;
  settings?: Partial<Settings>;
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** 2 with half the viewport = the page at 200% zoom. */
  deviceScaleFactor?: number;
  /** Owner of the global shortcut (the app's TrayService over fakes); absent: a shortcut change is just saved. */
  shortcuts?: (settings: SettingsService) => ShortcutChanger;
}

/** A running page plus what the tests inspect around it. */
export interface Harness {
  page: Page;
  context: BrowserContext;
  settings: SettingsService;
  tempDir: string;
  /** Every URL the page requested. */
  requests: string[];
  /** Console errors and CSP reports of the page. */
  consoleErrors: string[];
  /** Paths the next open/save dialogs answer with (null = the user cancelled). */
  dialogAnswers: { open: (string | null)[]; save: (string | null)[] };
  documentStates: { dirty: boolean; title: string }[];
  /** Every event main sent to the page, in order. */
  events: { channel: string; payload: unknown }[];
  quitConfirmed: number;
  emit<N extends EventName>(name: N, payload: EventPayload<N>): Promise<void>;
  close(): Promise<void>;
}

let browserPromise: Promise<Browser> | undefined;
let serverPromise: Promise<RendererServer> | undefined;
let executablePath = CHROMIUM;

/** Starts Chromium through another executable (a wrapper that traces it); before this file's first harness. */
export function launchChromiumThrough(wrapper: string): void {
  executablePath = wrapper;
}

/** One browser and one server per test file; pages are cheap. */
async function shared(): Promise<{ browser: Browser; server: RendererServer }> {
  serverPromise ??= ensureRendererBuilt().then(() => startRendererServer(RENDERER_DIST));
  browserPromise ??= chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  return { browser: await browserPromise, server: await serverPromise };
}

/** Closes the shared browser and server (afterAll). */
export async function closeShared(): Promise<void> {
  await (await browserPromise)?.close();
  await (await serverPromise)?.close();
  browserPromise = undefined;
  serverPromise = undefined;
}

/** Opens the editor page bound to `options.corrector`. */
export async function startHarness(options: HarnessOptions): Promise<Harness> {
  const { browser, server } = await shared();
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'ogonek-e2e-'));
  const backend = { store: { ...options.settings } as Record<string, unknown> };
  const settings = new SettingsService(backend);
  const dialogAnswers: Harness['dialogAnswers'] = { open: [], save: [] };
  const files = new FileService({
    chooseOpenPath: async () => dialogAnswers.open.shift() ?? null,
    chooseSavePath: async () => dialogAnswers.save.shift() ?? null,
  });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1100, height: 720 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const harness: Harness = {
    page, context, settings, tempDir, dialogAnswers,
    requests: [], consoleErrors: [], documentStates: [], events: [], quitConfirmed: 0,
    emit: async (name, payload) => sendEvent(sender, name, payload),
    close: async () => {
      await context.close();
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
  // What main's webContents.send does: deliver to the page's listeners.
  const sender = {
    send: (channel: string, payload: unknown) => {
      harness.events.push({ channel, payload });
      void page.evaluate(`window.__ogonekEmit(${JSON.stringify(channel)}, ${JSON.stringify(payload)})`).catch(() => undefined);
    },
  };
  const handlers = createHandlers({
    engine: options.corrector,
    settings,
    files,
    appInfo: { platform: 'linux', version: 'test' },
    shortcuts: options.shortcuts?.(settings),
    window: {
      setDocumentState: (state) => void harness.documentStates.push(state),
      confirmQuit: () => void harness.quitConfirmed++,
    },
  });
  const channels = new Map<string, (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  registerIpc({ handle: (channel, listener) => void channels.set(channel, listener), removeHandler: (c) => void channels.delete(c) },
    handlers, () => true);
  settings.onDidChange((next) => void harness.emit('onDidChangeSettings', next));

  page.on('request', (request) => void harness.requests.push(request.url()));
  page.on('console', (message) => {
    if (process.env.OGONEK_E2E_DEBUG) console.log('[page]', message.type(), message.text());
    if (message.type() === 'error') harness.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (process.env.OGONEK_E2E_DEBUG) console.log('[pageerror]', error.message);
    harness.consoleErrors.push(`pageerror: ${error.message}`);
  });
  await page.exposeFunction('__ogonekInvoke', async (channel: string, args: unknown[]) => {
    const handler = channels.get(channel);
    if (!handler) throw new Error(`No handler for ${channel}`);
    return handler({ sender }, ...args);
  });
  await page.addInitScript({ content: installApiScript({ invoke: INVOKE_NAMES, events: EVENT_NAMES, prefix: CHANNEL_PREFIX }) });
  await page.goto(`${server.origin}/index.html?test-driver`);
  await page.locator('.cm-content').waitFor();
  return harness;
}

/**
 * Runs in the page before its scripts: the preload's job, forwarding to __ogonekInvoke. Kept as plain
 * JavaScript text because functions compiled by tsx carry helpers (__name) the page does not have.
 */
function installApiScript(config: { invoke: readonly string[]; events: readonly string[]; prefix: string }): string {
  return `(() => {
    const config = ${JSON.stringify(config)};
    const listeners = new Map();
    window.__ogonekEmit = (channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    };
    const api = {
      // A browser cannot know a dropped file's path; tests may register one per file name.
      pathForFile: (file) => (window.__ogonekDropPaths ?? {})[file.name] ?? '',
    };
    for (const name of config.invoke) api[name] = (...args) => window.__ogonekInvoke(config.prefix + name, args);
    for (const name of config.events) {
      api[name] = (listener) => {
        const channel = config.prefix + name;
        const set = listeners.get(channel) ?? new Set();
        set.add(listener);
        listeners.set(channel, set);
        return () => set.delete(listener);
      };
    }
    window.ogonek = Object.freeze(api);
  })();`;
}
