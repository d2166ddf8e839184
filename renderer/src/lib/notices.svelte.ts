/**
 * Short messages at the bottom of the window (saved, fixed 4 words, engine restarting) and the
 * three-way "unsaved changes" question, as state the components render.
 */

export interface Notice {
  id: number;
  kind: 'info' | 'error';
  text: string;
}

export type ConfirmChoice = 'save' | 'discard' | 'cancel';

export interface ConfirmRequest {
  title: string;
  message: string;
  resolve(choice: ConfirmChoice): void;
}

let nextId = 1;

/** Messages and questions for the user. */
export class Notices {
  items = $state<Notice[]>([]);
  confirm = $state<ConfirmRequest | null>(null);

  /** Shows a message; info messages go away by themselves, errors stay until closed. */
  show(kind: Notice['kind'], text: string): void {
    const notice = { id: nextId++, kind, text };
    this.items = [...this.items.filter((n) => n.text !== text), notice].slice(-4);
    if (kind === 'info') setTimeout(() => this.close(notice.id), 5000);
  }

  close(id: number): void {
    this.items = this.items.filter((n) => n.id !== id);
  }

  /** Asks the unsaved-changes question; resolves with the user's choice. */
  ask(title: string, message: string): Promise<ConfirmChoice> {
    this.confirm?.resolve('cancel');
    return new Promise((resolve) => {
      this.confirm = {
        title,
        message,
        resolve: (choice) => {
          this.confirm = null;
          resolve(choice);
        },
      };
    });
  }
}

/** The message of an error, for a notice. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
