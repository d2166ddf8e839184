/**
 * The one IPC contract between the main process, the preload and the renderer.
 *
 * Every invoke method and every event is declared here once, as a zod schema. Main validates each
 * request before a handler sees it, the preload validates each response and event before the page
 * sees it, and the renderer's `window.ogonek` type is derived from the same declarations, so there
 * is no hand-kept ambient type to drift. Channel names are derived from the keys (`ogonek:<name>`).
 * Only plain TS + zod here: this module is bundled into the sandboxed preload and the renderer.
 */
import { z } from 'zod';
import { correctionResultSchema, engineStatusSchema, languageChoiceSchema, languageSchema, progressSchema } from './schemas.ts';

/** Prefix of every IPC channel; the preload refuses anything else. */
export const CHANNEL_PREFIX = 'ogonek:';

/**
 * Largest text one request may carry (UTF-16 code units); a generous cap against runaway pastes. It is also
 * the one limit on opening files (file-service.ts measures the decoded text against it), so a file the
 * editor accepts always fits the contract.
 */
export const MAX_TEXT_LENGTH = 5_000_000;

/** Accelerator used when the user has not chosen one: Ctrl+Alt+D, or Cmd+Option+D on macOS. */
export const DEFAULT_SHORTCUT = 'CommandOrControl+Alt+D';

/** LanguageTool's own port, so clients configured for a local LanguageTool find Ogonek's server as they are. */
export const DEFAULT_SERVER_PORT = 8081;

/** How many recent files are remembered. */
export const MAX_RECENT_FILES = 10;

export const themeSchema = z.enum(['system', 'light', 'dark']);
/** Ids are short opaque strings minted by the renderer. */
const idSchema = z.string().min(1).max(200);
/**
 * Absolute on POSIX (/...) or Windows (C:\..., C:/..., \\server\share...). Written out rather than taken from
 * node:path because this module also runs in the sandboxed preload and the page, where there is none.
 */
const ABSOLUTE_PATH = /^(?:\/|[A-Za-z]:[\\/]|\\\\[^\\])/;
/**
 * A path on disk; the main process decides which ones it will touch. Only absolute paths: a relative one
 * would resolve against whatever directory the main process happens to run in.
 */
const pathSchema = z.string().min(1).max(4096).regex(ABSOLUTE_PATH, 'must be an absolute path');

/** The settings' fields without defaults: the patch schema must not fill in what a patch leaves out. */
const settingsFields = {
  language: languageChoiceSchema,
  shortcut: z.string().min(1).max(64),
  theme: themeSchema,
  ignoredWords: z.array(z.string().min(1).max(100)).max(10_000),
  startAtLogin: z.boolean(),
  startInTray: z.boolean(),
  paused: z.boolean(),
  recentFiles: z.array(pathSchema).max(MAX_RECENT_FILES),
  /** Language chosen per document path, so reopening a file keeps its language. */
  documentLanguages: z.record(pathSchema, languageChoiceSchema),
  /**
   * The local LanguageTool-compatible server (electron/server/), always on 127.0.0.1. Port 0 takes any free
   * port (tests use it); the default is LanguageTool's, so clients set up for a local LanguageTool just work.
   */
  localServer: z.object({
    enabled: z.boolean(),
    port: z.number().int().min(0).max(65535),
  }).strict(),
  /** Run the model on a GPU when one passes the engine's check (off: always the CPU, e.g. to spare a laptop's battery). */
  useGpu: z.boolean(),
};

/** Everything the app persists (main owns the file; the renderer reads it and patches part of it). */
export const settingsSchema = z.object({
  language: settingsFields.language.default('auto'),
  shortcut: settingsFields.shortcut.default(DEFAULT_SHORTCUT),
  theme: settingsFields.theme.default('system'),
  ignoredWords: settingsFields.ignoredWords.default([]),
  startAtLogin: settingsFields.startAtLogin.default(false),
  startInTray: settingsFields.startInTray.default(false),
  paused: settingsFields.paused.default(false),
  recentFiles: settingsFields.recentFiles.default([]),
  documentLanguages: settingsFields.documentLanguages.default({}),
  localServer: settingsFields.localServer.default({ enabled: false, port: DEFAULT_SERVER_PORT }),
  useGpu: settingsFields.useGpu.default(true),
});
export type Settings = z.output<typeof settingsSchema>;

/** The part of the settings the renderer may change; recent files are main's business. */
export const settingsPatchSchema = z.object({
  language: settingsFields.language,
  shortcut: settingsFields.shortcut,
  theme: settingsFields.theme,
  ignoredWords: settingsFields.ignoredWords,
  startAtLogin: settingsFields.startAtLogin,
  startInTray: settingsFields.startInTray,
  paused: settingsFields.paused,
  localServer: settingsFields.localServer,
  useGpu: settingsFields.useGpu,
}).partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const correctRequestSchema = z.object({
  text: z.string().max(MAX_TEXT_LENGTH),
  language: languageChoiceSchema,
  /** With `auto`: the language of the rest of the document (CorrectOptions.around), for a paragraph checked alone. */
  around: languageSchema.optional(),
  /** The whole document, for a paragraph checked alone (CorrectOptions.document): the names it repeats. */
  document: z.string().max(MAX_TEXT_LENGTH).optional(),
  documentId: idSchema,
  /** Echoed in progress events so the page can tell its requests apart. */
  requestId: idSchema,
}).strict();
export type CorrectRequest = z.infer<typeof correctRequestSchema>;

export const openedFileSchema = z.object({
  path: pathSchema.nullable(),
  name: z.string().max(1024),
  content: z.string().max(MAX_TEXT_LENGTH),
  language: languageChoiceSchema.optional(),
});
export type OpenedFile = z.infer<typeof openedFileSchema>;

export const saveRequestSchema = z.object({
  /** null: never saved, so ask where. */
  path: pathSchema.nullable(),
  content: z.string().max(MAX_TEXT_LENGTH),
  saveAs: z.boolean(),
  language: languageChoiceSchema,
}).strict();
export type SaveRequest = z.infer<typeof saveRequestSchema>;

export const savedFileSchema = z.object({ path: pathSchema, name: z.string() });
export type SavedFile = z.infer<typeof savedFileSchema>;

export const menuCommandSchema = z.enum([
  'new', 'open', 'save', 'save-as', 'fix-all', 'accept-all', 'next-suggestion', 'previous-suggestion', 'settings',
]);
export type MenuCommand = z.infer<typeof menuCommandSchema>;

export const progressEventSchema = z.object({ requestId: idSchema, ...progressSchema.shape });

export const appInfoSchema = z.object({ platform: z.string(), version: z.string() });
export type AppInfo = z.infer<typeof appInfoSchema>;

/** One invoke method: a tuple of arguments and a response. */
interface InvokeSpec {
  request: z.ZodType<readonly unknown[]>;
  response: z.ZodType;
}

/** Renderer -> main calls that answer. */
export const invokeContract = {
  getAppInfo: { request: z.tuple([]), response: appInfoSchema },
  getEngineStatus: { request: z.tuple([]), response: engineStatusSchema },
  /** null: the request was superseded by a newer one for the same document, or cancelled. */
  correct: { request: z.tuple([correctRequestSchema]), response: correctionResultSchema.nullable() },
  cancelCorrection: { request: z.tuple([z.object({ documentId: idSchema }).strict()]), response: z.null() },
  getSettings: { request: z.tuple([]), response: settingsSchema },
  updateSettings: { request: z.tuple([settingsPatchSchema]), response: settingsSchema },
  /** With a path (recent file, dropped file) open it; without one, ask. null: the user cancelled. */
  openFile: { request: z.tuple([z.object({ path: pathSchema.optional() }).strict()]), response: openedFileSchema.nullable() },
  saveFile: { request: z.tuple([saveRequestSchema]), response: savedFileSchema.nullable() },
  setDocumentState: { request: z.tuple([z.object({ dirty: z.boolean(), title: z.string().max(1024) }).strict()]), response: z.null() },
  /** The page has dealt with unsaved changes: quit for real. */
  confirmQuit: { request: z.tuple([]), response: z.null() },
} as const satisfies Record<string, InvokeSpec>;

/** Main -> renderer notifications. */
export const eventContract = {
  onDidChangeEngineStatus: engineStatusSchema,
  onDidProgress: progressEventSchema,
  onDidChangeSettings: settingsSchema,
  onMenuCommand: menuCommandSchema,
  onDidOpenFile: openedFileSchema,
  onDidRequestQuit: z.null(),
} as const satisfies Record<string, z.ZodType>;

export type InvokeName = keyof typeof invokeContract;
export type EventName = keyof typeof eventContract;
export type InvokeArgs<N extends InvokeName> = z.input<(typeof invokeContract)[N]['request']>;
export type InvokeResult<N extends InvokeName> = z.output<(typeof invokeContract)[N]['response']>;
export type EventPayload<N extends EventName> = z.output<(typeof eventContract)[N]>;

/** What the preload puts on `window.ogonek`, derived from the contract. */
export type OgonekApi = {
  [N in InvokeName]: (...args: InvokeArgs<N>) => Promise<InvokeResult<N>>;
} & {
  [N in EventName]: (listener: (payload: EventPayload<N>) => void) => () => void;
} & {
  /** Path of a dropped file ('' when the page cannot know it, e.g. in a plain browser). */
  pathForFile(file: File): string;
};

export const INVOKE_NAMES = Object.keys(invokeContract) as InvokeName[];
export const EVENT_NAMES = Object.keys(eventContract) as EventName[];

/** The IPC channel of an invoke method or event. */
export function channelOf(name: InvokeName | EventName): string {
  return CHANNEL_PREFIX + name;
}

/** Whether `name` is an invoke method of the contract (a guard for untyped callers). */
export function isInvokeName(name: string): name is InvokeName {
  return Object.hasOwn(invokeContract, name);
}

/** Parses the arguments of an invoke call; throws a ZodError with the offending path. */
export function parseRequest<N extends InvokeName>(name: N, args: unknown): z.output<(typeof invokeContract)[N]['request']> {
  return invokeContract[name].request.parse(args) as z.output<(typeof invokeContract)[N]['request']>;
}

/** Parses the response of an invoke call. */
export function parseResponse<N extends InvokeName>(name: N, value: unknown): InvokeResult<N> {
  return invokeContract[name].response.parse(value) as InvokeResult<N>;
}

/** Parses the payload of an event. */
export function parseEvent<N extends EventName>(name: N, value: unknown): EventPayload<N> {
  return eventContract[name].parse(value) as EventPayload<N>;
}

/** The settings a fresh install starts with. */
export function defaultSettings(): Settings {
  return settingsSchema.parse({});
}
