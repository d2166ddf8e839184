/**
 * The desktop app's side of `ogonek serve`: the LanguageTool-compatible server of electron/server/, run
 * inside the main process over the app's own engine while the `localServer` setting is on.
 *
 * Like the clipboard shortcut, a change is applied before it is saved: a port another program holds would
 * otherwise be saved as "on" while nothing answers, and the settings dialog would claim a server that does
 * not run. So change() starts the new server first, saves only when it listens, and returns the reason
 * otherwise. At startup a saved "on" that cannot listen (the port was taken meanwhile) keeps the setting,
 * so the next start tries again, and the problem is shown through the notifier and the tray.
 *
 * The server only ever listens on 127.0.0.1: it has no authentication, and the app offers no way to widen
 * that (the CLI's --host is the explicit way).
 */
import type { Settings } from '../shared/contract.ts';
import type { CorrectOptions, CorrectionResult, Corrector, EngineStatus } from '../shared/types.ts';
import { ignoreKey } from '../shared/ignored-words.ts';
import { startLtServer, type LtServer, type LtServerOptions } from '../server/server.ts';
import type { SettingsService } from './settings-service.ts';

/** The address the app's server listens on; nothing else is offered from the desktop. */
export const LOCAL_SERVER_HOST = '127.0.0.1';

export type LocalServerSetting = Settings['localServer'];

export type LocalServerResult = { ok: true } | { ok: false; reason: string };

/** What the tray and the dialog show: the URL clients are given while it runs, else why it does not. */
export type LocalServerState =
  | { running: true; url: string }
  | { running: false; problem: string | null };

/** The engine as the server needs it: ProcessCorrector in the app, a fake in tests. */
export type ServerEngine = Pick<Corrector, 'correct' | 'status'>;

export interface LocalServerServiceOptions {
  settings: SettingsService;
  engine: ServerEngine;
  /** Ogonek's version, for the answers' `software`. */
  version: string;
  /** Told when a saved "on" cannot start at launch (nobody is looking at the dialog then). */
  notify?: (notification: { title: string; body: string }) => void;
  /** Per-request lines (they never contain the text); default: none. */
  log?: (line: string) => void;
  /** The server factory (the real one by default; tests may count calls). */
  start?: (options: LtServerOptions) => Promise<LtServer>;
}

/**
 * The engine under the server's interface: the app's ignored words are left out of the matches, as in the
 * editor and the clipboard fix.
 */
export function serverCorrector(engine: ServerEngine, ignoredWords: () => readonly string[]): LtServerOptions['corrector'] {
  return {
    status: (): EngineStatus => engine.status(),
    correct: async (text: string, options: CorrectOptions): Promise<CorrectionResult> => {
      // Only the language: a documentId would make the engine supersede one HTTP client's request by another's.
      const result = await engine.correct(text, { language: options.language });
      const ignored = new Set(ignoredWords().map(ignoreKey));
      if (ignored.size === 0) return result;
      return { ...result, suggestions: result.suggestions.filter((s) => !ignored.has(ignoreKey(s.original))) };
    },
  };
}

/** Why listening failed, in words for the settings dialog. */
export function listenFailure(port: number, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EADDRINUSE') return `Port ${port} is already in use by another program. Choose another port, or stop that program.`;
  if (code === 'EACCES') return `Port ${port} needs administrator rights on this system. Choose a port from 1024 to 65535.`;
  const message = error instanceof Error ? error.message : String(error);
  return `The server could not listen on ${LOCAL_SERVER_HOST}:${port}: ${message}`;
}

/** Starts and stops the app's LanguageTool-compatible server as the setting says. */
export class LocalServerService {
  #options: LocalServerServiceOptions;
  #server: LtServer | null = null;
  /** The port the running server was asked for (0 stays 0, so "port 0 again" is no change). */
  #requestedPort: number | null = null;
  #problem: string | null = null;
  /** Changes run one after another: two quick toggles must not start two servers. */
  #queue: Promise<unknown> = Promise.resolve();
  #listeners = new Set<(state: LocalServerState) => void>();
  #disposed = false;

  constructor(options: LocalServerServiceOptions) {
    this.#options = options;
  }

  get state(): LocalServerState {
    return this.#server ? { running: true, url: `${this.#server.url}/v2` } : { running: false, problem: this.#problem };
  }

  /** Subscribes to state changes (the tray); returns the unsubscribe function. */
  onDidChange(listener: (state: LocalServerState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Starts the server if the saved setting says so; a failure is reported, and the setting kept for next time. */
  start(): Promise<LocalServerState> {
    return this.#serial(async () => {
      const saved = this.#options.settings.get().localServer;
      if (!saved.enabled) return this.state;
      const result = await this.#apply(saved);
      if (!result.ok) this.#options.notify?.({ title: 'LanguageTool server not started', body: result.reason });
      return this.state;
    });
  }

  /**
   * Applies `next` and saves it only if that worked. On failure whatever ran before keeps running, the
   * saved setting is unchanged, and the reason is returned for the settings dialog.
   */
  change(next: LocalServerSetting): Promise<LocalServerResult> {
    return this.#serial(async () => {
      const result = await this.#apply(next);
      if (result.ok) this.#options.settings.update({ localServer: next });
      return result;
    });
  }

  /** Stops the server (on quit); later changes are refused. */
  dispose(): Promise<void> {
    this.#disposed = true;
    return this.#serial(async () => {
      await this.#stop();
    });
  }

  async #apply(next: LocalServerSetting): Promise<LocalServerResult> {
    if (this.#disposed) return { ok: false, reason: 'Ogonek is quitting.' };
    if (!next.enabled) {
      await this.#stop();
      this.#setProblem(null);
      return { ok: true };
    }
    if (this.#server && this.#requestedPort === next.port) return { ok: true };
    const { settings, engine, version, log } = this.#options;
    let server: LtServer;
    try {
      server = await (this.#options.start ?? startLtServer)({
        corrector: serverCorrector(engine, () => settings.get().ignoredWords),
        host: LOCAL_SERVER_HOST,
        port: next.port,
        version,
        log,
      });
    } catch (error) {
      const reason = listenFailure(next.port, error);
      // A server that was already running (on another port) keeps running, so the state is still right.
      if (!this.#server) this.#setProblem(reason);
      return { ok: false, reason };
    }
    // The new one listens before the old one closes: a failed port change never leaves no server.
    await this.#stop();
    this.#server = server;
    this.#requestedPort = next.port;
    this.#setProblem(null);
    return { ok: true };
  }

  async #stop(): Promise<void> {
    const server = this.#server;
    if (!server) return;
    this.#server = null;
    this.#requestedPort = null;
    await server.close();
    this.#emit();
  }

  #setProblem(problem: string | null): void {
    this.#problem = problem;
    this.#emit();
  }

  #emit(): void {
    const state = this.state;
    for (const listener of this.#listeners) listener(state);
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => {});
    return run;
  }
}
