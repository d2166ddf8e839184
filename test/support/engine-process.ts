/**
 * The engine's process started with Node's fork, speaking the host protocol over IPC: what Electron's
 * utilityProcess.fork gives the app, with the same environment (host/engine-env.ts). From the TypeScript sources
 * (through tsx) or from the built bundle.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { engineProcessEnv, type EngineChild } from '../../electron/engine/host/index.ts';

/** The process entry in the sources. */
export const ENGINE_PROCESS_SOURCE = fileURLToPath(new URL('../../electron/engine/host/engine-process.ts', import.meta.url));

/** Forks `entry` (the sources by default, through tsx) and wraps it as the host's child. */
export function forkEngineProcess(entry = ENGINE_PROCESS_SOURCE): EngineChild & { pid: number | undefined } {
  const child = fork(entry, [], { execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: engineProcessEnv(process.env) });
  return {
    pid: child.pid,
    postMessage: (message) => void child.send(message),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.on('exit', (code, signal) => listener(code ?? (signal ? 128 : 0))),
    kill: () => void child.kill(),
  };
}
