import { describe, expect, it } from 'vitest';
import { acceleratorFromKey, acceleratorLabel, isValidAccelerator } from '../../../electron/shared/accelerator.ts';
import { FileService } from '../../../electron/main/file-service.ts';
import { createHandlers } from '../../../electron/main/ipc-handlers.ts';
import { ShortcutService } from '../../../electron/main/shortcut-service.ts';
import { TrayService } from '../../../electron/main/tray-service.ts';
import { SettingsService } from '../../../electron/main/settings-service.ts';
import { DEFAULT_SHORTCUT } from '../../../electron/shared/contract.ts';
import { FakeClipboard, FakeGlobalShortcut, FakeNotifier, FakeTray, WordCorrector, memorySettings } from './support/fakes.ts';

describe('accelerators', () => {
  it.each([
    ['CommandOrControl+Alt+D', true],
    ['Ctrl+Shift+F9', true],
    ['Alt+Space', true],
    ['Super+Alt+Plus', true],
    ['F9', false],
    ['D', false],
    ['Shift+D', false],
    ['Ctrl+Ctrl+D', false],
    ['Ctrl+', false],
    ['Ctrl+ D', false],
    ['Hyper+D', false],
    ['Ctrl+Alt+Dd', false],
    ['', false],
  ])('%j valid: %s', (accelerator, valid) => {
    expect(isValidAccelerator(accelerator)).toBe(valid);
  });

  it.each([
    ['CommandOrControl+Alt+D', 'linux', 'Ctrl+Alt+D'],
    ['CommandOrControl+Alt+D', 'win32', 'Ctrl+Alt+D'],
    ['CommandOrControl+Alt+D', 'darwin', '⌘⌥D'],
    ['Ctrl+Shift+F9', 'darwin', '⌃⇧F9'],
  ])('%s reads %s on %s', (accelerator, platform, label) => {
    expect(acceleratorLabel(accelerator, platform)).toBe(label);
  });

  const key = (code: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }>) =>
    ({ key: '', code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

  it.each([
    [key('KeyD', { ctrlKey: true, altKey: true }), 'linux', 'CommandOrControl+Alt+D'],
    [key('KeyD', { metaKey: true, altKey: true }), 'darwin', 'CommandOrControl+Alt+D'],
    [key('Digit5', { ctrlKey: true, shiftKey: true }), 'win32', 'CommandOrControl+Shift+5'],
    [key('F9', { altKey: true }), 'linux', 'Alt+F9'],
    [key('KeyD', {}), 'linux', null],
    [key('KeyD', { shiftKey: true }), 'linux', null],
    [key('ControlLeft', { ctrlKey: true }), 'linux', null],
  ])('records %j on %s as %s', (chord, platform, expected) => {
    expect(acceleratorFromKey(chord, platform)).toBe(expected);
  });
});

describe('ShortcutService', () => {
  it('registers, swaps and releases one shortcut', () => {
    const port = new FakeGlobalShortcut();
    let presses = 0;
    const service = new ShortcutService(port, () => presses++);
    expect(service.apply('CommandOrControl+Alt+D')).toEqual({ ok: true });
    port.press('CommandOrControl+Alt+D');
    expect(presses).toBe(1);
    service.apply('Alt+F9');
    expect([...port.registered.keys()]).toEqual(['Alt+F9']);
    service.apply(null);
    expect(port.registered.size).toBe(0);
  });

  it('refuses an invalid accelerator and keeps the current one', () => {
    const port = new FakeGlobalShortcut();
    const service = new ShortcutService(port, () => {});
    service.apply('Alt+F9');
    expect(service.apply('F9')).toMatchObject({ ok: false, reason: expect.stringMatching(/not a valid shortcut/) });
    expect(service.registered).toBe('Alt+F9');
  });

  it('when the new one is taken, keeps the old one working and says why', () => {
    const port = new FakeGlobalShortcut();
    port.taken.add('Ctrl+Alt+K');
    const service = new ShortcutService(port, () => {});
    service.apply('Alt+F9');
    expect(service.apply('Ctrl+Alt+K')).toMatchObject({ ok: false, reason: expect.stringMatching(/another application/) });
    expect(service.registered).toBe('Alt+F9');
    expect([...port.registered.keys()]).toEqual(['Alt+F9']);
  });

  it('applying the same accelerator twice registers it once', () => {
    const port = new FakeGlobalShortcut();
    let registrations = 0;
    const counting = { register: (a: string, c: () => void) => (registrations++, port.register(a, c)), unregister: (a: string) => port.unregister(a) };
    const service = new ShortcutService(counting, () => {});
    service.apply('Alt+F9');
    service.apply('Alt+F9');
    expect(registrations).toBe(1);
  });
});

/** The app's wiring around a shortcut change: tray (owner of the shortcut) + the updateSettings handler. */
function appWith(options: { taken?: string[]; stored?: Record<string, unknown> } = {}) {
  const shortcuts = new FakeGlobalShortcut();
  for (const accelerator of options.taken ?? []) shortcuts.taken.add(accelerator);
  const { service: settings, backend } = memorySettings(options.stored);
  const tray = new TrayService({
    createTray: () => new FakeTray(), clipboard: new FakeClipboard(), corrector: new WordCorrector({}), globalShortcut: shortcuts,
    notifier: new FakeNotifier(), settings, actions: { openEditor() {}, openSettings() {}, quit() {} }, platform: 'linux',
  });
  const handlers = createHandlers({
    engine: { status: () => ({ state: 'ready' }), correct: async () => { throw new Error('unused'); }, cancel() {} },
    settings, files: new FileService({ chooseOpenPath: async () => null, chooseSavePath: async () => null }),
    appInfo: { platform: 'linux', version: 'test' }, window: { setDocumentState() {}, confirmQuit() {} }, shortcuts: tray,
  });
  const update = (patch: Parameters<typeof handlers.updateSettings>[1]) => handlers.updateSettings({ sendProgress() {} }, patch);
  return { shortcuts, settings, backend, tray, update };
}

describe('a rejected global shortcut is not saved (issue 15, item 17)', () => {
  it.each([
    ['taken by another application', 'CommandOrControl+Alt+K', /CommandOrControl\+Alt\+K could not be registered; another application probably uses it/],
    ['invalid', 'F9', /"F9" is not a valid shortcut/],
  ])('%s: the update fails with the reason, the old shortcut stays registered and saved, also after a restart', async (_name, accelerator, reason) => {
    const app = appWith({ taken: ['CommandOrControl+Alt+K'] });
    await expect(app.update({ shortcut: accelerator })).rejects.toThrow(reason);
    expect(app.settings.get().shortcut).toBe(DEFAULT_SHORTCUT);
    expect(app.backend.store.shortcut ?? DEFAULT_SHORTCUT).toBe(DEFAULT_SHORTCUT);
    expect([...app.shortcuts.registered.keys()]).toEqual([DEFAULT_SHORTCUT]);
    app.tray.dispose();
    // "Restart": a new settings service over the same stored file registers what was saved.
    const restarted = new ShortcutService(app.shortcuts, () => {});
    expect(restarted.apply(new SettingsService(app.backend).get().shortcut)).toEqual({ ok: true });
  });

  it('an accepted shortcut is registered and saved; other fields of the same patch too', async () => {
    const app = appWith({ taken: ['CommandOrControl+Alt+K'] });
    expect(await app.update({ shortcut: 'Alt+F9', theme: 'dark' })).toMatchObject({ shortcut: 'Alt+F9', theme: 'dark' });
    expect([...app.shortcuts.registered.keys()]).toEqual(['Alt+F9']);
    expect(app.backend.store.shortcut).toBe('Alt+F9');
    app.tray.dispose();
  });

  it.each([
    ['CommandOrControl+Alt+K', false, 'CommandOrControl+Alt+D'],
    ['Alt+F9', true, 'Alt+F9'],
  ])('while paused, %s is tried without being kept: saved %s', async (accelerator, accepted, saved) => {
    const app = appWith({ taken: ['CommandOrControl+Alt+K'], stored: { paused: true } });
    const result = app.update({ shortcut: accelerator });
    if (accepted) await expect(result).resolves.toMatchObject({ shortcut: saved });
    else await expect(result).rejects.toThrow(/could not be registered/);
    expect(app.settings.get().shortcut).toBe(saved);
    expect(app.shortcuts.registered.size).toBe(0);
    app.tray.dispose();
  });
});
