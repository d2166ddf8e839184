/**
 * The LanguageTool-compatible HTTP server: routes, the safety checks in the order that costs least first
 * (Host, Origin, route, body size, parameters, queue, timeout), and one log line per request that names
 * the route, status, sizes and time, never the text. The Corrector is passed in: the CLI gives it the real
 * engine, tests a stand-in where they need one that blocks.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Corrector } from '../shared/types.ts';
import { Admission, DEFAULT_LIMITS, LimitError, type Limits, readBody, withTimeout } from './limits.ts';
import { languageList } from './lt-languages.ts';
import { BadRequestError, parseCheckRequest } from './lt-request.ts';
import { checkResponse, type Software } from './lt-response.ts';
import { corsHeaders, hostAllowed, originAllowed } from './origin-policy.ts';

export interface LtServerOptions {
  /** The engine as the server needs it: answers and status, never a documentId, so nothing to cancel. */
  corrector: Pick<Corrector, 'correct' | 'status'>;
  /** The address to listen on (default 127.0.0.1); also the one more name the Host check accepts. */
  host?: string;
  /** The port (0: any free one; the CLI's default is 8081, LanguageTool's). */
  port?: number;
  limits?: Partial<Limits>;
  /** More origins allowed to read answers (exact, e.g. `https://example.org`). */
  allowOrigins?: string[];
  /** Where the per-request lines go (default: nowhere). */
  log?: (line: string) => void;
  /** Ogonek's version, for `software`. */
  version?: string;
}

export interface LtServer {
  server: Server;
  /** http://host:port, with the port actually bound. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** An answer in LanguageTool's error style: plain text that starts with "Error: ". */
function sendError(response: ServerResponse, status: number, message: string, headers: Record<string, string>): void {
  const body = `Error: ${message}\n`;
  response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

function sendJson(response: ServerResponse, value: unknown, headers: Record<string, string>): void {
  const body = JSON.stringify(value);
  response.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

/** The request's parameters: the query string, and for POST the form-encoded body on top. */
async function requestParams(request: IncomingMessage, url: URL, limits: Limits): Promise<URLSearchParams> {
  const params = new URLSearchParams(url.search);
  if (request.method !== 'POST') return params;
  const body = await readBody(request, limits.maxBodyBytes);
  for (const [key, value] of new URLSearchParams(body)) params.set(key, value);
  return params;
}

/** Creates the server and starts listening; resolves once it listens. */
export async function startLtServer(options: LtServerOptions): Promise<LtServer> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...options.limits };
  const host = options.host ?? '127.0.0.1';
  const admission = new Admission(limits.maxConcurrent, limits.maxQueued);
  const log = options.log ?? (() => {});
  const software: Software = {
    name: 'Ogonek',
    version: options.version ?? '0',
    buildDate: '',
    apiVersion: 1,
    premium: false,
    status: '',
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<number> {
    let headers: Record<string, string> = {};
    const fail = (status: number, message: string) => (sendError(response, status, message, headers), status);
    if (!hostAllowed(request.headers.host, host)) return fail(403, 'Host not allowed: this server answers only to localhost names and the address it listens on');
    const origin = request.headers.origin;
    if (origin !== undefined) {
      if (!originAllowed(origin, options.allowOrigins)) return fail(403, 'Origin not allowed (see ogonek serve --allow-origin)');
      headers = corsHeaders(origin, request.method === 'OPTIONS');
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (request.method === 'OPTIONS') {
      response.writeHead(204, { ...headers, 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', Allow: 'GET, POST, OPTIONS' });
      response.end();
      return 204;
    }
    const route = `${request.method} ${url.pathname.replace(/\/+$/, '')}`;
    switch (route) {
      case 'GET /v2/languages':
        sendJson(response, languageList(), headers);
        return 200;
      case 'GET /v2/healthcheck': {
        const status = options.corrector.status();
        sendJson(response, { status: status.state, running: admission.running, queued: admission.queued }, headers);
        return 200;
      }
      case 'GET /v2/check':
      case 'POST /v2/check': {
        const params = await requestParams(request, url, limits);
        const check = parseCheckRequest(params);
        const result = await admission.run(() =>
          withTimeout(
            options.corrector.correct(check.text.plain, { language: check.language.language ?? 'auto' }),
            limits.timeoutMs,
          ),
        );
        sendJson(response, checkResponse(check, result, software), headers);
        return 200;
      }
      default:
        return fail(404, `Unknown endpoint ${request.method} ${url.pathname.slice(0, 100)}: this server offers POST /v2/check, GET /v2/languages and GET /v2/healthcheck`);
    }
  }

  const server = createServer((request, response) => {
    const started = performance.now();
    const sizes = () => `${request.headers['content-length'] ?? 0} B in`;
    handle(request, response)
      .catch((error: unknown) => {
        // Only our own messages reach the client and the log: an engine error may quote the text.
        const [status, message] =
          error instanceof LimitError ? [error.status, error.message]
          : error instanceof BadRequestError ? [400, error.message]
          : [500, 'Internal error while checking the text'];
        if (!response.headersSent) {
          const origin = request.headers.origin;
          const headers = origin !== undefined && originAllowed(origin, options.allowOrigins) ? corsHeaders(origin, false) : {};
          sendError(response, status, message, headers);
        }
        return status;
      })
      .then((status) => {
        const path = new URL(request.url ?? '/', 'http://localhost').pathname.slice(0, 100);
        log(`${request.method} ${path} ${status} ${sizes()} ${Math.round(performance.now() - started)} ms`);
      });
  });
  // A slow client may not hold a connection open forever (slowloris), nor a body upload.
  server.requestTimeout = limits.timeoutMs + 5_000;
  server.headersTimeout = 10_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
