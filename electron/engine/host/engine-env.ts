/**
 * The environment the engine's own process starts with (the app's utility process; `npm run bench` starts the
 * engine it measures the same way, bench/run-bundled.mjs). The variables live in engine-env.json so that the
 * benchmark's plain-JavaScript launcher reads the very same ones.
 *
 * MALLOC_MMAP_THRESHOLD_ (glibc): a language switch frees one language model (5-15 MB of typed arrays) and
 * decompresses the next. glibc serves blocks over its mmap threshold with mmap and returns them on free, but it
 * raises that threshold to the size of each such block freed (up to 32 MB), so from the first switch on these
 * blocks come from the heap, whose freed holes RSS keeps. A fixed threshold of 1 MiB (setting it turns the
 * raising off) keeps them mmapped. Measured with `npm run bench` (19 languages, each loaded twice; 2 cores, idle):
 * peak RSS 442 / 491 / 470 MB without, 333 / 335 MB with, sentence p50 12.4 / 12.1 against 12.2 / 12.4 ms
 * (models/MODEL.md). Other allocators (macOS, Windows) ignore the variable; a value the user set wins.
 */
import variables from './engine-env.json' with { type: 'json' };

/** The variables the engine's process adds to its parent's environment. */
export const ENGINE_ENV: Readonly<Record<string, string>> = variables;

/** `base` (the parent's environment) with ENGINE_ENV added where `base` does not set the variable itself. */
export function engineProcessEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...ENGINE_ENV, ...base };
}
