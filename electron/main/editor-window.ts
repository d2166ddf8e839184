/**
 * The editor window: created on demand, hidden (not destroyed) on close so the app lives on in the tray
 * and the document survives, and the only webContents whose IPC is trusted.
 */
import { BrowserWindow, nativeTheme, type IpcMainInvokeEvent } from 'electron';
import type { EventName, EventPayload } from '../shared/contract.ts';
import { PageEvents } from './page-events.ts';
import { APP_ORIGIN } from './renderer-files.ts';
import { editorWebPreferences } from './window-options.ts';

export interface EditorWindowOptions {
  preloadPath: string;
  iconPath?: string;
  devTools: boolean;
}

/** Owns the single editor BrowserWindow. */
export class EditorWindow {
  #options: EditorWindowOptions;
  #window: BrowserWindow | null = null;
  #events = new PageEvents();
  #dirty = false;
  #quitting = false;

  constructor(options: EditorWindowOptions) {
    this.#options = options;
  }

  /** Whether the document has unsaved changes (as the page last reported). */
  get dirty(): boolean {
    return this.#window !== null && this.#dirty;
  }

  /** Whether the window exists (it may be hidden). */
  get exists(): boolean {
    return this.#window !== null;
  }

  /** Shows the window, creating it first if needed. */
  show(): void {
    const window = this.#window ?? this.#create();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  }

  /**
   * Sends an event to the page, after it has loaded. Throws here, in the caller, if the payload breaks the
   * contract (see PageEvents); dropped when there is no window.
   */
  send<N extends EventName>(name: N, payload: EventPayload<N>): void {
    this.#events.send(name, payload);
  }

  /** Only the editor page's main frame, loaded from the app's own origin, may call the contract. */
  isTrustedSender(event: IpcMainInvokeEvent): boolean {
    const window = this.#window;
    if (!window || window.isDestroyed() || event.sender !== window.webContents) return false;
    const frame = event.senderFrame;
    return frame !== null && frame === event.sender.mainFrame && frame.url.startsWith(`${APP_ORIGIN}/`);
  }

  /** Title and dirty flag as reported by the page. */
  setDocumentState(state: { dirty: boolean; title: string }): void {
    this.#dirty = state.dirty;
    if (!this.#window) return;
    this.#window.setTitle(`${state.dirty ? '• ' : ''}${state.title} — Ogonek`);
    this.#window.setDocumentEdited(state.dirty);
  }

  /** From now on closing really closes (the app is quitting). */
  allowClose(): void {
    this.#quitting = true;
  }

  #create(): BrowserWindow {
    const window = new BrowserWindow({
      width: 960,
      height: 700,
      minWidth: 360,
      minHeight: 280,
      show: false,
      title: 'Ogonek',
      icon: this.#options.iconPath,
      backgroundColor: nativeTheme.shouldUseDarkColors ? '#1d1f23' : '#ffffff',
      webPreferences: editorWebPreferences(this.#options.preloadPath, this.#options.devTools),
    });
    window.once('ready-to-show', () => window.show());
    this.#events.attach({
      send: (channel, payload) => {
        if (!window.isDestroyed()) window.webContents.send(channel, payload);
      },
    });
    window.webContents.on('did-finish-load', () => this.#events.loaded());
    window.webContents.on('render-process-gone', (_event, details) => {
      console.error(`[editor-window] renderer gone: ${details.reason}; reloading`);
      this.#events.reloading();
      if (details.reason !== 'clean-exit') window.webContents.reload();
    });
    window.on('close', (event) => {
      if (this.#quitting) return;
      event.preventDefault();
      window.hide();
    });
    window.on('closed', () => {
      this.#window = null;
      this.#events.detach();
    });
    this.#window = window;
    void window.loadURL(`${APP_ORIGIN}/index.html`);
    return window;
  }
}
