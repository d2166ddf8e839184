/**
 * `ogonek serve [--port 8081] [--host 127.0.0.1]`: a local LanguageTool-compatible server over the engine
 * (electron/server/), so LibreOffice, the LanguageTool browser add-on and LTeX can check with Ogonek.
 * This module only wires options to the server; the server knows nothing of the command line.
 */
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { createCorrector } from '../engine/index.ts';
import { DEFAULT_LIMITS } from '../server/limits.ts';
import { startLtServer } from '../server/server.ts';

const HELP = `Usage: ogonek serve [--port 8081] [--host 127.0.0.1] [options]

Answers LanguageTool's HTTP API (POST /v2/check, GET /v2/languages, GET /v2/healthcheck) with Ogonek's
corrections. Point a LanguageTool client at http://localhost:8081/v2 (README.md: LibreOffice, the browser
add-on, LTeX).
  --port N             port to listen on (default 8081, LanguageTool's; 0: any free port, printed)
  --host ADDR          address to listen on (default 127.0.0.1, this machine only). Anything else exposes
                       the server to the network: it has no authentication
  --allow-origin URL   one more web origin that may read answers (repeatable); extensions and loopback
                       pages are always allowed
  --max-body BYTES     largest request body (default ${DEFAULT_LIMITS.maxBodyBytes}; 413 beyond)
  --timeout SECONDS    longest a check may take (default ${DEFAULT_LIMITS.timeoutMs / 1000}; 503 beyond)
  --queue N            checks that may wait for the engine (default ${DEFAULT_LIMITS.maxQueued}; 503 beyond)
  --quiet              no line per request (lines never contain the text)
  --model DIR          model folder (default: the bundled models/)`;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** A whole number in [min, max] from an option, or an error message. */
function intOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number | string {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  return Number.isInteger(value) && value >= min && value <= max ? value : `--${name} must be a whole number from ${min} to ${max} (got '${raw}')`;
}

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args, options: {
      port: { type: 'string' }, host: { type: 'string', default: '127.0.0.1' },
      'allow-origin': { type: 'string', multiple: true, default: [] },
      'max-body': { type: 'string' }, timeout: { type: 'string' }, queue: { type: 'string' },
      quiet: { type: 'boolean', default: false }, model: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    } }));
  } catch (error) {
    console.error(`ogonek serve: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = intOption('port', values.port, 8081, 0, 65535);
  const maxBody = intOption('max-body', values['max-body'], DEFAULT_LIMITS.maxBodyBytes, 1, 1 << 30);
  const timeout = intOption('timeout', values.timeout, DEFAULT_LIMITS.timeoutMs / 1000, 1, 3600);
  const queue = intOption('queue', values.queue, DEFAULT_LIMITS.maxQueued, 0, 100_000);
  const bad = [port, maxBody, timeout, queue].find((v) => typeof v === 'string');
  if (bad !== undefined) {
    console.error(`ogonek serve: ${bad}`);
    return 2;
  }
  const host = values.host;
  if (host !== 'localhost' && isIP(host) === 0) {
    console.error(`ogonek serve: --host must be an IP address or localhost (got '${host}')`);
    return 2;
  }
  if (!LOOPBACK.has(host)) {
    console.error(`ogonek serve: warning: listening on ${host}, not only on this machine; the server has no authentication`);
  }
  const version = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  const corrector = await createCorrector({ modelDir: values.model });
  const quiet = values.quiet;
  let server;
  try {
    server = await startLtServer({
      corrector, host, port: port as number, version, allowOrigins: values['allow-origin'],
      limits: { maxBodyBytes: maxBody as number, timeoutMs: (timeout as number) * 1000, maxQueued: queue as number },
      log: quiet ? undefined : (line) => console.error(`ogonek serve: ${line}`),
    });
  } catch (error) {
    await corrector.dispose();
    console.error(`ogonek serve: cannot listen on ${host}:${port as number}: ${(error as Error).message}`);
    return 1;
  }
  // The URL a client is given (stdout, one line: tests and scripts read the port from it).
  console.log(`ogonek serve: listening on ${server.url}/v2 (LanguageTool API)`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  await corrector.dispose();
  return 0;
}
