/**
 * The global "fix the clipboard" shortcut: validates accelerators, registers at most one, and says why
 * when the system refuses (usually another application owns the combination).
 */
import { acceleratorLabel, isValidAccelerator } from '../shared/accelerator.ts';

/** The part of Electron's globalShortcut the service uses. */
export interface GlobalShortcutPort {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

export type ShortcutResult = { ok: true } | { ok: false; reason: string };

export { acceleratorLabel, isValidAccelerator };

/** Keeps one global shortcut registered (or none while paused). */
export class ShortcutService {
  #port: GlobalShortcutPort;
  #onPress: () => void;
  #registered: string | null = null;

  constructor(port: GlobalShortcutPort, onPress: () => void) {
    this.#port = port;
    this.#onPress = onPress;
  }

  /** The accelerator currently registered, or null. */
  get registered(): string | null {
    return this.#registered;
  }

  /** Registers `accelerator` in place of the current one; null unregisters. Idempotent. */
  apply(accelerator: string | null): ShortcutResult {
    if (accelerator === this.#registered) return { ok: true };
    if (accelerator !== null && !isValidAccelerator(accelerator)) {
      return invalid(accelerator);
    }
    const previous = this.#registered;
    this.dispose();
    if (accelerator === null) return { ok: true };
    if (!this.#port.register(accelerator, this.#onPress)) {
      // Keep the old shortcut working rather than leave the user with none.
      if (previous !== null && this.#port.register(previous, this.#onPress)) this.#registered = previous;
      return taken(accelerator);
    }
    this.#registered = accelerator;
    return { ok: true };
  }

  /**
   * Whether `accelerator` could be registered, without keeping it (for a change made while paused).
   * The current shortcut is not touched.
   */
  probe(accelerator: string): ShortcutResult {
    if (accelerator === this.#registered) return { ok: true };
    if (!isValidAccelerator(accelerator)) return invalid(accelerator);
    if (!this.#port.register(accelerator, this.#onPress)) return taken(accelerator);
    this.#port.unregister(accelerator);
    return { ok: true };
  }

  /** Releases the shortcut. */
  dispose(): void {
    if (this.#registered !== null) this.#port.unregister(this.#registered);
    this.#registered = null;
  }
}

function invalid(accelerator: string): ShortcutResult {
  return { ok: false, reason: `"${accelerator}" is not a valid shortcut: use modifiers and one key, e.g. CommandOrControl+Alt+D.` };
}

function taken(accelerator: string): ShortcutResult {
  return { ok: false, reason: `${accelerator} could not be registered; another application probably uses it.` };
}
