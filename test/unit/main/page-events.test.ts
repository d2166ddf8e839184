import { afterEach, describe, expect, it, vi } from 'vitest';
import { PageEvents } from '../../../electron/main/page-events.ts';
import { MAX_TEXT_LENGTH } from '../../../electron/shared/contract.ts';

/** A page's webContents as PageEvents sees it. */
function fakePage(options: { failOn?: string } = {}) {
  const received: { channel: string; payload: unknown }[] = [];
  return {
    received,
    send(channel: string, payload: unknown) {
      if (channel === options.failOn) throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      received.push({ channel, payload });
    },
  };
}

const small = { path: '/home/me/a.txt', name: 'a.txt', content: 'Labas' };
const huge = { path: '/home/me/big.txt', name: 'big.txt', content: 'a'.repeat(MAX_TEXT_LENGTH + 1) };

afterEach(() => vi.restoreAllMocks());

describe('events to the editor page (issue 15, item 18: no throw inside did-finish-load)', () => {
  it('events sent before the page loaded wait, then arrive in order', () => {
    const events = new PageEvents();
    const page = fakePage();
    events.attach(page);
    events.send('onMenuCommand', 'settings');
    events.send('onDidOpenFile', small);
    expect(page.received).toEqual([]);
    events.loaded();
    expect(page.received).toEqual([
      { channel: 'ogonek:onMenuCommand', payload: 'settings' },
      { channel: 'ogonek:onDidOpenFile', payload: small },
    ]);
    events.send('onMenuCommand', 'save');
    expect(page.received).toHaveLength(3);
  });

  it('a payload over the contract throws in the sender (its try/catch), and loading the page afterwards throws nothing', () => {
    const events = new PageEvents();
    const page = fakePage();
    events.attach(page);
    expect(() => events.send('onDidOpenFile', huge)).toThrow(/content/);
    events.send('onDidOpenFile', small);
    expect(() => events.loaded()).not.toThrow();
    expect(page.received.map((e) => (e.payload as { name: string }).name)).toEqual(['a.txt']);
  });

  it('a delivery that fails inside the load listener is logged, not thrown, and the rest still arrive', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const events = new PageEvents();
    const page = fakePage({ failOn: 'ogonek:onMenuCommand' });
    events.attach(page);
    events.send('onMenuCommand', 'settings');
    events.send('onDidOpenFile', small);
    expect(() => events.loaded()).not.toThrow();
    expect(page.received).toEqual([{ channel: 'ogonek:onDidOpenFile', payload: small }]);
    expect(error).toHaveBeenCalledOnce();
  });

  it('without a page, events are dropped; a closed page drops what waited', () => {
    const events = new PageEvents();
    events.send('onMenuCommand', 'settings');
    const page = fakePage();
    events.attach(page);
    events.send('onMenuCommand', 'open');
    events.detach();
    events.attach(page);
    events.loaded();
    expect(page.received).toEqual([]);
  });
});
