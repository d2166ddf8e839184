/**
 * Fakes of the effects the main-process services take by injection: clipboard, tray, global shortcuts,
 * notifications, settings storage and a scripted corrector. Each records what it was asked to do.
 */
import { SettingsService } from '../../../../electron/main/settings-service.ts';
import type { ClipboardContent, ClipboardPort } from '../../../../electron/main/clipboard-fixer.ts';
import type { GlobalShortcutPort } from '../../../../electron/main/shortcut-service.ts';
import type { MenuItemSpec, NotifierPort, TrayPort } from '../../../../electron/main/tray-service.ts';
import type { CorrectOptions, CorrectionResult, Corrector, Suggestion } from '../../../../electron/shared/types.ts';

export class FakeClipboard implements ClipboardPort {
  text = '';
  html: string | undefined;
  /** Other text formats, e.g. { 'text/rtf': '{\\rtf1 ...}' }. */
  other: Record<string, string> = {};
  extraFormats: string[] = [];
  writes: ClipboardContent[] = [];
  /** The next writes fail with these errors (and change nothing), one per write. */
  failWrites: Error[] = [];

  async formats(): Promise<string[]> {
    const formats = [...this.extraFormats];
    if (this.text !== '') formats.unshift('text/plain');
    if (this.html !== undefined) formats.push('text/html');
    formats.push(...Object.keys(this.other));
    return formats;
  }
  async readText(): Promise<string> {
    return this.text;
  }
  async readFormat(type: string): Promise<string | undefined> {
    return type === 'text/html' ? this.html : this.other[type];
  }
  async write(content: ClipboardContent): Promise<void> {
    const failure = this.failWrites.shift();
    if (failure) throw failure;
    this.writes.push(content);
    const { 'text/plain': text = '', 'text/html': html, ...other } = content;
    this.text = text;
    this.html = html;
    this.other = other;
    this.extraFormats = [];
  }
}

export class FakeTray implements TrayPort {
  menu: MenuItemSpec[] = [];
  tooltip = '';
  destroyed = false;
  setContextMenu(items: MenuItemSpec[]): void {
    this.menu = items;
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  destroy(): void {
    this.destroyed = true;
  }
  /** The menu item with `id`, searching submenus. */
  item(id: string, items = this.menu): MenuItemSpec | undefined {
    for (const item of items) {
      if (item.id === id) return item;
      const inner = item.submenu && this.item(id, item.submenu);
      if (inner) return inner;
    }
    return undefined;
  }
}

export class FakeGlobalShortcut implements GlobalShortcutPort {
  registered = new Map<string, () => void>();
  /** Accelerators "owned by another application". */
  taken = new Set<string>();
  register(accelerator: string, callback: () => void): boolean {
    if (this.taken.has(accelerator)) return false;
    this.registered.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: string): void {
    this.registered.delete(accelerator);
  }
  press(accelerator: string): void {
    this.registered.get(accelerator)?.();
  }
}

export class FakeNotifier implements NotifierPort {
  shown: { title: string; body: string; onUndo?: () => void }[] = [];
  show(notification: { title: string; body: string; onUndo?: () => void }): void {
    this.shown.push(notification);
  }
  get last() {
    return this.shown.at(-1);
  }
}

/** A settings service over an in-memory object (what electron-store keeps in its JSON file). */
export function memorySettings(initial: Record<string, unknown> = {}): { service: SettingsService; backend: { store: Record<string, unknown> } } {
  const backend = { store: structuredClone(initial) };
  return { service: new SettingsService(backend), backend };
}

/** A corrector that replaces words from a table and records its calls. */
export class WordCorrector implements Pick<Corrector, 'correct'> {
  calls: { text: string; options: CorrectOptions }[] = [];
  failWith: Error | undefined;
  constructor(private readonly table: Record<string, string>) {}

  async correct(text: string, options: CorrectOptions): Promise<CorrectionResult> {
    this.calls.push({ text, options });
    if (this.failWith) throw this.failWith;
    const suggestions: Suggestion[] = [];
    // As the engine does, a suggestion covers a whole whitespace-separated word, punctuation included ("grazus.").
    for (const match of text.matchAll(/\S+/gu)) {
      const letters = /\p{L}+/u.exec(match[0]);
      const replacement = letters && this.table[letters[0]];
      if (replacement) {
        suggestions.push({ span: { start: match.index, end: match.index + match[0].length }, original: match[0],
          replacement: match[0].replace(letters[0], replacement), kind: 'diacritics', source: 'lexicon', confidence: 0.9 });
      }
    }
    return { text, suggestions, language: options.language === 'auto' ? 'lt' : options.language, elapsedMs: 1 };
  }
}
