/**
 * The app's settings: validated on the way in and on the way out of the store.
 *
 * The backend is electron-store in the app (it owns the JSON file, atomic writes and the platform's
 * config folder) and a plain object in tests; both only need a readable and writable `store`.
 */
import {
  MAX_RECENT_FILES,
  defaultSettings,
  settingsPatchSchema,
  settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../shared/contract.ts';
import type { LanguageChoice } from '../shared/types.ts';
import { ignoreKey } from '../shared/ignored-words.ts';

/** What SettingsService needs from its storage; electron-store's instances fit. */
export interface SettingsBackend {
  store: Record<string, unknown>;
}

/** Keeps the documentLanguages map from growing without bound. */
const MAX_DOCUMENT_LANGUAGES = 200;

/** Reads, validates, changes and broadcasts the settings. */
export class SettingsService {
  #backend: SettingsBackend;
  #settings: Settings;
  #listeners = new Set<(settings: Settings) => void>();

  constructor(backend: SettingsBackend) {
    this.#backend = backend;
    this.#settings = readValid(backend.store);
  }

  /** The current settings (a copy: callers cannot mutate the stored ones). */
  get(): Settings {
    return structuredClone(this.#settings);
  }

  /** Applies a validated patch from the renderer or the tray; throws on an invalid one. */
  update(patch: SettingsPatch): Settings {
    const valid = settingsPatchSchema.parse(patch);
    if (valid.ignoredWords) valid.ignoredWords = uniqueWords(valid.ignoredWords);
    return this.#write({ ...this.#settings, ...valid });
  }

  /** Moves `path` to the front of the recent files. */
  addRecentFile(path: string): Settings {
    const recentFiles = [path, ...this.#settings.recentFiles.filter((p) => p !== path)].slice(0, MAX_RECENT_FILES);
    return this.#write({ ...this.#settings, recentFiles });
  }

  /** Forgets a recent file (e.g. one that no longer exists). */
  removeRecentFile(path: string): Settings {
    return this.#write({ ...this.#settings, recentFiles: this.#settings.recentFiles.filter((p) => p !== path) });
  }

  /** Remembers the language chosen for a document. */
  setDocumentLanguage(path: string, language: LanguageChoice): Settings {
    const entries = Object.entries(this.#settings.documentLanguages).filter(([p]) => p !== path);
    entries.push([path, language]);
    const documentLanguages = Object.fromEntries(entries.slice(-MAX_DOCUMENT_LANGUAGES));
    return this.#write({ ...this.#settings, documentLanguages });
  }

  /** Subscribes to changes; returns the unsubscribe function. */
  onDidChange(listener: (settings: Settings) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #write(next: Settings): Settings {
    const settings = settingsSchema.parse(next);
    if (JSON.stringify(settings) === JSON.stringify(this.#settings)) return this.get();
    this.#settings = settings;
    this.#backend.store = structuredClone(settings);
    for (const listener of this.#listeners) listener(this.get());
    return this.get();
  }
}

/** Keeps every valid field of a stored object and resets the invalid ones, so one bad edit does not wipe the rest. */
function readValid(stored: unknown): Settings {
  const whole = settingsSchema.safeParse(stored ?? {});
  if (whole.success) return whole.data;
  const defaults = defaultSettings();
  const source = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const merged: Record<string, unknown> = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof Settings)[]) {
    const field = settingsSchema.shape[key].safeParse(source[key]);
    if (field.success) merged[key] = field.data;
  }
  return settingsSchema.parse(merged);
}

function uniqueWords(words: string[]): string[] {
  return [...new Set(words.map(ignoreKey).filter((w) => w.length > 0))].sort();
}
