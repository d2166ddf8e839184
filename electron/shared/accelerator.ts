/**
 * Electron accelerator strings (https://www.electronjs.org/docs/latest/api/accelerator): validation and
 * display. Shared by the main process (global shortcut) and the renderer (the settings form).
 */

const MODIFIERS = new Set([
  'command', 'cmd', 'control', 'ctrl', 'commandorcontrol', 'cmdorctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta',
]);
const NAMED_KEYS = new Set([
  'plus', 'space', 'tab', 'backspace', 'delete', 'insert', 'return', 'enter', 'up', 'down', 'left', 'right',
  'home', 'end', 'pageup', 'pagedown', 'escape', 'esc', 'printscreen',
]);

/** Whether `accelerator` is a modifier combination Electron accepts for a global shortcut (e.g. "CommandOrControl+Alt+D"). */
export function isValidAccelerator(accelerator: string): boolean {
  const parts = accelerator.split('+');
  if (parts.length < 2 || parts.some((p) => p.trim() !== p || p === '')) return false;
  const key = parts.at(-1)!.toLowerCase();
  const modifiers = parts.slice(0, -1).map((p) => p.toLowerCase());
  if (!modifiers.every((m) => MODIFIERS.has(m)) || new Set(modifiers).size !== modifiers.length) return false;
  // A global shortcut with only Shift would steal ordinary typing.
  if (modifiers.every((m) => m === 'shift')) return false;
  return /^[a-z0-9]$/.test(key) || /^f([1-9]|1[0-9]|2[0-4])$/.test(key) || NAMED_KEYS.has(key) || /^[-=[\];',./`\\]$/.test(key);
}

/** How an accelerator reads on `platform`, e.g. "Ctrl+Alt+D" or "⌘⌥D". */
export function acceleratorLabel(accelerator: string, platform: string): string {
  const mac = platform === 'darwin';
  const names: Record<string, string> = mac
    ? { commandorcontrol: '⌘', cmdorctrl: '⌘', command: '⌘', cmd: '⌘', control: '⌃', ctrl: '⌃', alt: '⌥', option: '⌥', shift: '⇧', super: '⌘', meta: '⌘' }
    : { commandorcontrol: 'Ctrl', cmdorctrl: 'Ctrl', control: 'Ctrl', ctrl: 'Ctrl', alt: 'Alt', option: 'Alt', shift: 'Shift', super: 'Super', meta: 'Super' };
  const parts = accelerator.split('+').map((p) => names[p.toLowerCase()] ?? p);
  return parts.join(mac ? '' : '+');
}

/** The keys of a keyboard event that acceleratorFromKey reads (a DOM KeyboardEvent fits). */
export interface KeyChord {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * Turns a key press into an accelerator, or null while only modifiers are down. `code` is used for the
 * key because with Alt/Option held `key` is often a different character (Option+D types "∂" on macOS).
 */
export function acceleratorFromKey(chord: KeyChord, platform: string): string | null {
  let key: string | null = null;
  const letterOrDigit = /^(?:Key([A-Z])|Digit([0-9]))$/.exec(chord.code);
  if (letterOrDigit) key = letterOrDigit[1] ?? letterOrDigit[2] ?? null;
  else if (/^F([1-9]|1[0-9]|2[0-4])$/.test(chord.code)) key = chord.code;
  else if (chord.code === 'Space') key = 'Space';
  if (key === null) return null;
  const mac = platform === 'darwin';
  const parts: string[] = [];
  // CommandOrControl keeps one setting meaningful on every platform.
  if (mac ? chord.metaKey : chord.ctrlKey) parts.push('CommandOrControl');
  if (mac && chord.ctrlKey) parts.push('Control');
  if (!mac && chord.metaKey) parts.push('Super');
  if (chord.altKey) parts.push('Alt');
  if (chord.shiftKey) parts.push('Shift');
  const accelerator = [...parts, key].join('+');
  return isValidAccelerator(accelerator) ? accelerator : null;
}
