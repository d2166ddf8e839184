/**
 * Files the operating system asks the app to open: on the command line, from a second instance, and from
 * macOS's `open-file` event.
 *
 * Listeners are attached when this is constructed, which main.ts does before `ready`: macOS sends
 * `open-file` for the file a user double-clicked before `ready`, and Electron's docs say to listen that
 * early. Requests that arrive before the app can show a window wait until ready() and are handled then.
 * A second instance's relative paths are resolved against that instance's working directory, which
 * Electron passes with the event; the first instance's own directory is unrelated to them.
 * Electron-free (the app is passed in), so it is tested with a fake app.
 */
import path from 'node:path';
import { isTextFile } from './file-service.ts';

/** The part of Electron's `app` this module listens to. */
export interface LaunchApp {
  on(event: 'open-file', listener: (event: { preventDefault(): void }, path: string) => void): unknown;
  on(event: 'second-instance', listener: (event: unknown, argv: string[], workingDirectory: string) => void): unknown;
}

/** What the app does with a request once it is ready. */
export interface LaunchHandlers {
  open(file: string): void;
  /** A second instance started without a file: bring the window forward. */
  show(): void;
}

/**
 * The first text file named in `argv` that exists, as an absolute path resolved against `cwd`. argv[0] is
 * the executable; options (Chromium adds some to a second instance's argv) are skipped.
 */
export function fileFromArgv(argv: readonly string[], cwd: string, exists: (file: string) => boolean): string | undefined {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    const file = path.resolve(cwd, arg);
    if (isTextFile(file) && exists(file)) return file;
  }
  return undefined;
}

/** Collects launch requests from the moment it is constructed; delivers them once ready. */
export class LaunchRequests {
  #exists: (file: string) => boolean;
  #handlers: LaunchHandlers | undefined;
  #files: string[] = [];
  #show = false;

  constructor(app: LaunchApp, exists: (file: string) => boolean) {
    this.#exists = exists;
    app.on('open-file', (event, file) => {
      // Tells macOS the app handles the file itself.
      event.preventDefault();
      this.#open(path.resolve(file));
    });
    app.on('second-instance', (_event, argv, workingDirectory) => {
      const file = fileFromArgv(argv, workingDirectory, this.#exists);
      if (file) this.#open(file);
      else if (this.#handlers) this.#handlers.show();
      else this.#show = true;
    });
  }

  /**
   * The app can open files now: handles what arrived before, then every later request at once. Returns
   * whether anything was waiting (then the app shows its window for it rather than starting hidden).
   */
  ready(handlers: LaunchHandlers): boolean {
    this.#handlers = handlers;
    const files = this.#files.splice(0);
    for (const file of files) handlers.open(file);
    const waiting = files.length > 0 || this.#show;
    if (this.#show && files.length === 0) handlers.show();
    this.#show = false;
    return waiting;
  }

  #open(file: string): void {
    if (this.#handlers) this.#handlers.open(file);
    else this.#files.push(file);
  }
}
