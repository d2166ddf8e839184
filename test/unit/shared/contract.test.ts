import { describe, expect, it } from 'vitest';
import {
  EVENT_NAMES, INVOKE_NAMES, channelOf, defaultSettings, isInvokeName, parseEvent, parseRequest, parseResponse,
} from '../../../electron/shared/contract.ts';

describe('the IPC contract', () => {
  it('derives one channel per method and event', () => {
    expect(channelOf('correct')).toBe('ogonek:correct');
    expect(new Set([...INVOKE_NAMES, ...EVENT_NAMES].map(channelOf)).size).toBe(INVOKE_NAMES.length + EVENT_NAMES.length);
    expect(isInvokeName('correct')).toBe(true);
    expect(isInvokeName('toString')).toBe(false);
    expect(isInvokeName('__proto__')).toBe(false);
  });

  it.each([
    ['getSettings', []],
    ['correct', [{ text: 'Siandien', language: 'lt', documentId: 'd', requestId: 'r' }]],
    ['openFile', [{}]],
    ['openFile', [{ path: '/home/me/a.md' }]],
    ['saveFile', [{ path: null, content: '', saveAs: true, language: 'auto' }]],
    ['setDocumentState', [{ dirty: true, title: 'a.md' }]],
  ] as const)('accepts %s%j', (name, args) => {
    expect(() => parseRequest(name, args)).not.toThrow();
  });

  it.each([
    ['getSettings', [1]],
    ['correct', [{ text: 'x'.repeat(5_000_001), language: 'lt', documentId: 'd', requestId: 'r' }]],
    ['correct', [{ text: 'x', language: 'lt', documentId: '', requestId: 'r' }]],
    ['openFile', [{ path: '' }]],
    ['saveFile', [{ path: null, content: 'x', saveAs: 'yes', language: 'auto' }]],
    ['updateSettings', [{ documentLanguages: {} }]],
  ] as const)('rejects %s%j', (name, args) => {
    expect(() => parseRequest(name, args)).toThrow();
  });

  it('checks results coming back: spans must be ordered, kinds known, confidence in 0..1', () => {
    const good = { text: 'ą', language: 'lt', elapsedMs: 3, suggestions: [{ span: { start: 0, end: 1 }, original: 'a', replacement: 'ą', kind: 'diacritics', source: 'lexicon', confidence: 0.5 }] };
    expect(parseResponse('correct', good)).toEqual(good);
    expect(parseResponse('correct', null)).toBeNull();
    const bad = (patch: object) => ({ ...good, suggestions: [{ ...good.suggestions[0], ...patch }] });
    expect(() => parseResponse('correct', bad({ span: { start: 2, end: 1 } }))).toThrow();
    expect(() => parseResponse('correct', bad({ kind: 'grammar' }))).toThrow();
    expect(() => parseResponse('correct', bad({ confidence: 2 }))).toThrow();
  });

  it('checks events', () => {
    expect(parseEvent('onDidProgress', { requestId: 'r', done: 1, total: 4 })).toEqual({ requestId: 'r', done: 1, total: 4 });
    expect(() => parseEvent('onDidProgress', { requestId: 'r', done: -1, total: 4 })).toThrow();
    expect(parseEvent('onDidChangeSettings', defaultSettings())).toEqual(defaultSettings());
  });
});

describe('paths in the contract are absolute (issue 15, item 18)', () => {
  it.each([
    ['/home/me/a.md', true],
    ['C:\\Users\\me\\a.md', true],
    ['D:/notes/a.txt', true],
    ['\\\\server\\share\\a.md', true],
    ['a.md', false],
    ['notes/a.md', false],
    ['./a.md', false],
    ['../a.md', false],
    ['~/a.md', false],
    ['C:a.md', false],
    ['\\a.md', false],
  ])('openFile %j accepted: %s', (path, accepted) => {
    if (accepted) expect(parseRequest('openFile', [{ path }])).toEqual([{ path }]);
    else expect(() => parseRequest('openFile', [{ path }])).toThrow('must be an absolute path');
  });

  it('save requests, recent files and per-document languages refuse relative paths too', () => {
    expect(() => parseRequest('saveFile', [{ path: 'a.txt', content: '', saveAs: false, language: 'auto' }])).toThrow(/absolute/);
    expect(() => parseEvent('onDidChangeSettings', { ...defaultSettings(), recentFiles: ['a.txt'] })).toThrow(/absolute/);
    expect(() => parseEvent('onDidChangeSettings', { ...defaultSettings(), documentLanguages: { 'a.txt': 'lt' } })).toThrow();
    expect(parseEvent('onDidChangeSettings', { ...defaultSettings(), recentFiles: ['/a.txt'], documentLanguages: { '/a.txt': 'lt' } }).recentFiles).toEqual(['/a.txt']);
  });
});
