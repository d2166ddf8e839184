import { afterEach, describe, expect, it } from 'vitest';
import { TrayService } from '../../../electron/main/tray-service.ts';
import { FakeClipboard, FakeGlobalShortcut, FakeNotifier, FakeTray, WordCorrector, memorySettings } from './support/fakes.ts';

function setup(options: { settings?: Record<string, unknown>; taken?: string[]; platform?: string } = {}) {
  const clipboard = new FakeClipboard();
  const tray = new FakeTray();
  const shortcuts = new FakeGlobalShortcut();
  for (const accelerator of options.taken ?? []) shortcuts.taken.add(accelerator);
  const notifier = new FakeNotifier();
  const corrector = new WordCorrector({ Siandien: 'Šiandien', grazus: 'gražus' });
  const { service: settings } = memorySettings(options.settings);
  const actions = { opened: 0, settingsOpened: 0, quit: 0 };
  const service = new TrayService({
    createTray: () => tray,
    clipboard,
    corrector,
    globalShortcut: shortcuts,
    notifier,
    settings,
    actions: {
      openEditor: () => void actions.opened++,
      openSettings: () => void actions.settingsOpened++,
      quit: () => void actions.quit++,
    },
    platform: options.platform ?? 'linux',
  });
  return { service, clipboard, tray, shortcuts, notifier, corrector, settings, actions };
}

let current: ReturnType<typeof setup> | undefined;
afterEach(() => current?.service.dispose());

describe('tray menu', () => {
  it('offers the issue\'s items, in order', () => {
    current = setup();
    const labels = current.tray.menu.map((item) => item.type === 'separator' ? '---' : item.label);
    expect(labels).toEqual([
      'Fix clipboard now (Ctrl+Alt+D)', 'Undo clipboard fix', 'Restore an original', 'Open editor', 'Language: Automatic', 'Pause', 'Settings…', '---',
      'Quit Ogonek',
    ]);
  });

  it.each([
    ['linux', 'Fix clipboard now (Ctrl+Alt+D)'],
    ['win32', 'Fix clipboard now (Ctrl+Alt+D)'],
    ['darwin', 'Fix clipboard now (⌘⌥D)'],
  ])('shows the shortcut the way %s writes it', (platform, label) => {
    current = setup({ platform });
    expect(current.tray.item('fix')?.label).toBe(label);
  });

  it('Open editor, Settings and Quit call the app', () => {
    current = setup();
    current.tray.item('open')?.click?.();
    current.tray.item('settings')?.click?.();
    current.tray.item('quit')?.click?.();
    expect(current.actions).toEqual({ opened: 1, settingsOpened: 1, quit: 1 });
  });

  it('Language lists Automatic and all 20 languages, and choosing one persists it', () => {
    current = setup();
    const language = current.tray.item('language');
    expect(language?.submenu).toHaveLength(21);
    current.tray.item('language-cs')?.click?.();
    expect(current.settings.get().language).toBe('cs');
    expect(current.tray.item('language-cs')?.checked).toBe(true);
    expect(current.tray.item('language')?.label).toBe('Language: Čeština (Czech)');
  });

  it('Pause releases the global shortcut and Resume takes it back', () => {
    current = setup();
    expect([...current.shortcuts.registered.keys()]).toEqual(['CommandOrControl+Alt+D']);
    current.tray.item('pause')?.click?.();
    expect(current.settings.get().paused).toBe(true);
    expect(current.shortcuts.registered.size).toBe(0);
    expect(current.tray.item('pause')?.checked).toBe(true);
    expect(current.tray.tooltip).toBe('Ogonek (paused)');
    current.tray.item('pause')?.click?.();
    expect([...current.shortcuts.registered.keys()]).toEqual(['CommandOrControl+Alt+D']);
  });

  it('a changed shortcut in the settings is registered in place of the old one', () => {
    current = setup();
    current.settings.update({ shortcut: 'CommandOrControl+Shift+F9' });
    expect([...current.shortcuts.registered.keys()]).toEqual(['CommandOrControl+Shift+F9']);
    expect(current.tray.item('fix')?.label).toBe('Fix clipboard now (Ctrl+Shift+F9)');
  });

  it('says so when another application owns the shortcut', () => {
    current = setup({ taken: ['CommandOrControl+Alt+D'] });
    expect(current.service.shortcutProblem).toMatch(/could not be registered/);
    expect(current.notifier.last?.title).toBe('Shortcut not available');
    expect(current.tray.item('fix')?.label).toBe('Fix clipboard now');
  });

  it('dispose releases the tray and the shortcut', () => {
    const { service, tray, shortcuts } = setup();
    service.dispose();
    expect(tray.destroyed).toBe(true);
    expect(shortcuts.registered.size).toBe(0);
  });
});

describe('fixing the clipboard', () => {
  it('the shortcut corrects the clipboard text in place and summarises the changes', async () => {
    current = setup();
    current.clipboard.text = 'Siandien labai grazus oras';
    current.shortcuts.press('CommandOrControl+Alt+D');
    await expect.poll(() => current!.clipboard.text).toBe('Šiandien labai gražus oras');
    expect(current.notifier.last).toMatchObject({ title: 'Clipboard corrected: 2 changes', body: 'Siandien → Šiandien, grazus → gražus' });
    expect(current.corrector.calls[0]?.options).toEqual({ language: 'auto', documentId: 'clipboard' });
  });

  it('uses the language chosen in the tray', async () => {
    current = setup({ settings: { language: 'lt' } });
    current.clipboard.text = 'grazus';
    await current.service.fixClipboard();
    expect(current.corrector.calls[0]?.options.language).toBe('lt');
  });

  it('Undo (from the notification) restores the original text, HTML flavour included', async () => {
    current = setup();
    current.clipboard.text = 'grazus oras';
    current.clipboard.html = '<b>grazus</b> oras';
    await current.service.fixClipboard();
    expect(current.clipboard.text).toBe('gražus oras');
    expect(current.tray.item('undo')?.enabled).toBe(true);
    current.notifier.last?.onUndo?.();
    await expect.poll(() => current!.clipboard.text).toBe('grazus oras');
    expect(current.clipboard.html).toBe('<b>grazus</b> oras');
    expect(current.notifier.last?.title).toBe('Clipboard restored');
    expect(current.tray.item('undo')?.enabled).toBe(false);
  });

  it('Undo does not clobber something copied after the fix', async () => {
    current = setup();
    current.clipboard.text = 'grazus';
    await current.service.fixClipboard();
    current.clipboard.text = 'something new';
    expect(await current.service.undoClipboardFix()).toEqual({ kind: 'changed' });
    expect(current.clipboard.text).toBe('something new');
    expect(current.notifier.last?.title).toBe('Nothing to undo');
  });

  it.each([
    [['image/png'], '', 'It holds no plain text (image/png).'],
    [['text/uri-list'], '/home/me/grazus.txt', 'It holds no plain text (text/uri-list).'],
  ])('leaves non-text content %j untouched, with a message', async (formats, text, body) => {
    current = setup();
    current.clipboard.extraFormats = formats;
    current.clipboard.text = text;
    const outcome = await current.service.fixClipboard();
    expect(outcome.kind).toBe('not-text');
    expect(current.clipboard.writes).toEqual([]);
    expect(current.corrector.calls).toEqual([]);
    expect(current.notifier.last).toMatchObject({ title: 'Clipboard left untouched', body });
  });

  it.each([
    ['', 'empty', 'The clipboard is empty'],
    ['Labas rytas', 'unchanged', 'Nothing to correct'],
  ])('clipboard %j: %s, nothing written', async (text, kind, title) => {
    current = setup();
    current.clipboard.text = text;
    const outcome = await current.service.fixClipboard();
    expect(outcome.kind).toBe(kind);
    expect(current.clipboard.writes).toEqual([]);
    expect(current.notifier.last?.title).toBe(title);
  });

  it('skips ignored words, whatever punctuation is typed against them', async () => {
    current = setup({ settings: { ignoredWords: ['grazus'] } });
    current.clipboard.text = 'Siandien grazus. Oras (grazus), Siandien.';
    await current.service.fixClipboard();
    expect(current.clipboard.text).toBe('Šiandien grazus. Oras (grazus), Šiandien.');
  });

  it('reports an engine failure and leaves the clipboard alone', async () => {
    current = setup();
    current.corrector.failWith = new Error('The correction engine stopped unexpectedly and is restarting.');
    current.clipboard.text = 'grazus';
    const outcome = await current.service.fixClipboard();
    expect(outcome).toEqual({ kind: 'error', message: 'The correction engine stopped unexpectedly and is restarting.' });
    expect(current.clipboard.text).toBe('grazus');
    expect(current.notifier.last?.title).toBe('Could not correct the clipboard');
  });

  it('ignores a second press while the first fix is running', async () => {
    current = setup();
    current.clipboard.text = 'grazus';
    const [first, second] = await Promise.all([current.service.fixClipboard(), current.service.fixClipboard()]);
    expect(first.kind).toBe('fixed');
    expect(second.kind).toBe('busy');
    expect(current.corrector.calls).toHaveLength(1);
  });
});

describe('clipboard undo keeps the original until it is back (issue 15)', () => {
  it('a failed restore keeps the original, says so in a notification, and a second try restores it', async () => {
    current = setup();
    current.clipboard.text = 'grazus oras';
    await current.service.fixClipboard();
    current.clipboard.failWrites.push(new Error('The X server refused the clipboard.'));
    expect(await current.service.undoClipboardFix()).toEqual({ kind: 'error', message: 'The X server refused the clipboard.' });
    expect(current.clipboard.text).toBe('gražus oras');
    expect(current.notifier.last).toMatchObject({ title: 'Could not restore the clipboard', body: expect.stringMatching(/^The X server refused the clipboard\. The original is kept/) });
    expect(current.tray.item('undo')?.enabled).toBe(true);
    expect(await current.service.undoClipboardFix()).toEqual({ kind: 'restored' });
    expect(current.clipboard.text).toBe('grazus oras');
  });

  it('Undo from the notification: a failing write becomes a notification, not an unhandled rejection', async () => {
    current = setup();
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      current.clipboard.text = 'grazus';
      await current.service.fixClipboard();
      current.clipboard.failWrites.push(new Error('clipboard busy'));
      current.notifier.last?.onUndo?.();
      await expect.poll(() => current!.notifier.last?.title).toBe('Could not restore the clipboard');
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
      current.notifier.shown.at(-2)?.onUndo?.();
      await expect.poll(() => current!.clipboard.text).toBe('grazus');
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  it('a failed fix write leaves the clipboard and the history as they were', async () => {
    current = setup();
    current.clipboard.text = 'grazus';
    current.clipboard.failWrites.push(new Error('clipboard busy'));
    expect(await current.service.fixClipboard()).toEqual({ kind: 'error', message: 'clipboard busy' });
    expect(current.clipboard.text).toBe('grazus');
    expect(current.tray.item('undo')?.enabled).toBe(false);
  });

  it('keeps the originals of the last 5 fixes; any of them can be restored from the tray menu', async () => {
    current = setup();
    const originals = ['grazus 1', 'grazus 2', 'grazus 3', 'grazus 4', 'grazus 5', 'grazus & oras 6'];
    for (const text of originals) {
      current.clipboard.text = text;
      await current.service.fixClipboard();
    }
    const history = current.tray.item('history')?.submenu ?? [];
    expect(history.map((item) => item.label)).toEqual(['grazus && oras 6', 'grazus 5', 'grazus 4', 'grazus 3', 'grazus 2']);
    current.clipboard.text = 'copied later';
    history[2]?.click?.();
    await expect.poll(() => current!.clipboard.text).toBe('grazus 4');
    expect(current.notifier.last?.title).toBe('Clipboard restored');
    expect(current.tray.item('history')?.submenu?.map((item) => item.label)).toEqual(['grazus && oras 6', 'grazus 5', 'grazus 3', 'grazus 2']);
  });

  it.each([
    ['plain text only', {}, { 'text/plain': 'grazus oras' }],
    ['HTML and RTF twins', { 'text/rtf': '{\\rtf1 {\\b grazus} oras}' }, { 'text/plain': 'grazus oras', 'text/html': '<b>grazus</b> oras', 'text/rtf': '{\\rtf1 {\\b grazus} oras}' }],
  ])('Undo restores every text format the clipboard had: %s', async (_name, other, restored) => {
    current = setup();
    current.clipboard.text = 'grazus oras';
    if ('text/rtf' in restored) current.clipboard.html = '<b>grazus</b> oras';
    current.clipboard.other = { ...other };
    await current.service.fixClipboard();
    expect(current.clipboard.writes.at(-1)).toEqual({ 'text/plain': 'gražus oras' });
    await current.service.undoClipboardFix();
    expect(current.clipboard.writes.at(-1)).toEqual(restored);
  });
});

describe('clipboard text size limit (issue 16)', () => {
  it.each([
    [100_000, 'fixed', 'Clipboard corrected: 1 change'],
    [100_001, 'too-long', 'Clipboard text too long'],
  ])('%i characters: %s', async (length, kind, title) => {
    current = setup();
    current.clipboard.text = 'grazus' + ' '.repeat(length - 6);
    const outcome = await current.service.fixClipboard();
    expect(outcome.kind).toBe(kind);
    expect(current.notifier.last?.title).toBe(title);
    if (kind === 'too-long') {
      expect(current.corrector.calls).toEqual([]);
      expect(current.clipboard.writes).toEqual([]);
      expect(current.notifier.last?.body).toBe('It has 100,001 characters; the shortcut corrects up to 100,000. Paste it into the editor instead.');
    }
  });
});
