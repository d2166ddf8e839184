/**
 * The open document: where it lives, its language choice and whether it has unsaved changes.
 * The text itself lives in CodeMirror; this keeps the last saved text to compare against.
 */
import { Text } from '@codemirror/state';
import type { LanguageChoice } from '../../../electron/shared/types.ts';

/** A short random id; documents use it to keep their engine requests apart. */
export function newId(): string {
  return crypto.randomUUID();
}

/** State of the document in the editor. */
export class DocumentModel {
  id = $state(newId());
  path = $state<string | null>(null);
  name = $state('Untitled');
  language = $state<LanguageChoice>('auto');
  dirty = $state(false);
  #saved: Text = Text.of(['']);

  /** Starts over with a new or opened document. */
  reset(file: { path: string | null; name: string; language: LanguageChoice }, text: Text): void {
    this.id = newId();
    this.path = file.path;
    this.name = file.name;
    this.language = file.language;
    this.markSaved(text);
  }

  /** The text now matches what is on disk. */
  markSaved(text: Text): void {
    this.#saved = text;
    this.dirty = false;
  }

  /** Recomputes the dirty flag against the editor's text (cheap: Text.eq compares by chunks). */
  update(text: Text): void {
    this.dirty = !text.eq(this.#saved);
  }
}
