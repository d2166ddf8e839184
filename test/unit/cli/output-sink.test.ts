/**
 * The output of streaming commands (electron/cli/output-sink.ts, issue 15, item 4): a reader that went away
 * (EPIPE) closes the sink quietly and aborts its signal; any other write error is kept as a failure; a slow
 * reader holds the writer back (backpressure) instead of letting output pile up in memory.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { OutputSink } from '../../../electron/cli/output-sink.ts';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`write ${code}`), { code });
}

/** A stream that takes `ok` writes, then fails every write with `code`. */
function failingAfter(ok: number, code: string): { stream: Writable; written: string[] } {
  const written: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (written.length < ok) {
        written.push(chunk.toString());
        callback();
      } else callback(errno(code));
    },
  });
  return { stream, written };
}

describe('OutputSink', () => {
  it.each([
    ['EPIPE: the reader went away', 'EPIPE', { closed: true, failure: null }],
    ['ENOSPC: a real write error', 'ENOSPC', { closed: false, failure: 'write ENOSPC' }],
  ])('%s', async (_name, code, expected) => {
    const { stream, written } = failingAfter(1, code);
    const sink = new OutputSink(stream);
    expect(await sink.write('one\n')).toBe(true);
    await sink.write('two\n');
    await sink.finish();
    expect(sink.signal.aborted).toBe(true);
    expect({ closed: sink.closed, failure: sink.failure?.message ?? null }).toEqual(expected);
    expect(await sink.write('three\n')).toBe(false); // nothing is written once the sink is done
    expect(written).toEqual(['one\n']);
  });

  it('waits for a slow reader (drain) before taking more', async () => {
    const release: Array<() => void> = [];
    const stream = new Writable({ highWaterMark: 4, write: (_c, _e, callback) => release.push(() => callback()) });
    const sink = new OutputSink(stream);
    let resolved = false;
    const pending = sink.write('0123456789').then((ok) => {
      resolved = true;
      return ok;
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(resolved).toBe(false); // over the high-water mark: held back until the reader catches up
    release.shift()!();
    expect(await pending).toBe(true);
  });
});
