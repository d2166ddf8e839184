/**
 * The editor window's state and actions, between the contract (`window.ogonek`) and the components.
 * Components receive the controller as a prop, so tests can drive it with any OgonekApi.
 */
import {
  defaultSettings, type AppInfo, type OgonekApi, type OpenedFile, type Settings, type SettingsPatch,
} from '../../../electron/shared/contract.ts';
import { ignoreKey } from '../../../electron/shared/ignored-words.ts';
import type { EngineStatus, LanguageChoice, LanguageCode } from '../../../electron/shared/types.ts';
import { DocumentModel, newId } from './document-model.svelte.ts';
import { createEditor, type EditorHandle } from './editor/create-editor.ts';
import { recheckAll } from './editor/live-checker.ts';
import { acceptAll, applyDocumentSuggestions, gotoSuggestion } from './editor/suggestion-commands.ts';
import { clearSuggestions, setIgnoredWords, suggestionsOf } from './editor/suggestion-state.ts';
import { FileActions } from './file-actions.ts';
import { windowKeys } from './window-keys.ts';
import { Notices, errorText } from './notices.svelte.ts';

/** Progress of a running Fix all. */
export interface FixAllState {
  requestId: string;
  documentId: string;
  done: number;
  total: number;
  cancelled: boolean;
}

/** State and actions of the editor window. */
export class AppController {
  readonly api: OgonekApi;
  readonly doc = new DocumentModel();
  readonly notices = new Notices();
  readonly files: FileActions;
  settings = $state<Settings>(defaultSettings());
  engine = $state<EngineStatus>({ state: 'loading' });
  appInfo = $state<AppInfo>({ platform: 'linux', version: '' });
  lastLatencyMs = $state<number | null>(null);
  detectedLanguage = $state<LanguageCode | null>(null);
  suggestionCount = $state(0);
  fixAll = $state<FixAllState | null>(null);
  settingsOpen = $state(false);
  editor: EditorHandle | null = null;
  #lastError = '';

  constructor(api: OgonekApi) {
    this.api = api;
    this.files = new FileActions(this);
  }

  /** Loads settings and status and subscribes to main's events. */
  async init(): Promise<void> {
    const api = this.api;
    api.onDidChangeSettings((settings) => this.#applySettings(settings));
    api.onDidChangeEngineStatus((status) => this.#applyEngineStatus(status));
    api.onMenuCommand((command) => void this.run(command));
    api.onDidOpenFile((file) => void this.files.load(file, true));
    api.onDidRequestQuit(() => void this.files.confirmQuit());
    api.onDidProgress((progress) => {
      if (this.fixAll && progress.requestId === this.fixAll.requestId) this.fixAll = { ...this.fixAll, ...progress };
    });
    const [settings, appInfo, status] = await Promise.all([api.getSettings(), api.getAppInfo(), api.getEngineStatus()]);
    this.appInfo = appInfo;
    this.#applySettings(settings);
    this.doc.language = settings.language;
    this.#applyEngineStatus(status);
  }

  /** Creates the CodeMirror view inside `parent`. */
  attachEditor(parent: HTMLElement, nonce: string): EditorHandle {
    const mac = this.appInfo.platform === 'darwin';
    this.editor = createEditor({
      parent,
      doc: '',
      nonce,
      acceptKey: mac ? '⌥↩' : 'Alt+Enter',
      extraKeys: windowKeys(this),
      ignoredWords: () => this.settings.ignoredWords,
      onIgnore: (word) => void this.ignoreWord(word),
      onChange: (view) => {
        this.doc.update(view.state.doc);
        this.suggestionCount = suggestionsOf(view.state).length;
      },
      checker: {
        delay: 350,
        enabled: () => !this.settings.paused && this.engine.state === 'ready' && this.fixAll === null,
        // A paragraph is checked alone: under auto it is detected inside the language the document had so far, so
        // that a greeting or a signature keeps it (CorrectOptions.around); the document goes with it for its names.
        check: (text, document) => this.api.correct({ text, document, language: this.doc.language,
          ...(this.doc.language === 'auto' && this.detectedLanguage ? { around: this.detectedLanguage } : {}),
          documentId: `${this.doc.id}:live`, requestId: newId() }),
        onResult: (result) => {
          this.lastLatencyMs = result.elapsedMs;
          this.detectedLanguage = result.language;
          this.#lastError = '';
        },
        onError: (error) => this.#reportEngineError(error),
      },
    });
    return this.editor;
  }

  /** Runs a command from the menu, the toolbar or a key. */
  async run(command: string): Promise<void> {
    const view = this.editor?.view;
    switch (command) {
      case 'new': return this.files.newDocument();
      case 'open': return this.files.open();
      case 'save': return void (await this.files.save(false));
      case 'save-as': return void (await this.files.save(true));
      case 'fix-all': return this.runFixAll();
      case 'accept-all': if (view) acceptAll(view); return;
      case 'next-suggestion': if (view) gotoSuggestion(view, 1); return;
      case 'previous-suggestion': if (view) gotoSuggestion(view, -1); return;
      case 'settings': this.settingsOpen = true; return;
    }
  }

  /** Changes the language of this document and checks it again. */
  setLanguage(language: LanguageChoice): void {
    this.doc.language = language;
    this.detectedLanguage = null;
    this.editor?.view.dispatch({ effects: [clearSuggestions.of(null), recheckAll.of(null)] });
  }

  /** Adds a word to the ignore list (persisted in the settings). */
  async ignoreWord(word: string): Promise<void> {
    const ignoredWords = [...this.settings.ignoredWords, ignoreKey(word)];
    this.editor?.view.dispatch({ effects: setIgnoredWords.of(ignoredWords) });
    await this.updateSettings({ ignoredWords });
    this.notices.show('info', `“${word}” will not be flagged again.`);
  }

  /**
   * Changes the global clipboard shortcut. Main registers it before saving it, so this can fail (another
   * application owns the combination): the reason is returned for the settings dialog to show beside the
   * field, and null when the new shortcut is active.
   */
  async changeShortcut(shortcut: string): Promise<string | null> {
    try {
      this.#applySettings(await this.api.updateSettings({ shortcut }));
      return null;
    } catch (error) {
      return errorText(error);
    }
  }

  /**
   * Turns the local LanguageTool server on or off, or moves it to another port. Main starts it before saving
   * the setting, so this can fail (the port is taken): the reason is returned for the settings dialog, and
   * null when the server now runs as asked.
   */
  async changeLocalServer(localServer: Settings['localServer']): Promise<string | null> {
    try {
      this.#applySettings(await this.api.updateSettings({ localServer }));
      return null;
    } catch (error) {
      return errorText(error);
    }
  }

  /** Saves part of the settings; main answers with the stored whole. */
  async updateSettings(patch: SettingsPatch): Promise<void> {
    try {
      this.#applySettings(await this.api.updateSettings(patch));
    } catch (error) {
      this.notices.show('error', `Could not save the settings: ${errorText(error)}`);
    }
  }

  /** Corrects the whole document in one engine request and applies the result as one undo step. */
  async runFixAll(): Promise<void> {
    const editor = this.editor;
    if (!editor || this.fixAll) return;
    const docId = this.doc.id;
    const fixAll: FixAllState = { requestId: newId(), documentId: `${docId}:fix-all`, done: 0, total: 0, cancelled: false };
    this.fixAll = fixAll;
    editor.setReadOnly(true);
    try {
      const { view } = editor;
      const result = await this.api.correct({ text: view.state.doc.toString(), language: this.doc.language, documentId: fixAll.documentId, requestId: fixAll.requestId });
      // The answer is for the document it was asked for (FileActions lets no other replace it meanwhile).
      if (!result || this.fixAll?.cancelled || this.doc.id !== docId) {
        this.notices.show('info', 'Fix all was cancelled; nothing was changed.');
        return;
      }
      this.lastLatencyMs = result.elapsedMs;
      this.detectedLanguage = result.language;
      const ignored = new Set(this.settings.ignoredWords);
      editor.setReadOnly(false);
      const count = applyDocumentSuggestions(view, result.suggestions, (s) => !ignored.has(ignoreKey(s.original)));
      this.notices.show('info', count === 0 ? 'Nothing to fix.' : `Fixed ${count} ${count === 1 ? 'word' : 'words'}. Undo puts them back.`);
    } catch (error) {
      this.notices.show('error', `Fix all failed: ${errorText(error)}`);
    } finally {
      editor.setReadOnly(false);
      this.fixAll = null;
      editor.nudge();
    }
  }

  /** Stops a running Fix all; the document is left as it was. */
  cancelFixAll(): void {
    if (!this.fixAll) return;
    this.fixAll = { ...this.fixAll, cancelled: true };
    void this.api.cancelCorrection({ documentId: this.fixAll.documentId });
  }

  /** Puts an opened file into the editor. */
  loadFile(file: OpenedFile): void {
    const editor = this.editor;
    if (!editor) return;
    editor.reset(file.content);
    this.doc.reset({ path: file.path, name: file.name, language: file.language ?? this.settings.language }, editor.view.state.doc);
    this.detectedLanguage = null;
  }

  #applySettings(settings: Settings): void {
    const wasPaused = this.settings.paused;
    this.settings = settings;
    document.documentElement.dataset.theme = settings.theme;
    this.editor?.view.dispatch({ effects: setIgnoredWords.of(settings.ignoredWords) });
    if (wasPaused && !settings.paused) this.editor?.nudge();
  }

  #applyEngineStatus(status: EngineStatus): void {
    const wasReady = this.engine.state === 'ready';
    this.engine = status;
    if (status.state === 'ready' && !wasReady) this.editor?.nudge();
    if (status.state === 'error' && status.error) this.#reportEngineError(new Error(status.error));
  }

  #reportEngineError(error: unknown): void {
    const text = errorText(error);
    if (text === this.#lastError) return;
    this.#lastError = text;
    this.notices.show('error', `Suggestions are unavailable: ${text} Your text is safe.`);
  }
}
