/**
 * Suggestions as you type: edits mark ranges dirty, and after a pause the paragraphs around them (and
 * only those) are sent to the engine, visible ones first. An answer is used only if its paragraph is
 * unchanged since the request left; otherwise the paragraph is dirty again and is simply re-sent.
 * Failed or superseded requests leave their ranges dirty for the next run. Each paragraph goes with the whole
 * document, whose repeated names are names in the paragraph too; when a name appears (an answer reports one not
 * seen before) or an edit touches one, the paragraphs that write it are checked again.
 */
import { StateEffect } from '@codemirror/state';
import { ViewPlugin, type EditorView, type PluginValue, type ViewUpdate } from '@codemirror/view';
import type { CorrectionResult } from '../../../../electron/shared/types.ts';
import { unitsFor, type Range } from './check-units.ts';
import { nameOccurrences, touchedNames } from './name-occurrences.ts';
import { setSuggestions } from './suggestion-state.ts';

/** What the checker needs from its host (the Svelte app). */
export interface CheckerHost {
  /** Corrects one unit of `document` (undefined when too long to send with every unit); null when superseded or cancelled. */
  check(text: string, document: string | undefined): Promise<CorrectionResult | null>;
  /** False while paused or while the engine is down: dirty ranges wait. */
  enabled(): boolean;
  /** Each answer, for the status bar. */
  onResult(result: CorrectionResult): void;
  onError(error: unknown): void;
  /** Pause after the last keystroke, in ms. */
  delay: number;
}

/**
 * Longest document sent with each unit. Beyond it a paragraph is checked with the names it repeats itself (Fix all
 * still reads the whole text): copying megabytes to the engine for every paragraph would cost more than it gives.
 */
export const MAX_DOCUMENT = 200_000;

/** How far around an edit a name it touches is looked for (longer than any name). */
const NAME_REACH = 64;

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
  /** The names answers reported (lowercase) and no edit has touched since. */
  #names = new Set<string>();

  constructor(view: EditorView, host: CheckerHost) {
    this.#view = view;
    this.#host = host;
    this.#dirty = [{ from: 0, to: view.state.doc.length }];
    this.schedule(0);
  }

  update(update: ViewUpdate): void {
    if (update.docChanged) {
      const { changes } = update;
      // A name an edit touches may stop being one: where else it is written is checked again (after the edit).
      const lost = new Set<string>();
      if (this.#names.size > 0) {
        changes.iterChangedRanges((fromA, toA) => {
          const from = Math.max(0, fromA - NAME_REACH);
          const around = update.startState.sliceDoc(from, toA + NAME_REACH);
          for (const name of touchedNames(around, fromA - from, toA - from, this.#names)) lost.add(name);
        });
      }
      const map = (r: Range) => ({ from: changes.mapPos(r.from, -1), to: changes.mapPos(r.to, 1) });
      this.#dirty = this.#dirty.map(map);
      this.#queue = this.#queue.map(map);
      for (const request of this.#inFlight) {
        if (changes.touchesRange(request.from, request.to)) request.touched = true;
        request.from = changes.mapPos(request.from, 1);
        request.to = changes.mapPos(request.to, -1);
      }
      changes.iterChangedRanges((_fromA, _toA, fromB, toB) => this.#dirty.push({ from: fromB, to: toB }));
      for (const name of lost) this.#names.delete(name);
      if (lost.size > 0) this.#dirty.push(...this.#whereWritten([...lost], update.state.doc.toString()));
      this.schedule(this.#host.delay);
    }
    if (update.transactions.some((tr) => tr.effects.some((e) => e.is(recheckAll)))) {
      this.#dirty = [{ from: 0, to: update.state.doc.length }];
      // Answers in flight were asked under the old settings, and the names were another document's or language's.
      for (const request of this.#inFlight) request.touched = true;
      this.#names.clear();
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
      const doc = this.#view.state.doc;
      result = await this.#host.check(request.text, doc.length <= MAX_DOCUMENT ? doc.toString() : undefined);
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
    // A name seen for the first time: the other paragraphs that write it join this run (not as an edit would, which
    // stops the run: opening a file with many names would otherwise be checked in pauses).
    const gained = (result.repeatedNames ?? []).filter((name) => !this.#names.has(name));
    if (gained.length === 0) return;
    for (const name of gained) this.#names.add(name);
    const doc = this.#view.state.doc;
    const waiting = new Set(this.#queue.map((u) => `${u.from}:${u.to}`).concat(`${request.from}:${request.to}`));
    this.#queue.push(...unitsFor(doc, this.#whereWritten(gained, doc.toString()))
      .filter((u) => !waiting.has(`${u.from}:${u.to}`)));
  }

  /** Where `text` writes one of `names`: the paragraphs around them are to be checked again. */
  #whereWritten(names: string[], text: string): Range[] {
    return names.flatMap((name) => nameOccurrences(text, name));
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
