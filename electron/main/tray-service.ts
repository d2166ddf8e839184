/**
 * The tray icon and what hangs off it: the menu, the global shortcut and the clipboard fixer.
 *
 * Every effect (tray, clipboard, shortcut registry, notifications, corrector) is injected so the service
 * is tested with fakes; main.ts passes Electron's modules. One #render() builds the whole menu from the
 * current state, because Electron menus cannot be patched in place on every platform (Linux tray menus
 * only update when setContextMenu is called again).
 */
import { LANGUAGES, type Corrector, type LanguageChoice } from '../shared/types.ts';
import { languageLabel } from '../shared/language-names.ts';
import type { Settings } from '../shared/contract.ts';
import {
  ClipboardFixer, summariseChanges, type ClipboardFixOutcome, type ClipboardPort, type ClipboardRestoreOutcome,
} from './clipboard-fixer.ts';
import type { LocalServerState } from './local-server-service.ts';
import type { SettingsService } from './settings-service.ts';
import { ShortcutService, acceleratorLabel, type GlobalShortcutPort, type ShortcutResult } from './shortcut-service.ts';

/** A menu item as data (a subset of Electron's MenuItemConstructorOptions). */
export interface MenuItemSpec {
  id?: string;
  label?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  checked?: boolean;
  enabled?: boolean;
  submenu?: MenuItemSpec[];
  click?: () => void;
}

/** The tray icon (Electron's Tray, adapted in main.ts). */
export interface TrayPort {
  setContextMenu(items: MenuItemSpec[]): void;
  setToolTip(text: string): void;
  destroy(): void;
}

/** Desktop notifications; `onUndo` is offered as an action or as a click, as the platform allows. */
export interface NotifierPort {
  show(notification: { title: string; body: string; onUndo?: () => void }): void;
}

/** What the tray asks the rest of the app to do. */
export interface TrayActions {
  openEditor(): void;
  openSettings(): void;
  quit(): void;
}

export interface TrayServiceOptions {
  createTray: () => TrayPort;
  clipboard: ClipboardPort;
  corrector: Pick<Corrector, 'correct'>;
  globalShortcut: GlobalShortcutPort;
  notifier: NotifierPort;
  settings: SettingsService;
  actions: TrayActions;
  platform: string;
  /** The local LanguageTool server (LocalServerService in the app); absent: the tray says nothing of it. */
  localServer?: {
    readonly state: LocalServerState;
    onDidChange(listener: (state: LocalServerState) => void): () => void;
  };
}

/** Tray menu, global shortcut and clipboard correction. */
export class TrayService {
  #options: TrayServiceOptions;
  #tray: TrayPort;
  #fixer: ClipboardFixer;
  #shortcut: ShortcutService;
  #shortcutProblem: string | null = null;
  #unsubscribe: () => void;
  #unsubscribeServer: () => void;

  constructor(options: TrayServiceOptions) {
    this.#options = options;
    const { settings } = options;
    this.#fixer = new ClipboardFixer({
      clipboard: options.clipboard,
      corrector: options.corrector,
      language: () => settings.get().language,
      ignoredWords: () => settings.get().ignoredWords,
    });
    this.#shortcut = new ShortcutService(options.globalShortcut, () => this.#background(() => this.fixClipboard()));
    this.#tray = options.createTray();
    this.#unsubscribe = settings.onDidChange((next) => this.#sync(next));
    this.#unsubscribeServer = options.localServer?.onDidChange(() => this.#render(settings.get())) ?? (() => {});
    this.#sync(settings.get());
  }

  /** Why the shortcut is not active, or null when it is (or is paused on purpose). */
  get shortcutProblem(): string | null {
    return this.#shortcutProblem;
  }

  /**
   * Makes `accelerator` the clipboard shortcut, and saves it only if the system accepted it: a refused one
   * saved anyway would leave the app with no shortcut after the next start. On failure the old shortcut
   * stays registered and saved, and the reason is returned for the settings dialog to show.
   */
  changeShortcut(accelerator: string): ShortcutResult {
    const { settings } = this.#options;
    const result = settings.get().paused ? this.#shortcut.probe(accelerator) : this.#shortcut.apply(accelerator);
    if (result.ok) settings.update({ shortcut: accelerator });
    return result;
  }

  /** Corrects the clipboard and tells the user what happened. */
  async fixClipboard(): Promise<ClipboardFixOutcome> {
    const outcome = await this.#fixer.fix();
    this.#notify(outcome);
    this.#render(this.#options.settings.get());
    return outcome;
  }

  /** Puts back the clipboard from before fix `id` (default: the latest), unless something newer was copied. */
  async undoClipboardFix(id?: number): Promise<ClipboardRestoreOutcome> {
    const outcome = await this.#fixer.undo(id);
    this.#notifyRestore(outcome);
    return outcome;
  }

  /** Puts back the original of fix `id` from the history, whatever the clipboard holds now. */
  async restoreClipboardOriginal(id: number): Promise<ClipboardRestoreOutcome> {
    const outcome = await this.#fixer.restore(id);
    this.#notifyRestore(outcome);
    return outcome;
  }

  /** Releases the tray icon and the shortcut. */
  dispose(): void {
    this.#unsubscribe();
    this.#unsubscribeServer();
    this.#shortcut.dispose();
    this.#tray.destroy();
  }

  #sync(settings: Settings): void {
    const result = this.#shortcut.apply(settings.paused ? null : settings.shortcut);
    const problem = result.ok ? null : result.reason;
    if (problem !== null && problem !== this.#shortcutProblem) {
      this.#options.notifier.show({ title: 'Shortcut not available', body: problem });
    }
    this.#shortcutProblem = problem;
    this.#render(settings);
  }

  /**
   * Runs work started by a click, a notification or the shortcut, where nobody awaits the promise: a
   * failure becomes a notification instead of an unhandled rejection.
   */
  #background(task: () => Promise<unknown>): void {
    task().catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      try {
        this.#options.notifier.show({ title: 'Ogonek ran into a problem', body: message });
      } catch (notifyError) {
        console.error('[tray] could not show a notification', message, notifyError);
      }
    });
  }

  #notifyRestore(outcome: ClipboardRestoreOutcome): void {
    const { notifier } = this.#options;
    switch (outcome.kind) {
      case 'restored':
        notifier.show({ title: 'Clipboard restored', body: 'The original text is back on the clipboard.' });
        break;
      case 'changed':
        notifier.show({ title: 'Nothing to undo', body: 'The clipboard has changed since it was corrected. The original is kept under “Restore an original” in the tray menu.' });
        break;
      case 'nothing':
        notifier.show({ title: 'Nothing to undo', body: 'There is no corrected clipboard text to put back.' });
        break;
      case 'error':
        notifier.show({ title: 'Could not restore the clipboard', body: `${outcome.message} The original is kept: try again from the tray menu.` });
    }
    this.#render(this.#options.settings.get());
  }

  #notify(outcome: ClipboardFixOutcome): void {
    const { notifier } = this.#options;
    switch (outcome.kind) {
      case 'fixed': {
        const count = outcome.changes.length;
        notifier.show({
          title: `Clipboard corrected: ${count} ${count === 1 ? 'change' : 'changes'}`,
          body: summariseChanges(outcome.changes),
          onUndo: () => this.#background(() => this.undoClipboardFix(outcome.undoId)),
        });
        return;
      }
      case 'unchanged':
        notifier.show({ title: 'Nothing to correct', body: 'The clipboard text already looks right.' });
        return;
      case 'empty':
        notifier.show({ title: 'The clipboard is empty', body: 'Copy some text first, then press the shortcut again.' });
        return;
      case 'not-text':
        notifier.show({ title: 'Clipboard left untouched', body: `It holds no plain text (${outcome.formats.join(', ')}).` });
        return;
      case 'too-long':
        notifier.show({
          title: 'Clipboard text too long',
          body: `It has ${outcome.length.toLocaleString('en')} characters; the shortcut corrects up to ${outcome.limit.toLocaleString('en')}. Paste it into the editor instead.`,
        });
        return;
      case 'error':
        notifier.show({ title: 'Could not correct the clipboard', body: outcome.message });
        return;
      case 'busy':
        // Said rather than ignored: a silent press looks like a broken shortcut.
        notifier.show({ title: 'Still correcting', body: 'The previous clipboard text is still being corrected.' });
    }
  }

  /** The originals of the last fixes, newest first, each restorable on purpose. */
  #historyMenu(): MenuItemSpec {
    const history = this.#fixer.history;
    return {
      id: 'history',
      label: 'Restore an original',
      type: 'submenu',
      enabled: history.length > 0,
      submenu: history.length === 0
        ? [{ label: 'Nothing corrected yet', enabled: false }]
        : history.map((entry) => ({
          id: `history-${entry.id}`,
          label: menuPreview(entry.original['text/plain'] ?? ''),
          click: () => this.#background(() => this.restoreClipboardOriginal(entry.id)),
        })),
    };
  }

  #render(settings: Settings): void {
    const { actions, platform } = this.#options;
    const shortcut = this.#shortcut.registered ? ` (${acceleratorLabel(this.#shortcut.registered, platform)})` : '';
    const setLanguage = (language: LanguageChoice) => this.#options.settings.update({ language });
    const items: MenuItemSpec[] = [
      { id: 'fix', label: `Fix clipboard now${shortcut}`, click: () => this.#background(() => this.fixClipboard()) },
      { id: 'undo', label: 'Undo clipboard fix', enabled: this.#fixer.canUndo, click: () => this.#background(() => this.undoClipboardFix()) },
      this.#historyMenu(),
      { id: 'open', label: 'Open editor', click: actions.openEditor },
      {
        id: 'language',
        label: `Language: ${languageLabel(settings.language)}`,
        type: 'submenu',
        submenu: (['auto', ...LANGUAGES] as LanguageChoice[]).map((code) => ({
          id: `language-${code}`,
          label: languageLabel(code),
          type: 'radio' as const,
          checked: settings.language === code,
          click: () => setLanguage(code),
        })),
      },
      { id: 'pause', label: 'Pause', type: 'checkbox', checked: settings.paused, click: () => this.#options.settings.update({ paused: !this.#options.settings.get().paused }) },
      { id: 'settings', label: 'Settings…', click: actions.openSettings },
      ...this.#serverItems(),
      { type: 'separator' },
      { id: 'quit', label: 'Quit Ogonek', click: actions.quit },
    ];
    this.#tray.setContextMenu(items);
    const server = this.#options.localServer?.state;
    const serverLine = server?.running ? `\nLanguageTool server: ${server.url}` : '';
    this.#tray.setToolTip((settings.paused ? 'Ogonek (paused)' : `Ogonek${shortcut}`) + serverLine);
  }

  /** A disabled line with the URL to give LanguageTool clients while the server runs, or why it does not. */
  #serverItems(): MenuItemSpec[] {
    const server = this.#options.localServer?.state;
    if (!server) return [];
    if (server.running) return [{ type: 'separator' }, { id: 'local-server', label: `LanguageTool server: ${server.url}`, enabled: false }];
    if (server.problem !== null) return [{ type: 'separator' }, { id: 'local-server', label: 'LanguageTool server: not running (see Settings)', enabled: false }];
    return [];
  }
}

/** A one-line menu label for a text: whitespace collapsed, cut at `max` characters, '&' kept literal. */
export function menuPreview(text: string, max = 40): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const cut = [...line].length > max ? `${[...line].slice(0, max - 1).join('')}…` : line;
  // Windows and Linux menus read '&' as a mnemonic marker; '&&' is a literal ampersand.
  return cut.replaceAll('&', '&&');
}
