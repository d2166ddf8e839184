/**
 * The server's safety paths over real HTTP on a loopback ephemeral port (electron/server/server.ts), with a
 * Corrector stand-in that answers from a table or blocks until released, so that the queue, the timeout and
 * the 503 can be driven exactly. The real engine's answers are in test/e2e/server-golden.test.ts.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { CorrectionResult, EngineStatus } from '../../../electron/shared/types.ts';
import { type LtServer, type LtServerOptions, startLtServer } from '../../../electron/server/server.ts';

/** Corrects "cia" -> "čia"; with `blocked`, every call waits until release() (an engine stuck on a long text). */
type ServerCorrector = LtServerOptions['corrector'];

class StandInCorrector implements ServerCorrector {
  calls = 0;
  #gate: Promise<void> | null = null;
  #open: () => void = () => {};

  block(): void {
    this.#gate = new Promise((resolve) => (this.#open = resolve));
  }

  release(): void {
    this.#open();
    this.#gate = null;
  }

  status(): EngineStatus {
    return { state: 'ready' };
  }

  async correct(text: string): Promise<CorrectionResult> {
    this.calls++;
    if (this.#gate) await this.#gate;
    const at = text.indexOf('cia');
    const suggestions = at < 0 ? [] : [{ span: { start: at, end: at + 3 }, original: 'cia', replacement: 'čia', kind: 'diacritics' as const, source: 'lexicon' as const, confidence: 0.9 }];
    return { text, suggestions, language: 'lt', elapsedMs: 0 };
  }
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request with exactly these headers (fetch would not let a test set Host). */
function send(server: LtServer, options: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path ?? '/v2/languages', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  path: '/v2/check',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

let servers: LtServer[] = [];
const lines: string[] = [];
async function start(options: Partial<LtServerOptions> = {}, corrector = new StandInCorrector()) {
  const server = await startLtServer({ corrector, port: 0, log: (line) => lines.push(line), ...options });
  servers.push(server);
  return { server, corrector };
}

afterEach(async () => {
  await Promise.all(servers.map((server) => server.close()));
  servers = [];
  lines.length = 0;
});

describe('listening', () => {
  it('binds 127.0.0.1 by default, on the port the OS gave', async () => {
    const { server } = await start();
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1', port: server.port });
    expect(server.port).toBeGreaterThan(0);
  });
});

describe('routes', () => {
  it.each([
    ['GET', '/v2/languages', 200],
    ['GET', '/v2/languages/', 200],
    ['GET', '/v2/healthcheck', 200],
    ['GET', '/v2/check?text=cia&language=lt', 200],
    ['GET', '/v2/nothing', 404],
    ['DELETE', '/v2/check', 404],
  ])('%s %s -> %i', async (method, path, status) => {
    const { server } = await start();
    expect((await send(server, { method, path })).status).toBe(status);
  });

  it('answers a form-encoded POST with a match at the right offset', async () => {
    const { server } = await start();
    const reply = await send(server, form({ text: '😀 cia', language: 'lt' }));
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
    const { matches } = JSON.parse(reply.body);
    expect(matches.map((m: { offset: number; length: number }) => [m.offset, m.length])).toEqual([[3, 3]]);
  });
});

describe('400: bad parameters, in LanguageTool\'s error style', () => {
  it.each([
    [{ language: 'lt' }, "Error: Missing 'text' or 'data' parameter\n"],
    [{ text: 'cia' }, "Error: Missing 'language' parameter. Use 'language=auto' to detect the language of the text\n"],
    [{ text: 'cia', language: 'xx-YY' }, "Error: 'xx-YY' is not a language code known to Ogonek."],
    [{ data: '{', language: 'lt' }, "Error: Could not parse JSON from 'data' parameter\n"],
  ])('%o -> %s', async (fields, start_) => {
    const { server, corrector } = await start();
    const reply = await send(server, form(fields));
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(reply.body.startsWith(start_)).toBe(true);
    expect(corrector.calls).toBe(0);
  });
});

describe('413: the body limit', () => {
  it.each([
    ['declared by Content-Length', false],
    ['sent chunked, counted as it comes', true],
  ])('a body over the limit is refused (%s)', async (_, chunked) => {
    const { server, corrector } = await start({ limits: { maxBodyBytes: 1000 } });
    const body = new URLSearchParams({ text: 'a'.repeat(2000), language: 'lt' }).toString();
    const headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' };
    if (chunked) headers['Transfer-Encoding'] = 'chunked';
    const reply = await send(server, { method: 'POST', path: '/v2/check', headers, body });
    expect(reply.status).toBe(413);
    expect(reply.body).toBe('Error: Your request exceeds the limit of 1000 bytes. Please submit a shorter text.\n');
    expect(corrector.calls).toBe(0);
  });

  it('a body at the limit is checked', async () => {
    const { server } = await start({ limits: { maxBodyBytes: 1000 } });
    const body = `language=lt&text=${'a'.repeat(1000 - 'language=lt&text='.length)}`;
    const reply = await send(server, { method: 'POST', path: '/v2/check', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body });
    expect([body.length, reply.status]).toEqual([1000, 200]);
  });
});

describe('503: bounded concurrency and the queue', () => {
  it('runs 1 check at a time, queues 2 and refuses the 4th at once; the queued ones finish when the engine frees', async () => {
    const { server, corrector } = await start({ limits: { maxConcurrent: 1, maxQueued: 2 } });
    corrector.block();
    const pending = [1, 2, 3].map(() => send(server, form({ text: 'cia', language: 'lt' })));
    await expect.poll(() => corrector.calls).toBe(1);
    // Give the two waiting requests time to be read and queued.
    await expect.poll(async () => JSON.parse((await send(server, { path: '/v2/healthcheck' })).body).queued).toBe(2);
    const refused = await send(server, form({ text: 'cia', language: 'lt' }));
    expect(refused.status).toBe(503);
    expect(refused.body).toBe('Error: There are currently too many parallel requests. Please try again later.\n');
    corrector.release();
    expect((await Promise.all(pending)).map((reply) => reply.status)).toEqual([200, 200, 200]);
    expect(corrector.calls).toBe(3);
  });
});

describe('503: the per-request timeout', () => {
  it('answers a check that takes too long with 503, and keeps its slot until the engine is done', async () => {
    const { server, corrector } = await start({ limits: { timeoutMs: 200, maxConcurrent: 1, maxQueued: 0 } });
    corrector.block();
    const reply = await send(server, form({ text: 'cia', language: 'lt' }));
    expect(reply.status).toBe(503);
    expect(reply.body).toBe("Error: Checking took longer than 0.2 seconds, which is this server's limit. Please submit a shorter text.\n");
    // The engine is still busy with it: a next request finds no slot and no queue.
    expect((await send(server, form({ text: 'cia', language: 'lt' }))).status).toBe(503);
    corrector.release();
    await expect.poll(async () => (await send(server, form({ text: 'cia', language: 'lt' }))).status).toBe(200);
  });
});

describe('Host header (DNS rebinding)', () => {
  it.each([
    ['localhost:8081', 200],
    ['localhost', 200],
    ['LOCALHOST:1', 200],
    ['127.0.0.1:8081', 200],
    ['[::1]:8081', 200],
    ['evil.example:8081', 403],
    ['localhost.evil.example', 403],
    ['127.0.0.1.nip.io', 403],
    ['192.168.1.20:8081', 403],
  ])('Host %s -> %i', async (host, status) => {
    const { server, corrector } = await start();
    const reply = await send(server, { ...form({ text: 'cia', language: 'lt' }), headers: { Host: host, 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(reply.status).toBe(status);
    if (status === 403) expect(corrector.calls).toBe(0);
  });

  it('refuses a request without Host (HTTP/1.0)', async () => {
    const { server } = await start();
    const socket = connect(server.port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (answer += chunk));
    socket.end('GET /v2/languages HTTP/1.0\r\n\r\n');
    await new Promise((resolve) => socket.on('close', resolve));
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden');
  });

  it('allows the address it was bound to', async () => {
    const { server } = await start({ host: '127.0.0.2' });
    // A server on 127.0.0.2 is asked through that address.
    const reply = await new Promise<number>((resolve, reject) =>
      httpRequest({ host: '127.0.0.2', port: server.port, path: '/v2/languages' }, (res) => (res.resume(), resolve(res.statusCode!))).on('error', reject).end(),
    );
    expect(reply).toBe(200);
  });
});

describe('CORS', () => {
  it.each([
    ['chrome-extension://oldceeleldhonbafppcapldpdifcinji', 204, true],
    ['moz-extension://0b4c2f8e-1c3a-4c57-9d5e-5b6b2c9e7e11', 204, true],
    ['http://localhost:5173', 204, true],
    ['http://127.0.0.1:3000', 204, true],
    ['https://evil.example', 403, false],
    ['null', 403, false],
  ])('preflight from %s -> %i', async (origin, status, allowed) => {
    const { server } = await start();
    const reply = await send(server, {
      method: 'OPTIONS',
      path: '/v2/check',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(reply.status).toBe(status);
    expect(reply.headers['access-control-allow-origin']).toBe(allowed ? origin : undefined);
    if (allowed) {
      expect(reply.headers['access-control-allow-methods']).toBe('GET, POST, OPTIONS');
      expect(reply.headers['access-control-allow-headers']).toBe('Content-Type, Accept');
    }
  });

  it('a web origin named with allowOrigins may read answers', async () => {
    const { server } = await start({ allowOrigins: ['https://docs.example'] });
    const reply = await send(server, { path: '/v2/languages', headers: { Origin: 'https://docs.example' } });
    expect([reply.status, reply.headers['access-control-allow-origin']]).toEqual([200, 'https://docs.example']);
  });

  it('a POST from a disallowed origin is not checked at all', async () => {
    const { server, corrector } = await start();
    const reply = await send(server, { ...form({ text: 'cia', language: 'lt' }), headers: { Origin: 'https://evil.example', 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect([reply.status, corrector.calls]).toEqual([403, 0]);
  });
});

describe('logs', () => {
  it('name route, status and time for every kind of answer, never the text', async () => {
    const { server, corrector } = await start({ limits: { maxBodyBytes: 300, timeoutMs: 100, maxConcurrent: 1, maxQueued: 0 } });
    const secret = 'Slaptas-Tekstas-4242';
    await send(server, form({ text: `${secret} cia`, language: 'lt' }));
    await send(server, { path: `/v2/check?text=${secret}&language=lt` });
    await send(server, form({ text: secret, language: `${secret}-x` }));
    await send(server, form({ data: `{"${secret}"`, language: 'lt' }));
    await send(server, form({ text: secret.repeat(30), language: 'lt' }));
    corrector.block();
    await send(server, form({ text: `${secret} cia`, language: 'lt' }));
    corrector.release();
    await expect.poll(() => lines.length).toBe(6);
    expect(lines.map((line) => line.split(' ').slice(0, 3).join(' '))).toEqual([
      'POST /v2/check 200',
      'GET /v2/check 200',
      'POST /v2/check 400',
      'POST /v2/check 400',
      'POST /v2/check 413',
      'POST /v2/check 503',
    ]);
    expect(lines.filter((line) => line.includes('Slaptas'))).toEqual([]);
  });
});
