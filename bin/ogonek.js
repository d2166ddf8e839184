#!/usr/bin/env node
// Entry of `npx ogonek <command>`: the CLI is TypeScript, run in-process through tsx's ESM loader so a clone
// works right after `npm install`, without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli.ts');
