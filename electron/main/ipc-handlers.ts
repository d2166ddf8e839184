/**
 * What each contract method does, written without Electron so the same handlers serve the app
 * (through ipc-router.ts) and the browser e2e harness (through page.exposeFunction).
 * Arguments arrive already validated against the contract.
 */
import type { z } from 'zod';
import {
  openedFileSchema, type AppInfo, type InvokeName, type InvokeResult, type Settings, type SettingsPatch, type invokeContract,
} from '../shared/contract.ts';
import { CorrectionCancelledError } from '../shared/cancellation.ts';
import type { Corrector } from '../shared/types.ts';
import type { FileService } from './file-service.ts';
import type { SettingsService } from './settings-service.ts';

/** Per-call context: lets a handler talk back to the window that called it. */
export interface CallContext {
  sendProgress(event: { requestId: string; done: number; total: number }): void;
}

/** The editor window's side of the document lifecycle. */
export interface WindowControls {
  setDocumentState(state: { dirty: boolean; title: string }): void;
  confirmQuit(): void;
}

/** The global shortcut as the handlers need it (TrayService in the app). */
export interface ShortcutChanger {
  /** Registers and saves `accelerator`; on failure saves nothing and says why. */
  changeShortcut(accelerator: string): { ok: true } | { ok: false; reason: string };
}

/** The local LanguageTool server as the handlers need it (LocalServerService in the app). */
export interface LocalServerChanger {
  /** Starts/stops the server and saves the setting; on failure saves nothing and says why. */
  change(next: Settings['localServer']): Promise<{ ok: true } | { ok: false; reason: string }>;
}

export interface HandlerDeps {
  engine: Pick<Corrector, 'status' | 'correct' | 'cancel'>;
  settings: SettingsService;
  files: FileService;
  appInfo: AppInfo;
  window: WindowControls;
  /** Absent where there are no global shortcuts (the browser test harness): the shortcut is just saved. */
  shortcuts?: ShortcutChanger;
  /** Absent where no server may run (the browser test harness): the setting is just saved. */
  localServer?: LocalServerChanger;
}

type Args<N extends InvokeName> = z.output<(typeof invokeContract)[N]['request']>;

/** One implementation per contract method. */
export type Handlers = {
  [N in InvokeName]: (context: CallContext, ...args: Args<N>) => Promise<InvokeResult<N>>;
};

/** Builds the handlers over the given services. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { engine, settings, files, window } = deps;
  return {
    getAppInfo: async () => deps.appInfo,
    getEngineStatus: async () => engine.status(),
    correct: async (context, request) => {
      try {
        return await engine.correct(request.text, {
          language: request.language,
          around: request.around,
          document: request.document,
          documentId: request.documentId,
          onProgress: (progress) => context.sendProgress({ requestId: request.requestId, ...progress }),
        });
      } catch (error) {
        if (error instanceof CorrectionCancelledError) return null;
        throw error;
      }
    },
    cancelCorrection: async (_context, { documentId }) => {
      engine.cancel(documentId);
      return null;
    },
    getSettings: async () => settings.get(),
    updateSettings: async (_context, patch) => {
      const { shortcut, localServer, ...rest } = patch;
      const plain: SettingsPatch = rest;
      if (shortcut !== undefined) {
        if (shortcut !== settings.get().shortcut && deps.shortcuts) {
          // Registered first, saved only if that worked; the error reaches the settings dialog.
          const result = deps.shortcuts.changeShortcut(shortcut);
          if (!result.ok) throw new Error(result.reason);
        } else {
          plain.shortcut = shortcut;
        }
      }
      if (localServer !== undefined) {
        if (deps.localServer) {
          // Likewise: listening first, saved only if that worked (a taken port must not be saved as running).
          // Always asked, even for an unchanged value: a saved "on" that could not start at launch retries.
          const result = await deps.localServer.change(localServer);
          if (!result.ok) throw new Error(result.reason);
        } else {
          plain.localServer = localServer;
        }
      }
      return settings.update(plain);
    },
    openFile: async (_context, { path }) => {
      const opened = await files.open(path).catch((error: unknown) => {
        // A recent file that vanished should leave the list rather than fail forever.
        if (path !== undefined) settings.removeRecentFile(path);
        throw error;
      });
      if (!opened?.path) return opened;
      // Whatever the router would refuse to send back must not reach the recent files first.
      if (!openedFileSchema.safeParse(opened).success) throw new Error(`${opened.name} cannot be opened in the editor.`);
      const remembered = settings.addRecentFile(opened.path).documentLanguages[opened.path];
      return remembered ? { ...opened, language: remembered } : opened;
    },
    saveFile: async (_context, request) => {
      const saved = await files.save(request.path, request.content, request.saveAs);
      if (saved) {
        settings.addRecentFile(saved.path);
        settings.setDocumentLanguage(saved.path, request.language);
      }
      return saved;
    },
    setDocumentState: async (_context, state) => {
      window.setDocumentState(state);
      return null;
    },
    confirmQuit: async () => {
      window.confirmQuit();
      return null;
    },
  };
}
