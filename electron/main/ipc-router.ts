/**
 * Binds the contract's handlers to ipcMain: refuses untrusted senders, validates every request before a
 * handler runs and every response and event before it leaves. Electron types are only used structurally,
 * so the router is unit-tested with a fake ipcMain.
 */
import {
  INVOKE_NAMES,
  channelOf,
  parseEvent,
  parseRequest,
  parseResponse,
  type EventName,
  type EventPayload,
  type InvokeName,
} from '../shared/contract.ts';
import type { Handlers } from './ipc-handlers.ts';

/** The part of a webContents the router sends to. */
export interface EventTarget {
  send(channel: string, payload: unknown): void;
}

/** The part of an IpcMainInvokeEvent the router reads. */
export interface InvokeEvent {
  sender: EventTarget;
}

/** The part of ipcMain the router uses. */
export interface IpcMainLike<E extends InvokeEvent> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Registers every contract method; returns a function that removes them again. */
export function registerIpc<E extends InvokeEvent>(
  ipcMain: IpcMainLike<E>,
  handlers: Handlers,
  isTrustedSender: (event: E) => boolean,
): () => void {
  for (const name of INVOKE_NAMES) {
    ipcMain.handle(channelOf(name), async (event, ...args) => {
      if (!isTrustedSender(event)) {
        console.warn(`[ipc] refused ${name} from an untrusted sender`);
        throw new Error('Refused: the request did not come from the Ogonek editor.');
      }
      return invoke(name, event, args, handlers);
    });
  }
  return () => {
    for (const name of INVOKE_NAMES) ipcMain.removeHandler(channelOf(name));
  };
}

async function invoke<N extends InvokeName>(name: N, event: InvokeEvent, args: unknown[], handlers: Handlers): Promise<unknown> {
  let parsed;
  try {
    parsed = parseRequest(name, args);
  } catch (error) {
    throw new Error(`Invalid arguments for ${name}: ${describe(error)}`);
  }
  const context = {
    sendProgress: (progress: EventPayload<'onDidProgress'>) => sendEvent(event.sender, 'onDidProgress', progress),
  };
  const handler = handlers[name] as (context: unknown, ...args: unknown[]) => Promise<unknown>;
  const result = await handler(context, ...(parsed as unknown[]));
  return parseResponse(name, result);
}

/** Sends a validated event to one window. */
export function sendEvent<N extends EventName>(target: EventTarget, name: N, payload: EventPayload<N>): void {
  target.send(channelOf(name), parseEvent(name, payload));
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'issues' in error && Array.isArray(error.issues)) {
    return error.issues.map((issue: { path: PropertyKey[]; message: string }) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  }
  return error instanceof Error ? error.message : String(error);
}
