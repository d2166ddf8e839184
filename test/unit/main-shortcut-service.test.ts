import { describe, expect, it } from 'vitest';
import { acceleratorFromKey, acceleratorLabel, isValidAccelerator } from '../../electron/shared/accelerator.ts';
import { ShortcutService } from '../../electron/main/shortcut-service.ts';
import { FakeGlobalShortcut } from './main-fakes/fakes.ts';

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
