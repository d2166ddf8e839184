import { describe, expect, it } from 'vitest';
import { DEFAULT_SHORTCUT, MAX_RECENT_FILES } from '../../../electron/shared/contract.ts';
import { memorySettings } from './support/fakes.ts';

describe('settings', () => {
  it('a fresh install gets the defaults', () => {
    const { service } = memorySettings();
    expect(service.get()).toEqual({
      language: 'auto', shortcut: DEFAULT_SHORTCUT, theme: 'system', ignoredWords: [], startAtLogin: false,
      startInTray: false, paused: false, recentFiles: [], documentLanguages: {},
      localServer: { enabled: false, port: 8081 }, useGpu: true,
    });
  });

  it('one invalid stored field is reset without losing the others', () => {
    const { service } = memorySettings({ language: 'klingon', theme: 'dark', ignoredWords: ['Vilnius'], paused: 'yes' });
    expect(service.get()).toMatchObject({ language: 'auto', theme: 'dark', ignoredWords: ['Vilnius'], paused: false });
  });

  it('persists an update to the backend and tells the listeners', () => {
    const { service, backend } = memorySettings();
    const seen: string[] = [];
    service.onDidChange((settings) => seen.push(settings.theme));
    service.update({ theme: 'dark' });
    expect(backend.store.theme).toBe('dark');
    expect(seen).toEqual(['dark']);
  });

  it('an update changes only the fields it names', () => {
    const { service } = memorySettings();
    service.update({ theme: 'dark' });
    service.update({ shortcut: 'Alt+F9' });
    service.update({ ignoredWords: ['vilnius'] });
    expect(service.get()).toMatchObject({ theme: 'dark', shortcut: 'Alt+F9', ignoredWords: ['vilnius'], language: 'auto' });
  });

  it('an update that changes nothing is not broadcast', () => {
    const { service } = memorySettings({ theme: 'dark' });
    let calls = 0;
    service.onDidChange(() => calls++);
    service.update({ theme: 'dark' });
    expect(calls).toBe(0);
  });

  it.each([
    [{ language: 'xx' }],
    [{ theme: 'blue' }],
    [{ shortcut: '' }],
    [{ recentFiles: ['/etc/passwd'] }],
    [{ unknownKey: true }],
  ])('rejects the invalid patch %j and keeps the old settings', (patch) => {
    const { service } = memorySettings();
    expect(() => service.update(patch as never)).toThrow();
    expect(service.get().language).toBe('auto');
    expect(service.get().recentFiles).toEqual([]);
  });

  it('normalises the ignore list: trimmed, without the punctuation around a word, lower case, unique, sorted', () => {
    const { service } = memorySettings();
    service.update({ ignoredWords: ['Zebra ', 'apple', 'zebra', 'Ąžuolas', 'Zebra.', 'vazno.'] });
    expect(service.get().ignoredWords).toEqual(['apple', 'vazno', 'zebra', 'ąžuolas']);
  });

  it('keeps recent files most recent first, without duplicates, at most MAX_RECENT_FILES', () => {
    const { service } = memorySettings();
    for (let i = 0; i < MAX_RECENT_FILES + 3; i++) service.addRecentFile(`/docs/${i}.txt`);
    service.addRecentFile('/docs/5.txt');
    const recent = service.get().recentFiles;
    expect(recent).toHaveLength(MAX_RECENT_FILES);
    expect(recent.slice(0, 3)).toEqual(['/docs/5.txt', '/docs/12.txt', '/docs/11.txt']);
    expect(new Set(recent).size).toBe(recent.length);
    service.removeRecentFile('/docs/5.txt');
    expect(service.get().recentFiles).not.toContain('/docs/5.txt');
  });

  it('remembers the language of each document', () => {
    const { service } = memorySettings();
    service.setDocumentLanguage('/docs/a.txt', 'lt');
    service.setDocumentLanguage('/docs/b.md', 'cs');
    service.setDocumentLanguage('/docs/a.txt', 'lv');
    expect(service.get().documentLanguages).toEqual({ '/docs/b.md': 'cs', '/docs/a.txt': 'lv' });
  });

  it('get() returns a copy the caller cannot use to change the settings', () => {
    const { service } = memorySettings();
    service.get().ignoredWords.push('sneaky');
    expect(service.get().ignoredWords).toEqual([]);
  });
});
