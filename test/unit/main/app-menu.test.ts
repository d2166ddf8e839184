import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildAppMenu } from '../../../electron/main/app-menu.ts';
import { autostartDesktopEntry, setLinuxAutostart } from '../../../electron/main/login-item.ts';
import type { MenuCommand } from '../../../electron/shared/contract.ts';

function build(platform = 'linux', recentFiles: string[] = []) {
  const commands: MenuCommand[] = [];
  const opened: string[] = [];
  let quit = 0;
  let about = 0;
  const template = buildAppMenu({ platform, recentFiles, devTools: false, command: (c) => commands.push(c), openRecent: (p) => opened.push(p), quit: () => quit++, about: () => about++ });
  const find = (label: string, items: MenuItemConstructorOptions[] = template): MenuItemConstructorOptions | undefined => {
    for (const item of items) {
      if (item.label?.replace('&', '') === label) return item;
      const inner = Array.isArray(item.submenu) ? find(label, item.submenu) : undefined;
      if (inner) return inner;
    }
    return undefined;
  };
  const click = (label: string) => (find(label)?.click as (() => void) | undefined)?.();
  return { template, find, click, commands, opened, quit: () => quit, about: () => about };
}

describe('application menu', () => {
  it.each([
    ['New', 'new'], ['Open…', 'open'], ['Save', 'save'], ['Save As…', 'save-as'], ['Settings…', 'settings'],
    ['Next suggestion', 'next-suggestion'], ['Previous suggestion', 'previous-suggestion'],
    ['Accept all suggestions', 'accept-all'], ['Fix all…', 'fix-all'],
  ])('%s sends the page the %s command, with its shortcut shown but left to the page', (label, command) => {
    const menu = build();
    menu.click(label);
    expect(menu.commands).toEqual([command]);
    expect(menu.find(label)?.registerAccelerator).toBe(false);
  });

  it('lists recent files by name and opens them by path', () => {
    const menu = build('linux', ['/home/me/notes/laiškas.md']);
    menu.click('laiškas.md');
    expect(menu.opened).toEqual(['/home/me/notes/laiškas.md']);
  });

  it('says when there are no recent files', () => {
    expect(build().find('No recent files')?.enabled).toBe(false);
  });

  it.each(['linux', 'win32', 'darwin'])('on %s, Help > About Ogonek opens the About box', (platform) => {
    const menu = build(platform);
    menu.click('About Ogonek');
    expect(menu.about()).toBe(1);
  });

  it('macOS gets the app menu first; devtools only when asked', () => {
    expect(build('darwin').template[0]).toEqual({ role: 'appMenu' });
    expect(JSON.stringify(build().template)).not.toContain('toggleDevTools');
  });
});

describe('start at login on Linux (XDG autostart)', () => {
  it('writes a desktop entry that starts tray-only, and removes it again', async () => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'ogonek-autostart-'));
    try {
      await setLinuxAutostart(home, '/opt/Ogonek/ogonek', true);
      const file = path.join(home, 'autostart', 'ogonek.desktop');
      expect(readFileSync(file, 'utf8')).toContain('Exec=/opt/Ogonek/ogonek --tray');
      await setLinuxAutostart(home, '/opt/Ogonek/ogonek', false);
      expect(() => readFileSync(file)).toThrow();
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  it('quotes an executable path with spaces', () => {
    expect(autostartDesktopEntry('/home/me/My Apps/Ogonek.AppImage')).toContain('Exec="/home/me/My Apps/Ogonek.AppImage" --tray');
  });
});
