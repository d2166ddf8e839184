/**
 * Window-level shortcuts. The page handles every editor shortcut itself (the menu only displays them),
 * so they behave the same in the app and in the browser tests. Bound in the editor's keymap and, for
 * when focus is elsewhere (toolbar, status bar), on the window.
 */
import type { KeyBinding } from '@codemirror/view';
import type { AppController } from './app-controller.svelte.ts';

interface Shortcut {
  key: string;
  command: string;
}

/** The window shortcuts, in CodeMirror key notation (Mod = Ctrl, or Cmd on macOS). */
export const WINDOW_SHORTCUTS: readonly Shortcut[] = [
  { key: 'Mod-n', command: 'new' },
  { key: 'Mod-o', command: 'open' },
  { key: 'Mod-s', command: 'save' },
  { key: 'Mod-Shift-s', command: 'save-as' },
  { key: 'Mod-Shift-f', command: 'fix-all' },
  { key: 'Mod-,', command: 'settings' },
];

/** The shortcuts as CodeMirror bindings. */
export function windowKeys(app: AppController): KeyBinding[] {
  return WINDOW_SHORTCUTS.map(({ key, command }) => ({
    key,
    preventDefault: true,
    run: () => {
      void app.run(command);
      return true;
    },
  }));
}

/** Whether a DOM key event matches a CodeMirror key name like "Mod-Shift-s". */
export function matchesKey(event: KeyboardEvent, key: string, mac: boolean): boolean {
  const parts = key.split('-');
  const name = parts.pop()!;
  const wantMod = parts.includes('Mod');
  const mod = mac ? event.metaKey : event.ctrlKey;
  return mod === wantMod
    && event.shiftKey === parts.includes('Shift')
    && event.altKey === parts.includes('Alt')
    && event.key.toLowerCase() === name.toLowerCase();
}

/** Handles the window shortcuts for key presses outside the editor; returns the unsubscribe function. */
export function listenForWindowKeys(app: AppController): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    const mac = app.appInfo.platform === 'darwin';
    const hit = WINDOW_SHORTCUTS.find((s) => matchesKey(event, s.key, mac))
      ?? (event.key === 'F8' && !event.ctrlKey && !event.metaKey ? { command: event.shiftKey ? 'previous-suggestion' : 'next-suggestion' } : undefined);
    if (!hit) return;
    event.preventDefault();
    void app.run(hit.command);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
