/**
 * The editor's behaviour in a real browser (Debian's Chromium) with a deterministic corrector: every
 * suggestion, keyboard path, file operation and guard the issue asks for. The same page runs against the
 * real engine in editor-engine.test.ts; here the corrector is a fixed word table so each assertion is
 * exact. The contract, handlers, settings and file service are the app's own (see support/harness.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EditorPage } from './support/editor-page.ts';
import { CHROMIUM, closeShared, startHarness, type Harness, type HarnessOptions } from './support/harness.ts';
import { saveDocScreenshot } from './support/doc-screenshots.ts';
import { TableCorrector } from './support/table-corrector.ts';
import { TrayService } from '../../electron/main/tray-service.ts';
import { FakeClipboard, FakeGlobalShortcut, FakeNotifier, FakeTray, WordCorrector } from '../unit/main/support/fakes.ts';

const TABLE = { Siandien: 'Šiandien', grazus: 'gražus', labia: 'labai', todel: 'todėl', zmones: 'žmonės', vaziuoja: 'važiuoja', juros: 'jūros' };
/** A paragraph for the screenshots: stripped Lithuanian with one typo. */
const SAMPLE = 'Siandien labia grazus oras, todel zmones vaziuoja prie juros.';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.log(`[e2e] skipping the editor UI tests: ${CHROMIUM} is missing (apt-get install -y chromium)`);

let harness: Harness | undefined;
afterEach(async () => {
  if (harness) {
    // Nothing may leave the machine, and the page must run clean under its CSP.
    const origin = new URL(harness.page.url()).origin;
    expect(harness.requests.filter((url) => !url.startsWith(origin))).toEqual([]);
    expect(harness.consoleErrors).toEqual([]);
    await harness.close();
  }
  harness = undefined;
});
afterAll(() => closeShared());

async function open(options: Partial<HarnessOptions> & { corrector?: TableCorrector } = {}) {
  const corrector = options.corrector ?? new TableCorrector(TABLE);
  harness = await startHarness({ ...options, corrector });
  const editor = new EditorPage(harness.page);
  await editor.waitForEngine();
  return { harness, editor, corrector };
}

describe.skipIf(!hasChromium)('editor UI (deterministic corrector)', () => {
  it('suggestions appear as you type, underlined by kind, with the status bar filled in', async () => {
    const { editor } = await open();
    await editor.type('Siandien labia grazus oras.');
    await editor.waitForSuggestions(3);
    expect(await editor.underlined()).toEqual(['Siandien', 'labia', 'grazus']);
    expect(await editor.page.locator('.cm-suggestion-diacritics').allTextContents()).toEqual(['Siandien', 'grazus']);
    expect(await editor.page.locator('.cm-suggestion-spelling').allTextContents()).toEqual(['labia']);
    expect(await editor.status('model')).toBe('Model table-fake');
    expect(await editor.status('provider')).toBe('Provider: CPU');
    expect(await editor.status('latency')).toMatch(/^Last check: \d+ ms$/);
    expect(await editor.status('language')).toBe('Language: Auto: Lietuvių');
    expect(await editor.status('suggestions')).toBe('3 suggestions');
    await editor.type(` ${SAMPLE}`);
    await editor.waitForSuggestions(10);
    await editor.hover('todel');
    await editor.screenshot('ui-suggestions-light');
    await saveDocScreenshot(editor.page, 'editor-light');
  });

  it('accepting from the popover changes the text, and one undo restores it', async () => {
    const { editor } = await open();
    await editor.type('Siandien labia grazus oras.');
    await editor.waitForSuggestions(3);
    const popover = await editor.hover('grazus');
    expect(await popover.textContent()).toContain('grazus → gražus');
    await popover.getByRole('button', { name: 'Accept' }).click();
    expect(await editor.text()).toBe('Siandien labia gražus oras.');
    expect(await editor.underlined()).toEqual(['Siandien', 'labia']);
    await editor.undo();
    expect(await editor.text()).toBe('Siandien labia grazus oras.');
  });

  it('keyboard only: F8 walks the suggestions, Alt+Enter accepts, Mod-. reaches Dismiss; each accept is one undo step', async () => {
    const { editor, harness } = await open();
    const { keyboard } = harness.page;
    await editor.type('Siandien labia grazus oras.');
    await editor.waitForSuggestions(3);
    let popover = await editor.nextSuggestion();
    expect(await popover.textContent()).toContain('Siandien → Šiandien');
    await keyboard.press('Alt+Enter');
    popover = await editor.nextSuggestion();
    expect(await popover.textContent()).toContain('labia → labai');
    await keyboard.press('Alt+Enter');
    expect(await editor.text()).toBe('Šiandien labai grazus oras.');

    popover = await editor.nextSuggestion();
    expect(await popover.textContent()).toContain('grazus → gražus');
    await keyboard.press('Control+.');
    expect(await harness.page.evaluate(() => document.activeElement?.textContent)).toBe('Accept');
    await keyboard.press('Tab');
    expect(await harness.page.evaluate(() => document.activeElement?.textContent)).toBe('Dismiss');
    await keyboard.press('Enter');
    expect(await editor.underlined()).toEqual([]);
    expect(await harness.page.evaluate(() => document.activeElement?.classList.contains('cm-content'))).toBe(true);

    await editor.undo();
    expect(await editor.text()).toBe('Šiandien labia grazus oras.');
    await editor.undo();
    expect(await editor.text()).toBe('Siandien labia grazus oras.');

    // Tab is not swallowed by the editor: Shift+Tab reaches the toolbar, whose buttons work with Enter.
    await keyboard.press('Shift+Tab');
    expect(await harness.page.evaluate(() => document.activeElement?.textContent)).toBe('Settings');
    await keyboard.press('Enter');
    await harness.page.getByRole('dialog', { name: 'Settings' }).waitFor();
    await keyboard.press('Escape');
    await harness.page.getByRole('dialog', { name: 'Settings' }).waitFor({ state: 'detached' });
  });

  it('a dismissed suggestion stays dismissed when its paragraph is checked again', async () => {
    const { editor, corrector } = await open();
    await editor.type('Siandien grazus oras.');
    await editor.waitForSuggestions(2);
    await (await editor.hover('grazus')).getByRole('button', { name: 'Dismiss' }).click();
    const calls = corrector.calls.length;
    await editor.type(' Labas.');
    await expect.poll(() => corrector.calls.length).toBeGreaterThan(calls);
    await editor.page.waitForFunction(() => document.querySelectorAll('.cm-suggestion').length === 1);
    expect(await editor.underlined()).toEqual(['Siandien']);
  });

  it('Accept all applies every suggestion as one undo step', async () => {
    const { editor } = await open();
    await editor.type('Siandien labia grazus oras.');
    await editor.waitForSuggestions(3);
    await editor.toolbar(/^Accept all/);
    expect(await editor.text()).toBe('Šiandien labai gražus oras.');
    await editor.undo();
    expect(await editor.text()).toBe('Siandien labia grazus oras.');
  });

  it('"Ignore" adds the word to the persisted ignore list and drops its other occurrences', async () => {
    const { editor, harness, corrector } = await open();
    await editor.type('grazus oras, grazus diena. Siandien.');
    await editor.waitForSuggestions(3);
    await (await editor.hover('grazus')).getByRole('button', { name: /^Ignore/ }).click();
    expect(await editor.underlined()).toEqual(['Siandien']);
    expect(harness.settings.get().ignoredWords).toEqual(['grazus']);
    await editor.notice(/will not be flagged again/);
    // The answer for the edited paragraph is marked, so its arrival on the page is the event waited for.
    corrector.reportedElapsedMs = 4321;
    await editor.type(' Vėl grazus.');
    await editor.page.getByTestId('status-latency').filter({ hasText: 'Last check: 4321 ms' }).waitFor();
    expect(corrector.calls.at(-1)).toBe('grazus oras, grazus diena. Siandien. Vėl grazus.');
    expect(await editor.underlined()).toEqual(['Siandien']);
  });

  it('only the edited paragraph is sent again', async () => {
    const { editor, corrector } = await open();
    await editor.paste('Siandien oras.\n\nAntra pastraipa grazus.\n\nTrecia pastraipa.');
    await editor.waitForSuggestions(2);
    await expect.poll(() => corrector.calls.length).toBe(3);
    corrector.calls.length = 0;
    await editor.page.getByText('Antra pastraipa').click();
    await editor.page.keyboard.press('End');
    await editor.page.keyboard.type(' Labas');
    await expect.poll(() => corrector.calls.at(-1)).toBe('Antra pastraipa grazus. Labas');
    expect(new Set(corrector.calls)).toEqual(new Set(corrector.calls.filter((c) => c.startsWith('Antra'))));
  });

  it('Fix all shows its progress, corrects the whole document, and one undo puts it back', async () => {
    const corrector = new TableCorrector(TABLE, 120);
    const { editor, harness } = await open({ corrector });
    const text = Array.from({ length: 12 }, (_, i) => `Siandien ${i} zmones vaziuoja prie juros.`).join(' ');
    await editor.paste(text);
    await editor.page.keyboard.press('Control+Shift+F');
    const bar = harness.page.getByRole('progressbar', { name: 'Fix all progress' });
    await harness.page.waitForFunction(() => {
      const value = Number(document.querySelector('.fix-all progress')?.getAttribute('value'));
      return value > 0 && value < 1;
    });
    expect(await bar.isVisible()).toBe(true);
    await editor.screenshot('ui-fix-all-progress');
    await saveDocScreenshot(editor.page, 'fix-all-progress');
    const notice = await editor.notice(/^Fixed 48 words/);
    expect(notice).toContain('Undo puts them back');
    expect(await editor.text()).toBe(text.replaceAll('Siandien', 'Šiandien').replaceAll('zmones', 'žmonės').replaceAll('vaziuoja', 'važiuoja').replaceAll('juros', 'jūros'));
    expect(await bar.count()).toBe(0);
    await editor.undo();
    expect(await editor.text()).toBe(text);
  });

  /** A document of 20 short sentences with Fix all running on it (200 ms a sentence), and its Cancel button. */
  async function runningFixAll() {
    const { editor, harness } = await open({ corrector: new TableCorrector(TABLE, 200) });
    const text = Array.from({ length: 20 }, () => 'Siandien grazus.').join(' ');
    await editor.paste(text);
    await editor.toolbar('Fix all');
    const cancel = harness.page.locator('.fix-all').getByRole('button', { name: 'Cancel' });
    await cancel.waitFor();
    return { editor, harness, text, cancel };
  }

  it('Fix all can be cancelled, from the keyboard, and then changes nothing', async () => {
    const { editor, harness, text, cancel } = await runningFixAll();
    expect(await cancel.evaluate((button) => button === document.activeElement)).toBe(true);
    await harness.page.keyboard.press('Enter');
    await editor.notice(/Fix all was cancelled/);
    expect(await editor.text()).toBe(text);
    await editor.type(' Toliau');
    expect(await editor.text()).toBe(`${text} Toliau`);
  });

  it('while Fix all runs, no other document replaces this one (New, a file from main, a dropped file): each is refused with a notice', async () => {
    const { editor, harness, text, cancel } = await runningFixAll();
    // A second instance or the OS hands main a file: the same text, so a stale fix would apply to it unnoticed.
    await harness.emit('onDidOpenFile', { path: null, name: 'kitas.txt', content: text });
    await editor.notice(/Fix all is still running/);
    await editor.screenshot('ui-fix-all-busy-notice');
    // The notice says "cancel it": it must not cover Cancel (a trial click fails where another element takes it).
    await cancel.click({ trial: true, timeout: 2000 });
    await editor.page.keyboard.press('Control+N');
    await harness.page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['Numestas'], 'numestas.txt', { type: 'text/plain' }));
      document.querySelector('.cm-content')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await editor.notice(/^Fixed 40 words/);
    expect(await editor.text()).toBe(text.replaceAll('Siandien', 'Šiandien').replaceAll('grazus', 'gražus'));
    expect(harness.documentStates.at(-1)).toEqual({ dirty: true, title: 'Untitled' });
  });

  it('opens a file, saves it in place atomically, and Save As writes a new one', async () => {
    const { editor, harness } = await open();
    const file = path.join(harness.tempDir, 'laiskas.txt');
    writeFileSync(file, 'Siandien grazus oras.\r\n');
    harness.dialogAnswers.open.push(file);
    await editor.toolbar('Open…');
    await expect.poll(() => editor.text()).toBe('Siandien grazus oras.\n');
    await editor.waitForSuggestions(2);
    await editor.toolbar(/^Accept all/);
    expect(harness.documentStates.at(-1)).toEqual({ dirty: true, title: 'laiskas.txt' });
    await harness.page.keyboard.press('Control+s');
    await editor.notice(/Saved laiskas.txt/);
    expect(readFileSync(file, 'utf8')).toBe('Šiandien gražus oras.\r\n');
    expect(harness.documentStates.at(-1)).toEqual({ dirty: false, title: 'laiskas.txt' });
    expect(harness.settings.get().recentFiles).toEqual([file]);

    const copy = path.join(harness.tempDir, 'kopija.md');
    harness.dialogAnswers.save.push(copy);
    await editor.toolbar('Save as…');
    await editor.notice(/Saved kopija.md/);
    expect(readFileSync(copy, 'utf8')).toBe('Šiandien gražus oras.\r\n');
    expect(harness.settings.get().recentFiles).toEqual([copy, file]);
  });

  it('opens a recent file from the Recent menu, and reports one that cannot be read', async () => {
    const { editor, harness } = await open();
    const file = path.join(harness.tempDir, 'senas.md');
    writeFileSync(file, '# Antraste\n');
    harness.settings.addRecentFile(path.join(harness.tempDir, 'dingo.txt'));
    harness.settings.addRecentFile(file);
    await harness.page.getByLabel('Recent files').click();
    await harness.page.getByRole('button', { name: 'senas.md' }).click();
    await expect.poll(() => editor.text()).toBe('# Antraste\n');
    await harness.page.getByLabel('Recent files').click();
    await harness.page.getByRole('button', { name: 'dingo.txt' }).click();
    await editor.notice(/Could not open the file: .*does not exist/);
    expect(harness.settings.get().recentFiles).toEqual([file]);
    harness.consoleErrors.length = 0;
  });

  it('a dropped file is opened through the app (by its path)', async () => {
    const { editor, harness } = await open();
    const file = path.join(harness.tempDir, 'numestas.txt');
    writeFileSync(file, 'Turinys is disko grazus.');
    await harness.page.evaluate(({ name, full }) => {
      (window as unknown as { __ogonekDropPaths: Record<string, string> }).__ogonekDropPaths = { [name]: full };
      // The browser's own read of the file ends late, as on a loaded machine (CI once saw it land after the app's).
      const readAsText = FileReader.prototype.readAsText;
      FileReader.prototype.readAsText = function (this: FileReader, blob: Blob) {
        setTimeout(() => readAsText.call(this, blob), 200);
      };
      const data = new DataTransfer();
      data.items.add(new File(['stale browser copy'], name, { type: 'text/plain' }));
      const target = document.querySelector('.cm-content')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, { name: 'numestas.txt', full: file });
    await expect.poll(() => editor.text()).toBe('Turinys is disko grazus.');
    // The editor inserts nothing of its own afterwards (it used to add the browser's copy when its read ended).
    await harness.page.waitForTimeout(500);
    expect(await editor.text()).toBe('Turinys is disko grazus.');
    expect(harness.settings.get().recentFiles).toEqual([file]);
  });

  it('asks before discarding unsaved changes (New, and Quit from the tray)', async () => {
    const { editor, harness } = await open();
    await editor.type('Neišsaugotas tekstas');
    await editor.toolbar('New');
    const dialog = harness.page.getByRole('dialog', { name: 'Unsaved changes' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Save the changes to “Untitled” before starting a new document?');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await editor.text()).toBe('Neišsaugotas tekstas');

    await harness.emit('onDidRequestQuit', null);
    await dialog.waitFor();
    expect(harness.quitConfirmed).toBe(0);
    await dialog.getByRole('button', { name: 'Don’t save' }).click();
    await expect.poll(() => harness.quitConfirmed).toBe(1);

    await editor.toolbar('New');
    await harness.page.keyboard.press('Escape');
    expect(await editor.text()).toBe('Neišsaugotas tekstas');
    await editor.toolbar('New');
    await dialog.getByRole('button', { name: 'Don’t save' }).click();
    expect(await editor.text()).toBe('');
  });

  it('the language is chosen per document, sent with every request, and remembered with the file', async () => {
    const { editor, harness, corrector } = await open();
    await editor.type('Siandien.');
    await editor.waitForSuggestions(1);
    await harness.page.getByLabel('Document language').selectOption('cs');
    await expect.poll(() => corrector.languages.at(-1)).toBe('cs');
    expect(await editor.status('language')).toBe('Language: Čeština (Czech)');
    const file = path.join(harness.tempDir, 'cesky.txt');
    harness.dialogAnswers.save.push(file);
    await harness.page.keyboard.press('Control+s');
    await editor.notice(/Saved cesky.txt/);
    expect(harness.settings.get().documentLanguages[file]).toBe('cs');
    await editor.toolbar('New');
    expect(await harness.page.getByLabel('Document language').inputValue()).toBe('auto');
    harness.dialogAnswers.open.push(file);
    await editor.toolbar('Open…');
    await expect.poll(() => harness.page.getByLabel('Document language').inputValue()).toBe('cs');
  });

  it('when the engine fails, the text is kept, the user is told, and checking resumes', async () => {
    const corrector = new TableCorrector(TABLE);
    corrector.failures.push(new Error('The correction engine stopped unexpectedly and is restarting.'));
    const { editor } = await open({ corrector });
    await editor.type('Siandien grazus.');
    await editor.notice(/Suggestions are unavailable: The correction engine stopped.*Your text is safe/);
    expect(await editor.text()).toBe('Siandien grazus.');
    await editor.waitForSuggestions(2, 15_000);
    harness!.consoleErrors.length = 0;
  });

  it('settings: theme, shortcut recording, pause and the ignore list', async () => {
    const { editor, harness, corrector } = await open();
    await harness.page.keyboard.press('Control+,');
    const dialog = harness.page.getByRole('dialog', { name: 'Settings' });
    await dialog.waitFor();
    await dialog.getByLabel('Dark').check();
    await expect.poll(() => harness.page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await dialog.getByLabel('Press the new combination in this field').focus();
    await harness.page.keyboard.press('Control+Alt+K');
    await expect.poll(() => harness.settings.get().shortcut).toBe('CommandOrControl+Alt+K');
    expect(harness.settings.get().theme).toBe('dark');
    expect(await dialog.textContent()).toContain('Current: Ctrl+Alt+K');
    await dialog.getByRole('checkbox', { name: /^Pause/ }).check();
    await expect.poll(() => harness.settings.get().paused).toBe(true);
    // The GPU: on by default; off means the CPU only, and the help under it says so.
    const gpu = dialog.getByRole('checkbox', { name: 'Use the GPU when one works' });
    expect(await gpu.isChecked()).toBe(true);
    await gpu.uncheck();
    await expect.poll(() => harness.settings.get().useGpu).toBe(false);
    expect(await dialog.locator('#gpu-help').textContent()).toBe('Off: always the CPU.');
    await gpu.check();
    await expect.poll(() => harness.settings.get().useGpu).toBe(true);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await editor.status('suggestions')).toBe('No suggestions');
    await editor.page.locator('.status').getByText('Paused').waitFor();

    // Paused: typing is not checked until resumed. The event waited for is the resumed check's answer; the
    // corrector notes whether the app was paused at each call, so a check made while paused would show here.
    const pausedAtCall: boolean[] = [];
    corrector.onCall = () => pausedAtCall.push(harness.settings.get().paused);
    await editor.type('Siandien.');
    expect(await editor.underlined()).toEqual([]);
    await harness.page.keyboard.press('Control+,');
    await dialog.getByRole('checkbox', { name: /^Pause/ }).uncheck();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await editor.waitForSuggestions(1);
    expect(pausedAtCall).toEqual([false]);
    expect(corrector.calls.at(-1)).toBe('Siandien.');

    await (await editor.hover('Siandien')).getByRole('button', { name: /^Ignore/ }).click();
    await harness.page.keyboard.press('Control+,');
    await dialog.getByRole('button', { name: 'Stop ignoring siandien' }).click();
    await expect.poll(() => harness.settings.get().ignoredWords).toEqual([]);
  });

  it('a shortcut another application owns is refused in the settings dialog and not saved (issue 15, item 17)', async () => {
    const globalShortcut = new FakeGlobalShortcut();
    globalShortcut.taken.add('CommandOrControl+Alt+K');
    let tray: TrayService | undefined;
    const { harness } = await open({
      shortcuts: (settings) => (tray = new TrayService({
        createTray: () => new FakeTray(), clipboard: new FakeClipboard(), corrector: new WordCorrector({}), globalShortcut,
        notifier: new FakeNotifier(), settings, actions: { openEditor() {}, openSettings() {}, quit() {} }, platform: 'linux',
      })),
    });
    try {
      await harness.page.keyboard.press('Control+,');
      const dialog = harness.page.getByRole('dialog', { name: 'Settings' });
      const field = dialog.getByLabel('Press the new combination in this field');
      await field.focus();
      await harness.page.keyboard.press('Control+Alt+K');
      await expect.poll(() => dialog.getByRole('alert').textContent())
        .toBe('Not changed: CommandOrControl+Alt+K could not be registered; another application probably uses it.');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      expect(harness.settings.get().shortcut).toBe('CommandOrControl+Alt+D');
      expect([...globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Alt+D']);
      await harness.page.keyboard.press('Control+Alt+J');
      await expect.poll(() => harness.settings.get().shortcut).toBe('CommandOrControl+Alt+J');
      expect(await dialog.getByRole('alert').count()).toBe(0);
      expect([...globalShortcut.registered.keys()]).toEqual(['CommandOrControl+Alt+J']);
    } finally {
      tray?.dispose();
    }
  });

  it('runs under the app\'s Content-Security-Policy: no inline script, no connections, no foreign styles', async () => {
    const { harness } = await open();
    const result = await harness.page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.append(script);
      const style = document.createElement('style');
      style.textContent = 'body { color: rgb(1, 2, 3) !important; }';
      document.head.append(style);
      const fetched = await fetch('https://example.com/').then(() => 'loaded', () => 'blocked');
      return { injected: (window as unknown as { __injected?: boolean }).__injected ?? false, fetched, color: getComputedStyle(document.body).color };
    });
    expect(result).toEqual({ injected: false, fetched: 'blocked', color: expect.not.stringMatching(/rgb\(1, 2, 3\)/) });
    expect(harness.consoleErrors.join('\n')).toMatch(/Content Security Policy/);
    harness.consoleErrors.length = 0;
  });

  it('follows a dark OS theme', async () => {
    const { editor, harness } = await open({ colorScheme: 'dark' });
    await editor.type('Siandien labia grazus oras.');
    await editor.waitForSuggestions(3);
    const background = await harness.page.evaluate(() => getComputedStyle(document.querySelector('.cm-editor')!).backgroundColor);
    expect(background).toBe('rgb(29, 31, 35)');
    await editor.type(` ${SAMPLE}`);
    await editor.waitForSuggestions(10);
    await editor.nextSuggestion();
    await editor.screenshot('ui-suggestions-dark');
    await saveDocScreenshot(editor.page, 'editor-dark');
  });

  it('stays usable at 200% zoom: every control visible and reachable', async () => {
    const { editor, harness } = await open({ viewport: { width: 550, height: 380 }, deviceScaleFactor: 2 });
    await editor.type('Siandien labia grazus oras.');
    await editor.waitForSuggestions(3);
    for (const control of await harness.page.locator('.toolbar button, .toolbar select, .toolbar summary').all()) {
      const box = await control.boundingBox();
      expect(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= 550 && box.y + box.height <= 380).toBe(true);
    }
    const editorBox = await harness.page.locator('.cm-editor').boundingBox();
    expect(editorBox!.height).toBeGreaterThan(80);
    expect(await harness.page.getByTestId('status-suggestions').isVisible()).toBe(true);
    await editor.hover('grazus');
    await editor.screenshot('ui-zoom-200');
  });
});
