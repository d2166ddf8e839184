/**
 * New, open, save, drag and drop and quit, each behind the unsaved-changes guard.
 * Paths are only ever handed to main, which decides what it will read and write.
 */
import type { OpenedFile } from '../../../electron/shared/contract.ts';
import type { AppController } from './app-controller.svelte.ts';
import { errorText } from './notices.svelte.ts';

const TEXT_FILE = /\.(txt|md|markdown|text)$/i;

/** File operations of the editor window. */
export class FileActions {
  #app: AppController;

  constructor(app: AppController) {
    this.#app = app;
  }

  /** Resolves true when it is fine to replace the document (saved, discarded, or clean). */
  async guard(action: string): Promise<boolean> {
    const { doc, notices } = this.#app;
    if (!doc.dirty) return true;
    const choice = await notices.ask('Unsaved changes', `Save the changes to “${doc.name}” before ${action}?`);
    if (choice === 'save') return this.save(false);
    return choice === 'discard';
  }

  /**
   * True, with a notice saying why, while Fix all runs: its answer is for this document, so nothing may replace or
   * save it meanwhile (a file opened from main or dropped used to take its place, and then the fix landed on it).
   */
  #fixAllRunning(): boolean {
    if (!this.#app.fixAll) return false;
    this.#app.notices.show('info', 'Fix all is still running: let it finish or cancel it, then try again.');
    return true;
  }

  async newDocument(): Promise<void> {
    if (this.#fixAllRunning() || !(await this.guard('starting a new document'))) return;
    this.#app.loadFile({ path: null, name: 'Untitled', content: '' });
  }

  /** Opens `path`, or asks main to show the open dialog. */
  async open(path?: string): Promise<void> {
    if (this.#fixAllRunning() || !(await this.guard('opening another file'))) return;
    try {
      const file = await this.#app.api.openFile(path === undefined ? {} : { path });
      if (file) this.#app.loadFile(file);
    } catch (error) {
      this.#app.notices.show('error', `Could not open the file: ${errorText(error)}`);
    }
  }

  /** A file main opened for us (second instance, recent menu, macOS open-file). */
  async load(file: OpenedFile, guarded: boolean): Promise<void> {
    if (this.#fixAllRunning() || (guarded && !(await this.guard('opening another file')))) return;
    this.#app.loadFile(file);
  }

  /** Saves; true when the document ended up saved. */
  async save(saveAs: boolean): Promise<boolean> {
    const { api, doc, editor, notices } = this.#app;
    if (!editor || this.#fixAllRunning()) return false;
    try {
      const text = editor.view.state.doc;
      const saved = await api.saveFile({ path: doc.path, content: text.toString(), saveAs, language: doc.language });
      if (!saved) return false;
      doc.path = saved.path;
      doc.name = saved.name;
      doc.markSaved(text);
      doc.update(editor.view.state.doc);
      notices.show('info', `Saved ${saved.name}.`);
      return true;
    } catch (error) {
      notices.show('error', `Could not save: ${errorText(error)}`);
      return false;
    }
  }

  /** A file dropped on the window: opened through main when its path is known, read directly otherwise. */
  async drop(files: FileList): Promise<void> {
    const file = files[0];
    if (!file || this.#fixAllRunning()) return;
    if (!TEXT_FILE.test(file.name)) {
      this.#app.notices.show('error', `${file.name} is not a .txt or .md file.`);
      return;
    }
    const path = this.#app.api.pathForFile(file);
    if (path) return this.open(path);
    if (!(await this.guard('opening another file'))) return;
    this.#app.loadFile({ path: null, name: file.name, content: (await file.text()).replace(/\r\n/g, '\n') });
  }

  /** Main wants to quit: settle unsaved changes first. */
  async confirmQuit(): Promise<void> {
    if (await this.guard('quitting')) await this.#app.api.confirmQuit();
  }
}
