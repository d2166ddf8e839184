/**
 * Suggestions as you type: edits mark ranges dirty, and after a pause the paragraphs around them (and
 * only those) are sent to the engine, visible ones first. An answer is used only if its paragraph is
 * unchanged since the request left; otherwise the paragraph is dirty again and is simply re-sent.
 * Failed or superseded requests leave their ranges dirty for the next run.
 */
import { StateEffect } from '@codemirror/state';
import { ViewPlugin, type EditorView, type PluginValue, type ViewUpdate } from '@codemirror/view';
import type { CorrectionResult } from '../../../../electron/shared/types.ts';
import { unitsFor, type Range } from './check-units.ts';
import { setSuggestions } from './suggestion-state.ts';

/** What the checker needs from its host (the Svelte app). */
export interface CheckerHost {
  /** Corrects one unit; null when superseded or cancelled. */
  check(text: string): Promise<CorrectionResult | null>;
  /** False while paused or while the engine is down: dirty ranges wait. */
  enabled(): boolean;
  /** Each answer, for the status bar. */
  onResult(result: CorrectionResult): void;
  onError(error: unknown): void;
  /** Pause after the last keystroke, in ms. */
  delay: number;
}

/** Mark the whole document dirty (after opening a file or changing the language). */
export const recheckAll = StateEffect.define<null>();

interface InFlight extends Range {
  text: string;
  touched: boolean;
}

class LiveChecker implements PluginValue {
  #view: EditorView;
  #host: CheckerHost;
  #dirty: Range[] = [];
  /** Units of the current run not sent yet; mapped through edits like the dirty ranges. */
  #queue: Range[] = [];
  #inFlight: InFlight[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;
  #failed = false;
  #destroyed = false;

  constructor(view: EditorView, host: CheckerHost) {
    this.#view = view;
    this.#host = host;
    this.#dirty = [{ from: 0, to: view.state.doc.length }];
    this.schedule(0);
  }

  update(update: ViewUpdate): void {
    if (update.docChanged) {
      const { changes } = update;
      const map = (r: Range) => ({ from: changes.mapPos(r.from, -1), to: changes.mapPos(r.to, 1) });
      this.#dirty = this.#dirty.map(map);
      this.#queue = this.#queue.map(map);
      for (const request of this.#inFlight) {
        if (changes.touchesRange(request.from, request.to)) request.touched = true;
        request.from = changes.mapPos(request.from, 1);
        request.to = changes.mapPos(request.to, -1);
      }
      changes.iterChangedRanges((_fromA, _toA, fromB, toB) => this.#dirty.push({ from: fromB, to: toB }));
      this.schedule(this.#host.delay);
    }
    if (update.transactions.some((tr) => tr.effects.some((e) => e.is(recheckAll)))) {
      this.#dirty = [{ from: 0, to: update.state.doc.length }];
      // Answers in flight were asked under the old settings.
      for (const request of this.#inFlight) request.touched = true;
      this.schedule(0);
    }
  }

  /** Runs the pending checks after `delay` ms (restarting the wait). */
  schedule(delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#run(), delay);
  }

  /** Number of ranges waiting to be checked (for tests and the status bar). */
  get pending(): number {
    return this.#dirty.length + this.#queue.length + this.#inFlight.length;
  }

  destroy(): void {
    this.#destroyed = true;
    clearTimeout(this.#timer);
  }

  async #run(): Promise<void> {
    if (this.#running || this.#destroyed || this.#dirty.length === 0) return;
    if (!this.#host.enabled()) return;
    this.#running = true;
    this.#failed = false;
    const doc = this.#view.state.doc;
    this.#queue = this.#byVisibility(doc.length === 0 ? [] : unitsFor(doc, this.#dirty));
    this.#dirty = [];
    try {
      // Stop early after an edit (the next run picks the freshest units) or a failure.
      while (this.#queue.length > 0 && !this.#destroyed && this.#dirty.length === 0 && !this.#failed) {
        await this.#checkUnit(this.#queue.shift()!);
      }
    } finally {
      this.#dirty.push(...this.#queue);
      this.#queue = [];
      this.#running = false;
      // After a failure, wait longer: the engine may be restarting (its status event re-nudges us).
      if (this.#dirty.length > 0 && !this.#destroyed) this.schedule(this.#failed ? Math.max(this.#host.delay, 3000) : this.#host.delay);
    }
  }

  async #checkUnit(unit: Range): Promise<void> {
    const request: InFlight = { ...unit, text: this.#view.state.sliceDoc(unit.from, unit.to), touched: false };
    this.#inFlight.push(request);
    let result: CorrectionResult | null = null;
    try {
      result = await this.#host.check(request.text);
    } catch (error) {
      this.#failed = true;
      this.#host.onError(error);
    } finally {
      this.#inFlight = this.#inFlight.filter((r) => r !== request);
    }
    const current = this.#view.state.sliceDoc(request.from, request.to);
    if (!result || request.touched || current !== request.text) {
      // Stale or failed: check it again later (an edit has already re-marked a touched range).
      if (!request.touched && !result) this.#dirty.push({ from: request.from, to: request.to });
      return;
    }
    this.#host.onResult(result);
    this.#view.dispatch({ effects: setSuggestions.of({ from: request.from, to: request.to, suggestions: result.suggestions }) });
  }

  /** Visible units first, then the rest in document order. */
  #byVisibility(units: Range[]): Range[] {
    const { from, to } = this.#view.viewport;
    const visible = (u: Range) => u.to >= from && u.from <= to;
    return [...units.filter(visible), ...units.filter((u) => !visible(u))];
  }
}

/** The checker extension bound to a host, with handles to nudge it and to ask how much is left. */
export function liveChecker(host: CheckerHost) {
  const plugin = ViewPlugin.define((view) => new LiveChecker(view, host));
  return {
    extension: plugin,
    /** Runs the waiting checks now (the engine came back, checking was resumed). */
    nudge: (view: EditorView) => view.plugin(plugin)?.schedule(0),
    pending: (view: EditorView) => view.plugin(plugin)?.pending ?? 0,
  };
}
