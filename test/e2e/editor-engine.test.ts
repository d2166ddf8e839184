/**
 * The editor page bound to the real engine (createCorrector over the model files, in this process),
 * through the app's own contract, handlers and file service. Uses the trained model in models/ when it is
 * there; with only the engine's tiny random-weight model, the tests that need real corrections are
 * skipped (and say so), and the rest still run the whole path: page -> contract -> engine -> page.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_LABELS } from '../../electron/shared/provider-text.ts';
import type { CorrectOptions, Corrector } from '../../electron/shared/types.ts';
import { EditorPage } from './support/editor-page.ts';
import { CHROMIUM, closeShared, startHarness, type Harness } from './support/harness.ts';
import { chooseModel } from './support/model.ts';
import { saveDocScreenshot } from './support/doc-screenshots.ts';

const model = chooseModel();
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`[e2e] skipping the real-engine editor tests: ${CHROMIUM} is missing (apt-get install -y chromium)`);
else if (!model.dir) console.log(`[e2e] skipping the real-engine editor tests: ${model.reason}`);
else if (!model.real) console.log(`[e2e] real-engine editor tests that assert corrections are skipped: ${model.reason}`);

/** Stripped Lithuanian, and what a working model must make of it. */
const STRIPPED = 'Siandien labai grazus oras. Vaikai zaidzia kieme.';
const RESTORED = 'Šiandien labai gražus oras. Vaikai žaidžia kieme.';

let corrector: Corrector;
let harness: Harness | undefined;

describe.skipIf(!hasChromium || !model.dir)('editor with the real engine', () => {
  beforeAll(async () => {
    const { createCorrector } = await import('../../electron/engine/index.ts');
    corrector = await createCorrector({ modelDir: model.dir! });
  });
  afterEach(async () => {
    if (harness) {
      const origin = new URL(harness.page.url()).origin;
      expect(harness.requests.filter((url) => !url.startsWith(origin))).toEqual([]);
      expect(harness.consoleErrors).toEqual([]);
      await harness.close();
    }
    harness = undefined;
  });
  afterAll(async () => {
    await corrector?.dispose();
    await closeShared();
  });

  async function open(language?: 'lt' | 'hr') {
    harness = await startHarness({ corrector, settings: language ? { language } : {} });
    const editor = new EditorPage(harness.page);
    await editor.waitForEngine();
    return { harness, editor };
  }

  it('the status bar shows the loaded model and its execution provider', async () => {
    const { editor } = await open();
    const manifest = JSON.parse(readFileSync(path.join(model.dir!, 'manifest.json'), 'utf8')) as { version: string };
    expect(await editor.status('model')).toBe(`Model ${manifest.version}`);
    expect(await editor.status('provider')).toMatch(/^Provider: (CPU|CUDA|DirectML|CoreML|WebGPU)$/);
    // Its tooltip: what runs, then each provider the engine tried (the platform's order) and why it was (not) used.
    const tooltip = (await harness!.page.getAttribute('[data-testid="status-provider"]', 'title'))!.split('\n');
    const { provider, providerReasons } = corrector.status();
    expect(tooltip).toEqual([`Running on ${PROVIDER_LABELS[provider!]}`,
      ...providerReasons!.map((r) => `${PROVIDER_LABELS[r.provider]}: ${r.used ? 'used' : 'not used'}: ${r.reason} (${Math.round(r.ms)} ms)`)]);
    expect(tooltip.at(-1)).toMatch(/^CPU: (used|not used): .+ \(\d+ ms\)$/);
  });

  it('opens a file, runs Fix all with the engine\'s progress, and saves the result', async () => {
    const { editor, harness } = await open('lt');
    const file = path.join(harness.tempDir, 'ilgas.txt');
    // Distinct sentences, so the engine's per-sentence cache cannot answer Fix all at once.
    const paragraphs = Array.from({ length: 24 }, (_, i) => STRIPPED.replace('kieme', `kieme ${i + 1} kartą`));
    writeFileSync(file, paragraphs.join('\n\n'));
    harness.dialogAnswers.open.push(file);
    await editor.toolbar('Open…');
    await expect.poll(() => editor.text()).toBe(paragraphs.join('\n\n'));
    await editor.toolbar('Fix all');
    const notice = await editor.notice(/^(Fixed \d+ words?|Nothing to fix)/, 120_000);
    // Live checks report progress too; Fix all is the request covering all 48 sentences.
    const events = harness.events.filter((e) => e.channel === 'ogonek:onDidProgress').map((e) => e.payload as { requestId: string; done: number; total: number });
    const fixAllId = events.find((e) => e.total === 48)?.requestId;
    const progress = events.filter((e) => e.requestId === fixAllId);
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    await harness.page.keyboard.press('Control+s');
    await editor.notice(/Saved ilgas.txt/);
    expect(readFileSync(file, 'utf8')).toBe(await editor.text());
    if (model.real) {
      expect(notice).toMatch(/^Fixed \d+ words/);
      // A model is allowed the odd miss; a broken pipeline restores nothing.
      const saved = readFileSync(file, 'utf8').split('\n\n');
      const restored = saved.filter((paragraph, i) => paragraph === RESTORED.replace('kieme', `kieme ${i + 1} kartą`));
      expect(restored.length).toBeGreaterThanOrEqual(20);
    }
  });

  it.skipIf(!model.real)('typed stripped text gets suggestions; accepting one changes the text and undo restores it', async () => {
    const { editor } = await open('lt');
    await editor.type(STRIPPED);
    await editor.waitForSuggestions(3);
    expect(await editor.underlined()).toEqual(expect.arrayContaining(['Siandien', 'grazus']));
    await editor.hover('grazus');
    await editor.screenshot('engine-suggestions');
    await saveDocScreenshot(editor.page, 'editor-suggestions');
    await editor.popover.first().getByRole('button', { name: 'Accept' }).click();
    expect(await editor.text()).toBe(STRIPPED.replace('grazus', 'gražus'));
    await editor.undo();
    expect(await editor.text()).toBe(STRIPPED);
  });

  it.skipIf(!model.real)('auto: a signature paragraph typed under a Czech one is checked as Czech (around)', async () => {
    // The live checker sends one paragraph at a time; alone, "S pozdravem / Jiri Dvorak" reads as Slovenian to the
    // n-grams and "Jiri" became "Viri". The page passes the language of its last check as `around`.
    const calls: CorrectOptions[] = [];
    const recording: Corrector = {
      status: () => corrector.status(),
      setup: (options) => corrector.setup(options),
      correct: (text, options) => {
        calls.push(options);
        return corrector.correct(text, options);
      },
      cancel: (documentId) => corrector.cancel(documentId),
      dispose: async () => {},
    };
    harness = await startHarness({ corrector: recording });
    const editor = new EditorPage(harness.page);
    await editor.waitForEngine();
    await editor.type('Dobry den, posilam vam slibene podklady k projektu. Pokud budete mit nejake dotazy, '
      + 'nevahejte me kontaktovat.\n\nS pozdravem\nJiri Dvorak');
    await expect.poll(() => editor.underlined(), { timeout: 60_000 }).toContain('Jiri');
    const popover = await editor.hover('Jiri');
    await expect.poll(() => popover.first().textContent()).toContain('Jiří');
    await editor.screenshot('engine-auto-signature');
    expect(await editor.status('language')).toBe('Language: Auto: Čeština');
    expect(calls.at(-1)).toMatchObject({ language: 'auto', around: 'cs' });
  });

  it.skipIf(!model.real)('a name typed again in another paragraph stops being flagged in the first, and is flagged again when deleted', async () => {
    // One Sejdiu alone is a typo of "Sjedi" to the engine; a second one makes it a name of the document (Fix all reads
    // it so). The page sends the document with the paragraph it checks, and checks again the paragraphs that write a
    // name that appears or is deleted.
    const { editor } = await open('hr');
    await editor.type('Predsjednik Kosova Fatmir Sejdiu izjavio je da je zadovoljan.');
    await expect.poll(() => editor.underlined(), { timeout: 60_000 }).toContain('Sejdiu');
    await editor.type('\n\nSejdiu je rekao da je to vazno.');
    await expect.poll(() => editor.underlined(), { timeout: 60_000 }).toEqual(['vazno']);
    await editor.screenshot('engine-repeated-name');
    await editor.page.keyboard.press('Shift+Home');
    await editor.page.keyboard.press('Backspace');
    await expect.poll(() => editor.underlined(), { timeout: 60_000 }).toEqual(['Sejdiu']);
  });

  it.skipIf(!model.real)('ignoring a word removes its suggestion and keeps it away', async () => {
    const { editor, harness } = await open('lt');
    await editor.type(STRIPPED);
    await editor.waitForSuggestions(3);
    await (await editor.hover('Siandien')).getByRole('button', { name: /^Ignore/ }).click();
    expect(await editor.underlined()).not.toContain('Siandien');
    expect(harness.settings.get().ignoredWords).toEqual(['siandien']);
    await editor.type(' Siandien vel grazus.');
    await editor.page.waitForFunction(() => Array.from(document.querySelectorAll('.cm-suggestion')).filter((e) => /^grazus\p{P}?$/u.test(e.textContent ?? '')).length === 2);
    expect(await editor.underlined()).not.toContain('Siandien');
    // The suggestion on "grazus." leaves the full stop out; ignoring it keeps the other "grazus" away too.
    await expect.poll(() => editor.underlined()).toEqual(['grazus', 'zaidzia', 'vel', 'grazus']);
    const popover = await editor.hover('grazus');
    await editor.screenshot('engine-ignore-word');
    await popover.getByRole('button', { name: 'Ignore “grazus”' }).click();
    await expect.poll(() => editor.underlined()).not.toEqual(expect.arrayContaining([expect.stringMatching(/^grazus/)]));
    expect(harness.settings.get().ignoredWords).toEqual(['grazus', 'siandien']);
  });
});
