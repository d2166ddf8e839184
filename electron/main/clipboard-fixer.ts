/**
 * Corrects the clipboard text in place and can put the original back.
 *
 * Only plain text (optionally with an HTML twin) is touched: images, file lists and other formats are left
 * alone, because rewriting e.g. a copied file path would corrupt it. Undo restores the original only while
 * the clipboard still holds our corrected text, so it never clobbers something copied afterwards.
 */
import type { Corrector, LanguageChoice, Suggestion } from '../shared/types.ts';

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
  /** The HTML flavour, when there is one. */
  readHTML(): Promise<string | undefined>;
  write(data: { text: string; html?: string }): Promise<void>;
}

/** What a fix did, for the notification and the tests. */
export type ClipboardFixOutcome =
  | { kind: 'fixed'; changes: Suggestion[]; language: string }
  | { kind: 'unchanged'; language: string }
  | { kind: 'empty' }
  | { kind: 'not-text'; formats: string[] }
  | { kind: 'busy' }
  | { kind: 'error'; message: string };

export interface ClipboardFixerOptions {
  clipboard: ClipboardPort;
  corrector: Pick<Corrector, 'correct'>;
  language: () => LanguageChoice;
  ignoredWords: () => readonly string[];
}

/** One clipboard correction at a time, with a one-level undo. */
export class ClipboardFixer {
  #options: ClipboardFixerOptions;
  #busy = false;
  #undo: { original: { text: string; html?: string }; corrected: string } | undefined;

  constructor(options: ClipboardFixerOptions) {
    this.#options = options;
  }

  /** Whether undo() would restore something. */
  get canUndo(): boolean {
    return this.#undo !== undefined;
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
      const html = formats.includes('text/html') ? await clipboard.readHTML() : undefined;

      const result = await this.#options.corrector.correct(text, { language: this.#options.language(), documentId: 'clipboard' });
      const ignored = new Set(this.#options.ignoredWords().map((w) => w.toLowerCase()));
      const changes = result.suggestions.filter((s) => !ignored.has(s.original.toLowerCase()));
      if (changes.length === 0) return { kind: 'unchanged', language: result.language };
      // The user may have copied something else while the engine worked.
      if ((await clipboard.readText()) !== text) return { kind: 'error', message: 'The clipboard changed while it was being corrected; nothing was replaced.' };
      const corrected = applySuggestions(text, changes);
      await clipboard.write({ text: corrected });
      this.#undo = { original: html === undefined ? { text } : { text, html }, corrected };
      return { kind: 'fixed', changes, language: result.language };
    } catch (error) {
      return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    } finally {
      this.#busy = false;
    }
  }

  /** Restores the clipboard from before the last fix; false when there is nothing (safe) to restore. */
  async undo(): Promise<boolean> {
    const undo = this.#undo;
    this.#undo = undefined;
    if (!undo || (await this.#options.clipboard.readText()) !== undo.corrected) return false;
    await this.#options.clipboard.write(undo.original);
    return true;
  }
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
