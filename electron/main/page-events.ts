/**
 * Events from main to the editor page, held back until the page has loaded.
 *
 * Each event is checked against the contract when it is sent, not when it is delivered: delivery happens
 * inside Electron's `did-finish-load` listener, where a throw is an uncaught exception in the main process
 * (this is how a 6 MB file opened at startup used to fail). A payload that breaks the contract therefore
 * throws in the caller, inside the caller's own error handling, and a delivery that fails anyway is logged.
 * Electron-free, so it is tested with a fake page.
 */
import { channelOf, parseEvent, type EventName, type EventPayload } from '../shared/contract.ts';

/** Where events go: the page's webContents. */
export interface EventSink {
  send(channel: string, payload: unknown): void;
}

/** The event queue of one page. */
export class PageEvents {
  #sink: EventSink | null = null;
  #loaded = false;
  #queue: { channel: string; payload: unknown }[] = [];

  /** A page now exists but has not loaded yet: events wait for it. */
  attach(sink: EventSink): void {
    this.#sink = sink;
    this.#loaded = false;
  }

  /** The page finished loading: delivers what waited. Never throws (it runs inside an Electron listener). */
  loaded(): void {
    this.#loaded = true;
    for (const event of this.#queue.splice(0)) this.#deliver(event);
  }

  /** The page is reloading (its renderer died): hold events until it has loaded again. */
  reloading(): void {
    this.#loaded = false;
  }

  /** The page is gone for good: what waited is dropped, and so are later events until a new page attaches. */
  detach(): void {
    this.#sink = null;
    this.#loaded = false;
    this.#queue = [];
  }

  /** Validates `payload` now (throws on a contract violation) and delivers it now or once the page has loaded. */
  send<N extends EventName>(name: N, payload: EventPayload<N>): void {
    const event = { channel: channelOf(name), payload: parseEvent(name, payload) };
    if (!this.#sink) return;
    if (this.#loaded) this.#deliver(event);
    else this.#queue.push(event);
  }

  #deliver(event: { channel: string; payload: unknown }): void {
    try {
      this.#sink?.send(event.channel, event.payload);
    } catch (error) {
      console.error(`[page-events] could not deliver ${event.channel}`, error);
    }
  }
}
