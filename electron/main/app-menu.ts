/**
 * The application menu as data. Editor commands are forwarded to the page, which owns their key
 * handling: accelerators are shown but not registered (`registerAccelerator: false`), so a key press is
 * handled once, by the page, in the app and in the browser tests alike. Edit roles stay registered because
 * macOS needs them for copy and paste.
 */
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/contract.ts';

export interface AppMenuOptions {
  platform: string;
  recentFiles: readonly string[];
  devTools: boolean;
  command: (command: MenuCommand) => void;
  openRecent: (path: string) => void;
  quit: () => void;
  /** Shows the About box (about.ts); the Help menu's only item. */
  about: () => void;
}

/** Builds the menu template from the current recent files. */
export function buildAppMenu(options: AppMenuOptions): MenuItemConstructorOptions[] {
  const { command } = options;
  const item = (label: string, accelerator: string, name: MenuCommand): MenuItemConstructorOptions => ({
    label,
    accelerator,
    registerAccelerator: false,
    click: () => command(name),
  });
  const recent: MenuItemConstructorOptions[] = options.recentFiles.length > 0
    ? options.recentFiles.map((file) => ({ label: path.basename(file), sublabel: file, click: () => options.openRecent(file) }))
    : [{ label: 'No recent files', enabled: false }];
  const mac = options.platform === 'darwin';

  const template: MenuItemConstructorOptions[] = [
    {
      label: '&File',
      submenu: [
        item('&New', 'CommandOrControl+N', 'new'),
        item('&Open…', 'CommandOrControl+O', 'open'),
        { label: 'Open &Recent', submenu: recent },
        { type: 'separator' },
        item('&Save', 'CommandOrControl+S', 'save'),
        item('Save &As…', 'CommandOrControl+Shift+S', 'save-as'),
        { type: 'separator' },
        item('Se&ttings…', 'CommandOrControl+,', 'settings'),
        { type: 'separator' },
        { label: mac ? 'Quit Ogonek' : '&Quit', accelerator: 'CommandOrControl+Q', click: options.quit },
      ],
    },
    {
      label: '&Edit',
      submenu: [
        { role: 'undo' }, { role: 'redo' }, { type: 'separator' },
        { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' },
      ],
    },
    {
      label: '&Check',
      submenu: [
        item('&Next suggestion', 'F8', 'next-suggestion'),
        item('&Previous suggestion', 'Shift+F8', 'previous-suggestion'),
        item('&Accept all suggestions', 'CommandOrControl+Shift+Enter', 'accept-all'),
        item('&Fix all…', 'CommandOrControl+Shift+F', 'fix-all'),
      ],
    },
    {
      label: '&View',
      submenu: [
        { role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'resetZoom' }, { type: 'separator' }, { role: 'togglefullscreen' },
        ...(options.devTools ? [{ type: 'separator' as const }, { role: 'toggleDevTools' as const }] : []),
      ],
    },
    // Also on macOS, whose app menu has its own About (the panel gets the same text, see about.ts).
    { label: '&Help', role: 'help', submenu: [{ label: 'About Ogonek', click: options.about }] },
  ];
  if (mac) template.unshift({ role: 'appMenu' });
  return template;
}
