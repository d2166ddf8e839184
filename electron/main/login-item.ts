/**
 * "Start at login". macOS and Windows have an API (app.setLoginItemSettings); Linux desktops follow the
 * XDG autostart spec instead: a .desktop file in ~/.config/autostart, which is what this writes there.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The autostart entry for Linux; starts tray-only, since nobody asked for a window at login. */
export function autostartDesktopEntry(executable: string): string {
  const quoted = /[\s"'\\]/.test(executable) ? `"${executable.replace(/(["\\$`])/g, '\\$1')}"` : executable;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Ogonek',
    'Comment=Restores diacritics and fixes typos, offline',
    `Exec=${quoted} --tray`,
    'Icon=ogonek',
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

/** Creates or removes ~/.config/autostart/ogonek.desktop (under `configHome`). */
export async function setLinuxAutostart(configHome: string, executable: string, enabled: boolean): Promise<void> {
  const file = path.join(configHome, 'autostart', 'ogonek.desktop');
  if (!enabled) {
    await fs.rm(file, { force: true });
    return;
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, autostartDesktopEntry(executable), 'utf8');
}
