/**
 * The sandboxed preload: exposes exactly the contract as `window.ogonek`, one named method per invoke
 * call and one subscribe function per event, generated from electron/shared/contract.ts. Responses and
 * events are validated here before the page sees them. Never exposes ipcRenderer itself.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  EVENT_NAMES,
  INVOKE_NAMES,
  channelOf,
  parseEvent,
  parseResponse,
  type EventName,
  type OgonekApi,
} from '../shared/contract.ts';

/** Electron prefixes errors crossing invoke with "Error invoking remote method '…': Error: "; the user needs the rest. */
function cleanError(error: unknown): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(message.replace(/^Error invoking remote method '[^']+': (?:\w*Error: )?/, ''));
}

function subscribe(name: EventName) {
  return (listener: (payload: unknown) => void): (() => void) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => {
      const parsed = (() => {
        try {
          return { ok: true as const, value: parseEvent(name, payload) };
        } catch (error) {
          console.error(`[preload] dropped an invalid ${name} event`, error);
          return { ok: false as const };
        }
      })();
      if (parsed.ok) listener(parsed.value);
    };
    ipcRenderer.on(channelOf(name), wrapped);
    return () => void ipcRenderer.removeListener(channelOf(name), wrapped);
  };
}

const api: Record<string, unknown> = {
  pathForFile: (file: File) => webUtils.getPathForFile(file),
};
for (const name of INVOKE_NAMES) {
  api[name] = async (...args: unknown[]) => {
    try {
      return parseResponse(name, await ipcRenderer.invoke(channelOf(name), ...args));
    } catch (error) {
      throw cleanError(error);
    }
  };
}
for (const name of EVENT_NAMES) api[name] = subscribe(name);

contextBridge.exposeInMainWorld('ogonek', api as OgonekApi);
