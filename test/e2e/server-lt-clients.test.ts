/**
 * `ogonek serve` with the real engine and clients others wrote (issue 16):
 * - golden request -> response pairs (test/fixtures/server/golden.json): the whole LanguageTool-shaped answer,
 *   UTF-16 offsets after emoji and combining marks, annotated text, auto language, rule filters.
 *   UPDATE_GOLDEN=1 rewrites the file from the engine (review the diff: the engine's corrections may change).
 * - the npm `languagetool-api` client: its check() is wired to languagetool.org and cannot be pointed
 *   elsewhere, so its own query builder (query.js) forms the request and its own parsers (showMistakes,
 *   bestSuggestion, which cut the mistake out of `context` by offset and length) read our answers.
 * - Debian's Chromium (playwright-core) fetching from a page on another loopback origin: CORS as a browser
 *   enforces it, with an Origin header the browser sets itself.
 * - `ogonek serve` as a user starts it (bin/ogonek.js, the bundled CLI): it prints its URL and answers.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { createCorrector } from '../../electron/engine/index.ts';
import type { Corrector } from '../../electron/shared/types.ts';
import { type LtServer, startLtServer } from '../../electron/server/server.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './support/chromium-flags.ts';
import { chooseModel } from './support/model.ts';

const model = chooseModel();
if (!model.real) console.log(`[e2e] server-lt-clients: skipping: ${model.reason}`);
const GOLDEN = new URL('../fixtures/server/golden.json', import.meta.url);
const BIN = new URL('../../bin/ogonek.js', import.meta.url).pathname;

interface GoldenCase {
  name: string;
  params: Record<string, string>;
  response?: unknown;
}

/** The cases; their responses are recorded in golden.json. */
const CASES: GoldenCase[] = [
  { name: 'Lithuanian without diacritics', params: { text: 'Zmones sake, kad cia grazu.', language: 'lt' } },
  { name: 'an emoji (two UTF-16 units) before the words', params: { text: '😀👍🏽 Zmones sake, kad cia grazu.', language: 'lt-LT' } },
  {
    name: 'combining marks (NFD) before the words',
    params: { text: 'Ste\u030ca\u0301n kupil chleba. Muj pritel rikal, ze prijde zitra.', language: 'cs-CZ' },
  },
  { name: 'auto language, Polish', params: { text: 'Zolta lodz plynie po jeziorze, a dzieci sie smieja.', language: 'auto' } },
  { name: 'a disabled rule by id', params: { text: 'Zmones sake, kad cia grazu.', language: 'lt', disabledRules: 'OGONEK_DIACRITICS_LT' } },
  {
    name: 'annotated text (Markdown as LTeX sends it): offsets in the document, markup included',
    params: {
      data: JSON.stringify({
        annotation: [{ markup: '# ' }, { text: 'Zmones' }, { markup: '\n\n', interpretAs: '\n\n' }, { text: 'Kad ' }, { markup: '**' }, { text: 'cia' }, { markup: '**' }, { text: ' grazu.' }],
      }),
      language: 'lt',
    },
  },
];

/** The answer minus what changes from build to build. */
const stable = (answer: { software: { version: string } }) => ({ ...answer, software: { ...answer.software, version: '<version>' } });

const post = (url: string, params: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${url}/v2/check`, { method: 'POST', body: new URLSearchParams(params), headers });

describe.skipIf(!model.real)('ogonek serve with the real engine', () => {
  let corrector: Corrector;
  let server: LtServer;
  beforeAll(async () => {
    corrector = await createCorrector({ modelDir: model.dir! });
    server = await startLtServer({ corrector, port: 0, version: 'test' });
  });
  afterAll(async () => {
    await server?.close();
    await corrector?.dispose();
  });

  describe('golden request/response pairs', () => {
    const recorded: GoldenCase[] = existsSync(GOLDEN) ? JSON.parse(readFileSync(GOLDEN, 'utf8')) : [];
    const update = process.env.UPDATE_GOLDEN === '1';
    const fresh: GoldenCase[] = [];
    afterAll(() => {
      if (update) writeFileSync(GOLDEN, `${JSON.stringify(fresh, null, 1)}\n`);
    });

    it.each(CASES)('$name', async ({ name, params }) => {
      const response = await post(server.url, params);
      expect(response.status).toBe(200);
      const answer = stable(await response.json());
      fresh.push({ name, params, response: answer });
      if (update) return;
      const golden = recorded.find((c) => c.name === name);
      expect(golden, `no golden answer for '${name}': run with UPDATE_GOLDEN=1`).toBeDefined();
      expect(golden!.params).toEqual(params);
      expect(answer).toEqual(golden!.response);
    });

    it('every match points at the words it replaces (offsets checked against the text itself)', () => {
      expect(recorded.length).toBe(CASES.length);
      for (const { params, response } of recorded) {
        // For annotated text, the document is every text and markup as written.
        const document = params.text ?? (JSON.parse(params.data!).annotation as Array<{ text?: string; markup?: string }>).map((a) => a.text ?? a.markup).join('');
        for (const match of (response as { matches: Array<{ offset: number; length: number; context: { text: string; offset: number; length: number } }> }).matches) {
          const inText = document.slice(match.offset, match.offset + match.length);
          expect(match.context.text.slice(match.context.offset, match.context.offset + match.context.length)).toBe(inText);
        }
      }
    });
  });

  it('the npm languagetool-api client builds a request our server answers, and its parsers read the answer', async () => {
    const require = createRequire(import.meta.url);
    const query = require('languagetool-api/query.js') as (args: Record<string, string>) => string;
    const client = require('languagetool-api') as {
      showMistakes(answer: unknown, callback: (mistakes: string[]) => void): void;
      bestSuggestion(answer: unknown, callback: (suggestions: Array<{ mistake: string; bestSuggestion: string }>) => void): void;
    };
    // What check() does, with our server in place of https://languagetool.org/api.
    const url = encodeURI(`${server.url}/v2/check${query({ language: 'lt-LT', text: 'Zmones sake, kad cia grazu.' })}`);
    const answer = await (await fetch(url)).json();
    const mistakes = await new Promise<string[]>((resolve) => client.showMistakes(answer, resolve));
    const best = await new Promise<Array<{ mistake: string; bestSuggestion: string }>>((resolve) => client.bestSuggestion(answer, resolve));
    expect(mistakes.length).toBeGreaterThan(0);
    expect(best.map((b) => b.mistake)).toEqual(mistakes);
    expect(best.find((b) => b.mistake === 'Zmones')?.bestSuggestion).toBe('Žmonės');
  });

  describe.skipIf(!existsSync(CHROMIUM))('from a web page in Chromium', () => {
    let browser: Browser;
    let pageServer: Server;
    let pageOrigin: string;
    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
      pageServer = createServer((_, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>page</title>'));
      await new Promise<void>((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
      pageOrigin = `http://localhost:${(pageServer.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => pageServer?.close(resolve));
    });

    it('a loopback page on another origin reads the answer (CORS), and the browser sent its Origin', async () => {
      const page = await browser.newPage();
      await page.goto(pageOrigin);
      // Waited for, not collected from an event: reading a header is asynchronous (CI once checked before it came).
      const checkRequest = page.waitForRequest((request) => request.url().endsWith('/v2/check') && request.method() === 'POST');
      const answer = await page.evaluate(async (endpoint) => {
        const response = await fetch(endpoint, { method: 'POST', body: new URLSearchParams({ text: 'Zmones sake, kad cia grazu.', language: 'lt' }) });
        return { status: response.status, matches: (await response.json()).matches as Array<{ replacements: Array<{ value: string }> }> };
      }, `${server.url}/v2/check`);
      expect(answer.status).toBe(200);
      expect(answer.matches.map((m) => m.replacements[0]!.value)).toContain('Žmonės');
      expect(await (await checkRequest).headerValue('origin')).toBe(pageOrigin);
      await page.close();
    });

    it('a page on a foreign origin cannot read it', async () => {
      const page = await browser.newPage();
      // The page is served by the test (route), under a name Chromium cannot otherwise reach.
      await page.route('http://evil.example/', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>evil</title>' }));
      await page.goto('http://evil.example/');
      const outcome = await page.evaluate(async (endpoint) => {
        try {
          const response = await fetch(endpoint, { method: 'POST', body: new URLSearchParams({ text: 'cia', language: 'lt' }) });
          return `read ${response.status}`;
        } catch (error) {
          return `blocked: ${(error as Error).name}`;
        }
      }, `${server.url}/v2/check`);
      expect(outcome).toBe('blocked: TypeError');
      await page.close();
    });
  });
});

describe.skipIf(!model.real)('ogonek serve from the command line', () => {
  it('prints its loopback URL, answers /v2/check and /v2/languages, and stops on SIGTERM with status 0', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)\/v2/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`ogonek serve exited with ${code}: ${stderr}`)));
    });
    const languages = await (await fetch(`${url}/v2/languages`)).json();
    expect(languages).toContainEqual({ name: 'Lithuanian', code: 'lt', longCode: 'lt-LT' });
    const answer = await (await post(url, { text: 'Zmones sake, kad cia grazu.', language: 'lt' })).json();
    expect(answer.matches.length).toBeGreaterThan(0);
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
  });
});
