/**
 * One suite of behaviour for every implementation of the Corrector interface (electron/shared/types.ts), so the
 * fakes the other tests lean on cannot drift from the real thing: the pipeline in this process over a table
 * backend, the same over the real worker thread, the engine's own process behind the host, and the renderer
 * tests' table fake. Outputs differ (a table, a random-weight model); the contract does not.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProcessCorrector } from '../../../electron/engine/host/index.ts';
import { createCorrector, LocalCorrector } from '../../../electron/engine/index.ts';
import { applySuggestions } from '../../../electron/engine/suggestions/suggestions.ts';
import { CorrectionCancelledError } from '../../../electron/shared/cancellation.ts';
import { correctionResultSchema } from '../../../electron/shared/schemas.ts';
import type { Corrector, Progress } from '../../../electron/shared/types.ts';
import { TableCorrector } from '../../e2e/support/table-corrector.ts';
import { forkEngineProcess } from '../../support/engine-process.ts';
import { TableBackend } from '../engine/support/table-backend.ts';

const TINY = fileURLToPath(new URL('../../fixtures/tiny-model', import.meta.url));
const hasTiny = existsSync(`${TINY}/manifest.json`);
if (!hasTiny) console.log('[corrector-behaviour] skipping the worker and process implementations: no tiny model');

/** A ready corrector, however it gets ready. */
const IMPLEMENTATIONS: Array<[string, boolean, () => Promise<Corrector>]> = [
  ['LocalCorrector over an in-process table backend', true, async () =>
    new LocalCorrector(new TableBackend(), { modelVersion: 'table', maxInputBytes: 300, status: { state: 'ready' } })],
  ['LocalCorrector over the worker thread (tiny model)', hasTiny, () =>
    createCorrector({ modelDir: TINY, providers: ['cpu'], lexiconDir: null, threads: 1 })],
  ['ProcessCorrector over the engine process (tiny model)', hasTiny, async () => {
    const host = new ProcessCorrector({ spawn: () => forkEngineProcess(), modelDir: TINY, threads: 1 });
    await new Promise<void>((resolve) => {
      const stop = host.onDidChangeStatus((status) => status.state === 'ready' && (stop(), resolve()));
    });
    return host;
  }],
  ['TableCorrector (the renderer tests\' fake)', true, async () => new TableCorrector({ grazus: 'gražus', zolw: 'żółw' })],
];

const TEXT = 'Siandien labai grazus oras. Zolw i zolw. Labas rytas!';

describe.each(IMPLEMENTATIONS)('Corrector behaviour: %s', (_name, available, make) => {
  let corrector: Corrector;
  beforeAll(async () => {
    if (available) corrector = await make();
  }, 120_000);
  afterAll(async () => corrector?.dispose());

  it.runIf(available)('is ready and loads a language ahead on setup()', async () => {
    expect(corrector.status().state).toBe('ready');
    await expect(corrector.setup({ languages: ['lt'] })).resolves.toBeUndefined();
  });

  it.runIf(available)('answers a contract-valid result: the text is the input with its suggestions applied', async () => {
    const result = await corrector.correct(TEXT, { language: 'lt' });
    expect(correctionResultSchema.safeParse(result).success).toBe(true);
    expect(result.language).toBe('lt');
    let end = 0;
    for (const s of result.suggestions) {
      expect(s.span.start).toBeGreaterThanOrEqual(end);
      expect(TEXT.slice(s.span.start, s.span.end)).toBe(s.original);
      end = s.span.end;
    }
    expect(result.text).toBe(applySuggestions(TEXT, result.suggestions));
  });

  it.runIf(available)('answers empty text with nothing to change', async () => {
    const result = await corrector.correct('', { language: 'lt' });
    expect([result.text, result.suggestions]).toEqual(['', []]);
  });

  it.runIf(available)('reports progress up to the whole text', async () => {
    const progress: Progress[] = [];
    await corrector.correct(TEXT, { language: 'lt', documentId: 'progress', onProgress: (p) => progress.push(p) });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
  });

  it.runIf(available)('a newer request for the same document supersedes the older one', async () => {
    // Long enough (200 distinct sentences) that it cannot be done before the newer request arrives: sentences
    // without diacritics are decided by the priors alone now, which takes no model call.
    const long = Array.from({ length: 200 }, (_, i) => `${TEXT} Pirmas ${i}.`).join(' ');
    const older = corrector.correct(long, { language: 'lt', documentId: 'doc' });
    const newer = corrector.correct(`${TEXT} Antras.`, { language: 'lt', documentId: 'doc' });
    await expect(older).rejects.toBeInstanceOf(CorrectionCancelledError);
    await expect(newer).resolves.toMatchObject({ language: 'lt' });
  });

  it.runIf(available)('cancel(documentId) cancels that document\'s request, and no other', async () => {
    const cancelled = corrector.correct(`${TEXT} Trečias.`, { language: 'lt', documentId: 'a' });
    const other = corrector.correct(`${TEXT} Ketvirtas.`, { language: 'lt', documentId: 'b' });
    corrector.cancel('a');
    corrector.cancel('nobody');
    await expect(cancelled).rejects.toBeInstanceOf(CorrectionCancelledError);
    await expect(other).resolves.toMatchObject({ language: 'lt' });
  });
});
