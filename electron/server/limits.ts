/**
 * The server's limits: how much of a body it reads, how many checks run at once, how many wait, and how long
 * a client waits for its answer. Each limit answers with the status LanguageTool uses (413, 503).
 */
import type { IncomingMessage } from 'node:http';

/** A refusal with the HTTP status to answer and LanguageTool-style text. */
export class LimitError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Limits {
  /** Bytes of request body read at most (413 beyond). */
  maxBodyBytes: number;
  /** Checks handed to the engine at once. */
  maxConcurrent: number;
  /** Checks waiting for a turn (503 beyond). */
  maxQueued: number;
  /** Milliseconds from the request to its answer (503 beyond). */
  timeoutMs: number;
}

/**
 * 1 MiB of body (a long chapter; LibreOffice sends a paragraph at a time), 2 engine calls at once (the
 * engine works one text at a time in its worker: a second keeps it busy while the first is being answered),
 * 100 waiting (two browser windows' worth of clients, far above the 50 of the load test), 30 s.
 */
export const DEFAULT_LIMITS: Limits = { maxBodyBytes: 1 << 20, maxConcurrent: 2, maxQueued: 100, timeoutMs: 30_000 };

/**
 * The body of `request`, up to `limit` bytes; a LimitError(413) past it, told by Content-Length or counted.
 * A refused body is still read and dropped (not kept): closing the connection while the client still sends
 * makes its TCP stack discard our 413 (a reset), and the server's requestTimeout bounds how long that lasts.
 */
export function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () => new LimitError(413, `Your request exceeds the limit of ${limit} bytes. Please submit a shorter text.`);
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Once is enough: a settled promise ignores later calls.
        reject(tooLarge());
        chunks.length = 0;
      } else {
        chunks.push(chunk);
      }
    });
    request.on('end', () => (size > limit ? undefined : resolve(Buffer.concat(chunks).toString('utf8'))));
    request.on('error', reject);
  });
}

/**
 * Bounded concurrency with a bounded queue: run() waits for one of `maxConcurrent` slots, refusing at once
 * (503) when `maxQueued` calls are already waiting. A slot is held until the task settles, also after its
 * client was answered by a timeout: the engine cannot be interrupted, and freeing the slot early would let
 * work pile up behind it unbounded.
 */
export class Admission {
  #running = 0;
  #waiting: Array<() => void> = [];

  constructor(
    private readonly maxConcurrent: number,
    private readonly maxQueued: number,
  ) {}

  get running(): number {
    return this.#running;
  }

  get queued(): number {
    return this.#waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.maxConcurrent) {
      if (this.#waiting.length >= this.maxQueued) {
        throw new LimitError(503, 'There are currently too many parallel requests. Please try again later.');
      }
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running++;
    }
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      // The slot passes straight to the next waiter, so #running counts it without a gap.
      if (next) next();
      else this.#running--;
    }
  }
}

/** `promise`, or a LimitError(503) once `ms` have passed (the promise itself goes on). */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const seconds = Math.round(ms / 100) / 10;
      reject(new LimitError(503, `Checking took longer than ${seconds} seconds, which is this server's limit. Please submit a shorter text.`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
