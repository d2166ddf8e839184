/**
 * The desktop app's LanguageTool server (issue 16 item 1): the setting starts and stops a real server on
 * loopback (port 0: any free one), a taken port is reported and never saved as running, the tray shows the
 * URL while it runs, and the settings dialog's path (updateSettings) gets the refusal as an error.
 */
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createHandlers, type HandlerDeps } from '../../../electron/main/ipc-handlers.ts';
import { LocalServerService, listenFailure, serverCorrector } from '../../../electron/main/local-server-service.ts';
import { TrayService } from '../../../electron/main/tray-service.ts';
import { defaultSettings } from '../../../electron/shared/contract.ts';
import type { EngineStatus } from '../../../electron/shared/types.ts';
import { FakeClipboard, FakeGlobalShortcut, FakeNotifier, FakeTray, WordCorrector, memorySettings } from './support/fakes.ts';

class FakeEngine extends WordCorrector {
  status(): EngineStatus {
    return { state: 'ready', modelVersion: 'test' };
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setup(initial: Record<string, unknown> = {}) {
  const { service: settings } = memorySettings(initial);
  const engine = new FakeEngine({ zolw: 'żółw', sciezka: 'ścieżka' });
  const notifier = new FakeNotifier();
  const server = new LocalServerService({ settings, engine, version: '9.9.9', notify: (n) => notifier.show(n) });
  cleanups.push(() => server.dispose());
  return { settings, engine, notifier, server };
}

/** A port some other program holds on 127.0.0.1. */
async function takenPort(): Promise<number> {
  const blocker: Server = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => blocker.close(() => resolve())));
  return (blocker.address() as { port: number }).port;
}

/** Status of GET /v2/languages at `url`, or the error code when nothing answers. */
async function languagesStatus(url: string): Promise<number | string> {
  try {
    return (await fetch(`${url}/languages`)).status;
  } catch (error) {
    return ((error as { cause?: { code?: string } }).cause?.code) ?? 'failed';
  }
}

function runningUrl(server: LocalServerService): string {
  const state = server.state;
  if (!state.running) throw new Error(`not running: ${state.problem}`);
  return state.url;
}

describe('LocalServerService', () => {
  it('is off by default and a fresh start starts nothing', async () => {
    const { settings, server } = setup();
    expect(defaultSettings().localServer).toEqual({ enabled: false, port: 8081 });
    expect(await server.start()).toEqual({ running: false, problem: null });
    expect(settings.get().localServer.enabled).toBe(false);
  });

  it('setting on -> answers GET /v2/languages on 127.0.0.1; off -> the port is closed', async () => {
    const { settings, server } = setup();
    expect(await server.change({ enabled: true, port: 0 })).toEqual({ ok: true });
    const url = runningUrl(server);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2$/);
    expect(settings.get().localServer).toEqual({ enabled: true, port: 0 });
    const response = await fetch(`${url}/languages`);
    expect(response.status).toBe(200);
    const languages = (await response.json()) as { longCode: string }[];
    expect(languages.map((l) => l.longCode)).toContain('pl-PL');

    expect(await server.change({ enabled: false, port: 0 })).toEqual({ ok: true });
    expect(server.state).toEqual({ running: false, problem: null });
    expect(settings.get().localServer.enabled).toBe(false);
    expect(await languagesStatus(url)).toBe('ECONNREFUSED');
  });

  it('checks with the app engine, leaving out the ignored words, and sends no documentId', async () => {
    const { settings, engine, server } = setup({ ignoredWords: ['sciezka'] });
    await server.change({ enabled: true, port: 0 });
    const response = await fetch(`${runningUrl(server)}/check`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ text: 'Ten zolw i sciezka.', language: 'pl-PL' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { software: { version: string }; matches: { offset: number; length: number; replacements: { value: string }[] }[] };
    expect(body.software.version).toBe('9.9.9');
    expect(body.matches.map((m) => [m.offset, m.length, m.replacements[0]?.value])).toEqual([[4, 4, 'żółw']]);
    expect(engine.calls.map((c) => c.options)).toEqual([{ language: 'pl' }]);
    expect(settings.get().ignoredWords).toEqual(['sciezka']);
  });

  it('a port in use is reported, not saved, and the state does not claim a running server', async () => {
    const { settings, server } = setup();
    const port = await takenPort();
    const result = await server.change({ enabled: true, port });
    expect(result).toEqual({ ok: false, reason: `Port ${port} is already in use by another program. Choose another port, or stop that program.` });
    expect(settings.get().localServer).toEqual({ enabled: false, port: 8081 });
    expect(server.state).toEqual({ running: false, problem: (result as { reason: string }).reason });
  });

  it('moving a running server to a taken port keeps the old one running and saved', async () => {
    const { settings, server } = setup();
    await server.change({ enabled: true, port: 0 });
    const url = runningUrl(server);
    const port = await takenPort();
    expect((await server.change({ enabled: true, port })).ok).toBe(false);
    expect(server.state).toEqual({ running: true, url });
    expect(settings.get().localServer).toEqual({ enabled: true, port: 0 });
    expect(await languagesStatus(url)).toBe(200);
  });

  it('at launch a saved "on" on a taken port notifies and keeps the setting for the next start', async () => {
    const port = await takenPort();
    const { settings, notifier, server } = setup({ localServer: { enabled: true, port } });
    const state = await server.start();
    expect(state.running).toBe(false);
    expect(notifier.last).toEqual({ title: 'LanguageTool server not started', body: expect.stringMatching(`Port ${port} is already in use`) });
    expect(settings.get().localServer).toEqual({ enabled: true, port });
  });

  it('at launch a saved "on" starts, and dispose (quit) closes it', async () => {
    const { server } = setup({ localServer: { enabled: true, port: 0 } });
    await server.start();
    const url = runningUrl(server);
    expect(await languagesStatus(url)).toBe(200);
    await server.dispose();
    expect(server.state.running).toBe(false);
    expect(await languagesStatus(url)).toBe('ECONNREFUSED');
    expect(await server.change({ enabled: true, port: 0 })).toEqual({ ok: false, reason: 'Ogonek is quitting.' });
  });

  it('two quick toggles run one after another: one server, and the last word wins', async () => {
    let starts = 0;
    const { settings } = setup();
    const server = new LocalServerService({
      settings, engine: new FakeEngine({}), version: '1',
      start: async (options) => {
        starts++;
        const { startLtServer } = await import('../../../electron/server/server.ts');
        return startLtServer(options);
      },
    });
    cleanups.push(() => server.dispose());
    const [first, second] = await Promise.all([server.change({ enabled: true, port: 0 }), server.change({ enabled: true, port: 0 })]);
    expect([first, second, starts]).toEqual([{ ok: true }, { ok: true }, 1]);
  });

  it.each([
    ['EADDRINUSE', /Port 8081 is already in use/],
    ['EACCES', /Port 8081 needs administrator rights/],
    ['EADDRNOTAVAIL', /could not listen on 127\.0\.0\.1:8081/],
  ])('listenFailure(%s) explains it', (code, expected) => {
    expect(listenFailure(8081, Object.assign(new Error(`listen ${code}`), { code }))).toMatch(expected);
  });

  it('serverCorrector cannot dispose the app engine: it has no dispose', () => {
    const engine = new FakeEngine({});
    const corrector = serverCorrector(engine, () => []);
    expect('dispose' in corrector).toBe(false);
    expect(corrector.status()).toEqual({ state: 'ready', modelVersion: 'test' });
  });
});

describe('updateSettings with a localServer patch (the settings dialog)', () => {
  function handlers() {
    const context = setup();
    const deps = {
      engine: { status: () => context.engine.status(), correct: (t: string, o: { language: 'auto' }) => context.engine.correct(t, o), cancel: () => {} },
      settings: context.settings,
      files: {} as HandlerDeps['files'],
      appInfo: { platform: 'linux', version: '1' },
      window: { setDocumentState: () => {}, confirmQuit: () => {} },
      localServer: context.server,
    } satisfies HandlerDeps;
    return { ...context, handlers: createHandlers(deps) };
  }
  const call = { sendProgress: () => {} };

  it('starts the server and answers the saved settings', async () => {
    const { handlers: h, server } = handlers();
    const saved = await h.updateSettings(call, { localServer: { enabled: true, port: 0 }, theme: 'dark' });
    expect(saved).toMatchObject({ localServer: { enabled: true, port: 0 }, theme: 'dark' });
    expect(server.state.running).toBe(true);
  });

  it('throws the reason for a taken port and saves nothing of it', async () => {
    const { handlers: h, settings } = handlers();
    const port = await takenPort();
    await expect(h.updateSettings(call, { localServer: { enabled: true, port } })).rejects.toThrow(`Port ${port} is already in use`);
    expect(settings.get().localServer.enabled).toBe(false);
  });
});

describe('the tray shows the server', () => {
  function trayWith(server: LocalServerService, settings: ReturnType<typeof setup>['settings']) {
    const tray = new FakeTray();
    const service = new TrayService({
      createTray: () => tray, clipboard: new FakeClipboard(), corrector: new WordCorrector({}),
      globalShortcut: new FakeGlobalShortcut(), notifier: new FakeNotifier(), settings,
      actions: { openEditor: () => {}, openSettings: () => {}, quit: () => {} }, platform: 'linux', localServer: server,
    });
    cleanups.push(() => service.dispose());
    return tray;
  }

  it.each([
    ['off', null, undefined, 'Ogonek (Ctrl+Alt+D)'],
    ['on', 'run', 'LanguageTool server: URL', 'Ogonek (Ctrl+Alt+D)\nLanguageTool server: URL'],
    ['port taken', 'taken', 'LanguageTool server: not running (see Settings)', 'Ogonek (Ctrl+Alt+D)'],
    ['on then off', 'run-stop', undefined, 'Ogonek (Ctrl+Alt+D)'],
  ] as const)('%s', async (_name, action, label, tooltip) => {
    const { server, settings } = setup();
    const tray = trayWith(server, settings);
    if (action === 'run' || action === 'run-stop') await server.change({ enabled: true, port: 0 });
    if (action === 'taken') await server.change({ enabled: true, port: await takenPort() });
    const url = server.state.running ? server.state.url : 'URL';
    if (action === 'run-stop') await server.change({ enabled: false, port: 0 });
    const item = tray.item('local-server');
    expect(item?.label).toBe(label?.replace('URL', url));
    if (item) expect(item.enabled).toBe(false);
    expect(tray.tooltip).toBe(tooltip.replace('URL', url));
  });
});
