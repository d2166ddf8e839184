// Worker entry when the engine runs from its TypeScript sources (CLI via tsx, vitest): loader hooks do not
// reach worker threads through execArgv on Node 20, so this thread registers tsx itself, then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./engine-worker.ts');
