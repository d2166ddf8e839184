/**
 * `ogonek serve` under load on loopback (issue 16, item 5): the server as a user starts it (bin/ogonek.js, a
 * child process, so its RSS is its own), then
 *  1. one sentence at a time: 200 sequential POST /v2/check, each text new (no cache hit), p50/p90 latency;
 *  2. autocannon, 50 connections for 30 s, each request a new text drawn from sentences of 3 lengths in 6
 *     languages (`language` named or auto): throughput, p50/p99 latency, errors, non-2xx answers, peak RSS.
 * Targets: p50 <= 20 ms for one sentence; 0 errors, p99 <= 500 ms and RSS <= 500 MB under load.
 * No test asserts these numbers; this script prints them and replaces its own section of bench/REPORT.md.
 * Usage: npx tsx bench/serve-load.ts [--duration 30] [--connections 50] [--no-report]
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stripDiacritics } from '../electron/engine/noise/strip-diacritics.ts';
import type { LanguageCode } from '../electron/shared/types.ts';
import { writeSection } from './report-section.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPORT = join(ROOT, 'bench', 'REPORT.md');

/** Sentences with their diacritics, stripped before sending: short, medium and long in six languages. */
const SENTENCES: Array<[LanguageCode, string]> = [
  ['lt', 'Žmonės sakė, kad čia gražu.'],
  ['lt', 'Vakar vakare mes ilgai vaikščiojome po senamiestį ir kalbėjomės apie tai, ką veiksime vasarą.'],
  ['lt', 'Šiandien ryte, kai saulė dar tik kilo virš miško, senelis išėjo į lauką, patikrino bites, pasisveikino su kaimynu, kuris taisė tvorą, ir grįžęs pasakė, kad šiemet medaus bus daugiau negu pernai.'],
  ['pl', 'Żółta łódź płynie po jeziorze.'],
  ['pl', 'Dzieci śmieją się głośno, a babcia częstuje wszystkich świeżym chlebem z masłem.'],
  ['cs', 'Můj přítel říkal, že přijde zítra.'],
  ['cs', 'Když jsme se vrátili z hor, bylo už pozdě večer a všichni byli unavení, ale šťastní, že výlet vyšel.'],
  ['fr', 'Le garçon a été très content de sa journée à la mer.'],
  ['fr', 'Nous avons déjà préparé le dîner, mais les invités arriveront plus tard que prévu à cause de la grève.'],
  ['de', 'Die Kinder spielen draußen im Schnee und freuen sich über die Ferien.'],
  ['ro', 'Copiii învață să citească și să scrie în școală.'],
  ['ro', 'În fiecare dimineață, bunica își bea cafeaua pe terasă și privește cum se trezește orașul în jurul ei.'],
];
const STRIPPED = SENTENCES.map(([language, text]) => ({ language, text: stripDiacritics(text, language) }));

/**
 * The n-th request body: a sentence made new by a number before its final stop (the engine caches results per
 * sentence: a number after the stop would be a sentence of its own and leave the cache hit), every third
 * round of the sentences with language=auto.
 */
function body(n: number): string {
  const { language, text } = STRIPPED[n % STRIPPED.length]!;
  const auto = Math.floor(n / STRIPPED.length) % 3 === 2;
  return new URLSearchParams({ text: `${text.slice(0, -1)} ${n}${text.slice(-1)}`, language: auto ? 'auto' : language }).toString();
}

/** The parts of autocannon's API this script uses (it ships no types). */
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  duration: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;

/** VmRSS and VmHWM (peak) of a process, in MB. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: {
    duration: { type: 'string', default: '30' }, connections: { type: 'string', default: '50' },
    'no-report': { type: 'boolean', default: false },
  } });
  const duration = Number(values.duration);
  const connections = Number(values.connections);
  const load0 = loadavg();
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'ogonek.js'), 'serve', '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        out += chunk;
        const match = /listening on (http:\/\/[^\s]+)\/v2/.exec(out);
        if (match) resolve(match[1]!);
      });
      child.on('exit', (code) => reject(new Error(`ogonek serve exited with ${code}`)));
    });
    const check = (n: number) =>
      fetch(`${url}/v2/check`, { method: 'POST', body: body(n), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } }).then((r) => r.text());
    // Warm-up: every language's lexicon loads on first use.
    for (let n = 0; n < STRIPPED.length * 2; n++) await check(100_000 + n);

    // 1. One request at a time, the one-sentence latency a client sees.
    const times: number[] = [];
    for (let n = 0; n < 200; n++) {
      const started = performance.now();
      await check(200_000 + n);
      times.push(performance.now() - started);
    }
    // The same by sentence length (words), and the HTTP floor: GET /v2/languages never reaches the engine.
    const byLength = new Map<string, number[]>();
    times.forEach((ms, i) => {
      const words = STRIPPED[(200_000 + i) % STRIPPED.length]!.text.split(/\s+/).length;
      const key = words <= 10 ? 'short (5-10 words)' : words <= 20 ? 'medium (11-20 words)' : 'long (37 words)';
      byLength.set(key, [...(byLength.get(key) ?? []), ms]);
    });
    // The same requests in one language only (Czech): the engine keeps the three languages used last loaded, so the
    // six-language rotation above reloads a lexicon and LMs (about 0.1-0.3 s) for most requests.
    const czech = STRIPPED.map((s, i) => [s, i] as const).filter(([s]) => s.language === 'cs').map(([, i]) => i);
    const oneLanguage: number[] = [];
    for (let n = 0; n < 100; n++) {
      const started = performance.now();
      await check(300_000 * STRIPPED.length + czech[n % czech.length]! + STRIPPED.length * 3 * n);
      oneLanguage.push(performance.now() - started);
    }
    oneLanguage.sort((a, b) => a - b);
    const floor: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      await fetch(`${url}/v2/languages`).then((r) => r.text());
      floor.push(performance.now() - started);
    }
    floor.sort((a, b) => a - b);
    times.sort((a, b) => a - b);
    const single = { p50: percentile(times, 50), p90: percentile(times, 90), p99: percentile(times, 99) };
    const lengths = [...byLength].map(([key, list]) => `${key} ${round(percentile(list.sort((a, b) => a - b), 50))} ms`).join(', ');
    const czechOnly = { p50: percentile(oneLanguage, 50), p90: percentile(oneLanguage, 90) };
    console.log(`one at a time: p50 ${round(single.p50)} ms, p90 ${round(single.p90)} ms, p99 ${round(single.p99)} ms; p50 by length: ${lengths}; ` +
      `Czech only: p50 ${round(czechOnly.p50)} ms, p90 ${round(czechOnly.p90)} ms; GET /v2/languages p50 ${round(percentile(floor, 50), 2)} ms`);

    // 2. Under load.
    const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;
    let n = 0;
    let peakSampled = 0;
    const sampler = setInterval(() => (peakSampled = Math.max(peakSampled, memory(child.pid!).rss)), 250);
    const loadStart = loadavg();
    const result = await autocannon({
      url: `${url}/v2/check`,
      connections,
      duration,
      timeout: 10,
      requests: [{
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        setupRequest: (request: Record<string, unknown>) => ({ ...request, body: body(n++) }),
      }],
    });
    clearInterval(sampler);
    const loadEnd = loadavg();
    const mem = memory(child.pid!);
    const codes = Object.entries(result.statusCodeStats).map(([code, { count }]) => `${code}: ${count}`).join(', ');
    console.log(
      `${connections} connections, ${duration} s: ${round(result.requests.average)} req/s (${result.requests.total} requests), ` +
        `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, errors ${result.errors}, ` +
        `timeouts ${result.timeouts}, non-2xx ${result.non2xx} (${codes}); RSS ${round(mem.rss)} MB now, peak ${round(mem.peak)} MB; ` +
        `load average ${loadStart.map((x) => round(x, 2)).join(' ')} -> ${loadEnd.map((x) => round(x, 2)).join(' ')}`,
    );
    if (values['no-report']) return;
    const met = (ok: boolean) => (ok ? 'met' : '**missed**');
    writeSection(REPORT, 'serve-load', [
      '## `ogonek serve`: LanguageTool API over loopback HTTP (issue 16)',
      '',
      `By \`npx tsx bench/serve-load.ts\` (${new Date().toISOString().slice(0, 10)}): \`ogonek serve --port 0 --quiet\` as a child process ` +
        `(bundled CLI, shipped model, default limits: 2 checks at a time, 100 queued), driven from the bench process on the same machine: ` +
        `${cpus().length} cores (shared with other work: load average ${load0.map((x) => round(x, 2)).join(' ')} before the run, ` +
        `${loadStart.map((x) => round(x, 2)).join(' ')} at the start of the load and ${loadEnd.map((x) => round(x, 2)).join(' ')} at its end), ` +
        `${round(totalmem() / 2 ** 30)} GiB. Every request is a new text (a running number before the sentence's final stop), so the engine's result cache never answers; ` +
        `${STRIPPED.length} sentences of 5 to 37 words in lt, pl, cs, fr, de, ro with diacritics stripped, every third with \`language=auto\`.`,
      '',
      '| measure | value | target |',
      '| --- | --- | --- |',
      `| one sentence at a time (200 requests): p50 / p90 / p99 | ${round(single.p50)} / ${round(single.p90)} / ${round(single.p99)} ms | p50 <= 20 ms: ${met(single.p50 <= 20)} |`,
      `| p50 by sentence length | ${lengths} | |`,
      `| one language only (100 Czech requests, language=cs): p50 / p90 | ${round(czechOnly.p50)} / ${round(czechOnly.p90)} ms | |`,
      `| HTTP alone: GET /v2/languages p50 (no engine) | ${round(percentile(floor, 50), 2)} ms | |`,
      `| ${connections} connections for ${duration} s: throughput | ${round(result.requests.average)} requests/s (${result.requests.total} in all) | |`,
      `| latency p50 / p99 / max | ${result.latency.p50} / ${result.latency.p99} / ${result.latency.max} ms | p99 <= 500 ms: ${met(result.latency.p99 <= 500)} |`,
      `| errors / timeouts / non-2xx | ${result.errors} / ${result.timeouts} / ${result.non2xx} (status codes: ${codes}) | 0: ${met(result.errors + result.timeouts + result.non2xx === 0)} |`,
      `| server RSS: peak (VmHWM) / sampled max under load / at the end | ${round(mem.peak)} / ${round(peakSampled)} / ${round(mem.rss)} MB | <= 500 MB: ${met(mem.peak <= 500)} |`,
      '',
      'One at a time, the six languages in turn cost most: the engine keeps the three languages used last loaded (lexicon, word and ' +
        'suffix LMs), so the first request of each language in the rotation (its short sentence, hence that row) first loads one (0.1-0.3 s, mostly brotli); in one language the same requests ' +
        'take the Czech row\'s time. Latency under load is mostly waiting: the engine corrects one text at a time, so with 50 clients ' +
        'each request waits for the ones ahead of it; throughput is the engine\'s, and the load average says how much of the 2 cores it had.',
    ].join('\n'));
  } finally {
    child.kill('SIGTERM');
  }
}

await main();
