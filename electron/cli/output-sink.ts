/**
 * Standard output for commands that write as they go. A reader that goes away (`ogonek fix | head -1`) ends
 * the run quietly, the way SIGPIPE ends `cat`: Node ignores SIGPIPE, so the next write fails with EPIPE,
 * and a stream 'error' event nobody listens to crashes the process (exit 1 and a stack trace). Here EPIPE
 * marks the sink closed and aborts `signal`, so the caller stops its work and exits 0; any other write error
 * (a full disk, EIO) is kept as `failure` for the caller to report.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** What the sink needs of its stream: process.stdout, or any Writable in tests. */
export type WritableOut = Pick<Writable, 'write' | 'on' | 'once' | 'off' | 'destroyed'>;

export class OutputSink {
  private readonly controller = new AbortController();
  private readerGone = false;
  private error: Error | null = null;
  private lastWrite: Promise<void> = Promise.resolve();

  constructor(private readonly out: WritableOut = process.stdout) {
    out.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') this.readerGone = true;
      else this.error ??= error;
      this.controller.abort();
    });
  }

  /** Aborted once nothing more can be written (the reader closed the pipe, or a write failed). */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** The reader closed its end: stop, and exit 0. */
  get closed(): boolean {
    return this.readerGone;
  }

  /** A write error other than a closed reader: report it, exit 1. */
  get failure(): Error | null {
    return this.error;
  }

  /**
   * Writes `text`; resolves when the stream can take more (backpressure keeps memory bounded when the reader
   * is slower than the engine). Resolves false, without writing, once the sink is closed or failed.
   */
  async write(text: string): Promise<boolean> {
    // A failed write destroys the stream at once but reports the error a tick later: write nothing meanwhile.
    if (this.controller.signal.aborted || this.out.destroyed) return false;
    if (text.length === 0) return true;
    let ready = true;
    this.lastWrite = new Promise<void>((resolve) => {
      ready = this.out.write(text, () => resolve());
    });
    if (!ready) {
      try {
        await once(this.out as Writable, 'drain', { signal: this.controller.signal });
      } catch {
        return false; // aborted while waiting: the 'error' listener has recorded why
      }
    }
    return !this.controller.signal.aborted;
  }

  /** Waits until the last write went out or failed, and its error (if any) was reported. */
  async finish(): Promise<void> {
    await this.lastWrite;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}
