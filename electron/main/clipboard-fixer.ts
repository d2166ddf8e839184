/**
 * Corrects the clipboard text in place and can put the original back.
 *
 * Only text is touched (plain, with HTML/RTF twins): images, file lists and other formats are left alone,
 * because rewriting e.g. a copied file path would corrupt it. Every fix keeps the clipboard as it was, all of
 * its text formats, in a short history. Undo restores the latest original only while the clipboard still
 * holds our corrected text, so it never clobbers something copied afterwards; an entry of the history can
 * also be restored on purpose. An entry leaves the history only once its original is back on the clipboard:
 * a failed write must not lose the user's text.
 */
import type { Corrector, LanguageChoice, Suggestion } from '../shared/types.ts';
import { ignoreKey } from '../shared/ignored-words.ts';

/**
 * Formats that make the clipboard "not text" even when a text twin is present: pictures, copied files
 * (whose text twin is their paths) and application data. Anything else (plain, HTML, RTF, platform aliases
 * of plain text) counts as text; a list of bad formats is sturdier than a list of good ones, because each
 * platform names its text flavours differently.
 */
const NON_TEXT_FORMAT = /^(image|audio|video|application)\/|^text\/uri-list$|^x-special\/|^Files?$|^FileNameW?$/i;

/**
 * The clipboard operations the fixer needs. Electron 45's clipboard is asynchronous (modelled on the
 * W3C Clipboard API); main.ts adapts it to this shape.
 */
export interface ClipboardPort {
  /** MIME types currently on the clipboard. */
  formats(): Promise<string[]>;
  readText(): Promise<string>;
  /** The payload of one textual format (text/html, text/rtf, ...), or undefined when it is not there. */
  readFormat(type: string): Promise<string | undefined>;
  /** Replaces the clipboard with these formats in one write; `text/plain` is always among them. */
  write(content: ClipboardContent): Promise<void>;
}

/** A clipboard's text formats: MIME type -> payload. */
export type ClipboardContent = Readonly<Record<string, string>>;

/**
 * Longest clipboard text the shortcut corrects (UTF-16 code units). The shortcut is for a message or a
 * paragraph; this much text (a long chapter) takes the engine seconds, and more would keep the tray busy
 * for minutes with nothing to show. Longer texts belong in the editor, which shows progress.
 */
export const MAX_CLIPBOARD_TEXT_LENGTH = 100_000;

/** How many originals the history keeps (the issue asks for at least 5). */
export const CLIPBOARD_HISTORY_LENGTH = 5;

/** One fix that can be undone: the clipboard before it, and the text the fix wrote. */
export interface ClipboardHistoryEntry {
  id: number;
  original: ClipboardContent;
  corrected: string;
}

/** What undo/restore did. */
export type ClipboardRestoreOutcome =
  | { kind: 'restored' }
  /** No such entry: never fixed, already restored, or pushed out of the history. */
  | { kind: 'nothing' }
  /** The clipboard holds something copied after the fix; it was left alone (the entry stays restorable). */
  | { kind: 'changed' }
  /** Writing failed; the entry stays in the history for another try. */
  | { kind: 'error'; message: string };

/** What a fix did, for the notification and the tests. */
export type ClipboardFixOutcome =
  | { kind: 'fixed'; changes: Suggestion[]; language: string; undoId: number }
  | { kind: 'unchanged'; language: string }
  | { kind: 'empty' }
  | { kind: 'not-text'; formats: string[] }
  | { kind: 'too-long'; length: number; limit: number }
  | { kind: 'busy' }
  | { kind: 'error'; message: string };

export interface ClipboardFixerOptions {
  clipboard: ClipboardPort;
  corrector: Pick<Corrector, 'correct'>;
  language: () => LanguageChoice;
  ignoredWords: () => readonly string[];
}

/** One clipboard correction at a time, with a history of the originals. */
export class ClipboardFixer {
  #options: ClipboardFixerOptions;
  #busy = false;
  /** Newest first. */
  #history: ClipboardHistoryEntry[] = [];
  #nextId = 1;

  constructor(options: ClipboardFixerOptions) {
    this.#options = options;
  }

  /** Whether there is an original to put back. */
  get canUndo(): boolean {
    return this.#history.length > 0;
  }

  /** The originals that can be restored, newest first. */
  get history(): readonly ClipboardHistoryEntry[] {
    return [...this.#history];
  }

  /** Corrects the clipboard text, if it holds text. */
  async fix(): Promise<ClipboardFixOutcome> {
    if (this.#busy) return { kind: 'busy' };
    const { clipboard } = this.#options;
    this.#busy = true;
    try {
      const formats = await clipboard.formats();
      const foreign = formats.filter((format) => NON_TEXT_FORMAT.test(format));
      if (foreign.length > 0) return { kind: 'not-text', formats: foreign };
      const text = await clipboard.readText();
      if (text.trim() === '') return formats.length > 0 ? { kind: 'not-text', formats } : { kind: 'empty' };
      if (text.length > MAX_CLIPBOARD_TEXT_LENGTH) return { kind: 'too-long', length: text.length, limit: MAX_CLIPBOARD_TEXT_LENGTH };
      const original = await readContent(clipboard, text, formats);

      const result = await this.#options.corrector.correct(text, { language: this.#options.language(), documentId: 'clipboard' });
      const ignored = new Set(this.#options.ignoredWords().map(ignoreKey));
      const changes = result.suggestions.filter((s) => !ignored.has(ignoreKey(s.original)));
      if (changes.length === 0) return { kind: 'unchanged', language: result.language };
      // The user may have copied something else while the engine worked.
      if ((await clipboard.readText()) !== text) return { kind: 'error', message: 'The clipboard changed while it was being corrected; nothing was replaced.' };
      const corrected = applySuggestions(text, changes);
      // Kept before the write: if a failed write still changed the clipboard, the original must be restorable.
      const entry = { id: this.#nextId++, original, corrected };
      this.#history = [entry, ...this.#history].slice(0, CLIPBOARD_HISTORY_LENGTH);
      try {
        await clipboard.write({ 'text/plain': corrected });
      } catch (error) {
        const untouched = await clipboard.readText().then((now) => now === text, () => false);
        if (untouched) this.#history = this.#history.filter((e) => e !== entry);
        throw error;
      }
      return { kind: 'fixed', changes, language: result.language, undoId: entry.id };
    } catch (error) {
      return { kind: 'error', message: messageOf(error) };
    } finally {
      this.#busy = false;
    }
  }

  /**
   * Puts back the original of fix `id` (default: the latest) if the clipboard still holds that fix's text.
   * Never throws: a failure is an outcome, and the original stays in the history.
   */
  async undo(id = this.#history[0]?.id): Promise<ClipboardRestoreOutcome> {
    const entry = this.#history.find((e) => e.id === id);
    if (!entry) return { kind: 'nothing' };
    try {
      if ((await this.#options.clipboard.readText()) !== entry.corrected) return { kind: 'changed' };
    } catch (error) {
      return { kind: 'error', message: messageOf(error) };
    }
    return this.#write(entry);
  }

  /** Puts back the original of fix `id` whatever the clipboard holds now (the user picked it from the history). */
  async restore(id: number): Promise<ClipboardRestoreOutcome> {
    const entry = this.#history.find((e) => e.id === id);
    return entry ? this.#write(entry) : { kind: 'nothing' };
  }

  async #write(entry: ClipboardHistoryEntry): Promise<ClipboardRestoreOutcome> {
    try {
      await this.#options.clipboard.write(entry.original);
    } catch (error) {
      return { kind: 'error', message: messageOf(error) };
    }
    // Only now is the original safe on the clipboard.
    this.#history = this.#history.filter((e) => e !== entry);
    return { kind: 'restored' };
  }
}

/** The clipboard's text formats, for undo: plain text plus every other format it offers (HTML, RTF, ...). */
async function readContent(clipboard: ClipboardPort, text: string, formats: readonly string[]): Promise<ClipboardContent> {
  const content: Record<string, string> = { 'text/plain': text };
  for (const type of new Set(formats)) {
    if (type === 'text/plain') continue;
    const payload = await clipboard.readFormat(type);
    if (payload !== undefined) content[type] = payload;
  }
  return content;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Applies non-overlapping suggestions (any order) to `text`; overlapping ones after the first are skipped. */
export function applySuggestions(text: string, suggestions: readonly Suggestion[]): string {
  const sorted = [...suggestions].sort((a, b) => a.span.start - b.span.start);
  let out = '';
  let cursor = 0;
  for (const s of sorted) {
    if (s.span.start < cursor || s.span.end > text.length) continue;
    out += text.slice(cursor, s.span.start) + s.replacement;
    cursor = s.span.end;
  }
  return out + text.slice(cursor);
}

/** A one-line summary of a fix, e.g. "Siandien → Šiandien, grazus → gražus and 3 more". */
export function summariseChanges(changes: readonly Suggestion[], shown = 3): string {
  const parts = changes.slice(0, shown).map((s) => `${s.original} → ${s.replacement}`);
  const rest = changes.length - parts.length;
  return rest > 0 ? `${parts.join(', ')} and ${rest} more` : parts.join(', ');
}
