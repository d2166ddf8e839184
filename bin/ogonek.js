#!/usr/bin/env node
// Entry of `npx ogonek <command>`. The CLI is TypeScript (electron/cli.ts). It runs from a bundle of plain
// JavaScript (dist-cli/, see cli-bundle.mjs) when one matches the current sources: that starts in a fraction
// of the time tsx needs to transpile every module at every start. The bundle is made by `npm install`
// (the `prepare` script); when it is missing or any source changed since, it is rebuilt here first
// (esbuild, a few hundred ms, once), so a stale bundle never runs. Where it cannot be built (an unwritable
// folder, a source esbuild rejects), the sources run through tsx's loader instead, as before: the same code,
// only slower to start.
//
// OGONEK_CLI=sources always runs the sources through tsx; OGONEK_CLI=bundle fails rather than fall back
// (the tests and the cold-start benchmark use both to know which one they measured).
import { buildBundle, bundleState, entryUrl } from './cli-bundle.mjs';

const mode = process.env.OGONEK_CLI || 'auto';
if (!['auto', 'bundle', 'sources'].includes(mode)) {
  console.error(`ogonek: OGONEK_CLI must be auto, bundle or sources (got '${mode}')`);
  process.exit(2);
}

/** The bundle's entry, built first when missing or stale; null where it cannot be built (auto mode). */
async function bundledEntry() {
  const state = bundleState();
  if (state.state === 'fresh') return state.entry;
  try {
    return await buildBundle();
  } catch (error) {
    const why = `${state.reason}, and rebuilding it failed: ${error instanceof Error ? error.message : String(error)}`;
    if (mode === 'bundle') throw new Error(why);
    if (process.env.OGONEK_DEBUG) console.error(`ogonek: running the TypeScript sources (${why})`);
    return null;
  }
}

let entry = null;
if (mode !== 'sources') {
  try {
    entry = await bundledEntry();
  } catch (error) {
    console.error(`ogonek: ${error.message}`);
    process.exit(1);
  }
}
if (entry) {
  await import(entryUrl(entry));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../electron/cli.ts');
}
