/**
 * Cold start of the CLI (issue 15, item 10): hyperfine times the README's sentence through
 * `node bin/ogonek.js fix --lang lt` (1 warm-up run, then 10) in exports of the revisions given with --rev (e.g.
 * the last one before the CLI was bundled; each runs on this checkout's node_modules), then in this checkout, and
 * replaces its own section of bench/REPORT.md.
 * Target: a median of at most 400 ms. No test asserts these times.
 * Usage: npx tsx bench/cold-start.ts [--rev REV[=WHAT]]... [--runs N] [--nice=N] [--no-report]
 * --nice=N also times every tree under `nice -n N` (negative N needs root; write --nice=-10): on a machine that other jobs share,
 * a higher priority approximates the idle machine the target is about.
 * Needs hyperfine (Debian: apt-get install hyperfine).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPORT = join(ROOT, 'bench', 'REPORT.md');
const BEGIN = '<!-- cold-start: begin (bench/cold-start.ts rewrites this section) -->';
const END = '<!-- cold-start: end -->';
const SENTENCE = 'Siandien labai grazus oras';
const TARGET_MS = 400;
// OGONEK_CLI=bundle: the run fails rather than silently measure the TypeScript sources (an older bin/ogonek.js
// ignores it). The shell's own start is subtracted by hyperfine.
const COMMAND = `echo "${SENTENCE}" | OGONEK_CLI=bundle node bin/ogonek.js fix --lang lt`;

interface Timing {
  label: string;
  priority: string;
  output: string;
  median: number;
  min: number;
  max: number;
  mean: number;
  cpu: number;
  loadBefore: string;
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

/** hyperfine over COMMAND in `dir`; the output is checked by one run first. */
function measure(label: string, dir: string, runs: number, nice?: number): Timing {
  const first = spawnSync('sh', ['-c', COMMAND], { cwd: dir, encoding: 'utf8' });
  if (first.status !== 0) throw new Error(`${label}: the command failed (exit ${first.status}):\n${first.stderr}`);
  const json = join(mkdtempSync(join(tmpdir(), 'ogonek-cold-')), 'hyperfine.json');
  const loadBefore = load();
  try {
    const hyperfine = ['hyperfine', '--warmup', '1', '--runs', String(runs), '--export-json', json, COMMAND];
    const [bin, ...args] = nice === undefined ? hyperfine : ['nice', '-n', String(nice), ...hyperfine];
    execFileSync(bin!, args, { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
    const r = (JSON.parse(readFileSync(json, 'utf8')) as { results: Array<Record<string, number>> }).results[0]!;
    return {
      label,
      priority: nice === undefined ? 'normal' : `nice -n ${nice}`,
      output: first.stdout.trim(),
      median: r.median!,
      min: r.min!,
      max: r.max!,
      mean: r.mean!,
      cpu: r.user! + r.system!,
      loadBefore,
    };
  } finally {
    rmSync(join(json, '..'), { recursive: true, force: true });
  }
}

/** The tree of `rev`, exported beside this checkout's node_modules (what a clone of it would run). */
function exportRevision(rev: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ogonek-before-'));
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive "${rev}" | tar -x -C "${dir}"`]);
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

const ms = (s: number) => Math.round(s * 1000);

function section(rows: Timing[], runs: number, args: string): string {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {
    // not Linux
  }
  return [
    BEGIN,
    '',
    '## Cold start of `ogonek fix` (issue 15, item 10)',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npx tsx bench/cold-start.ts` +
      `${args}\`. Machine: ${cpus().length} cores (${model}), ` +
      `${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${process.platform}/${process.arch}, Node ${process.version}; ` +
      `load average at the end ${load()} (1 / 5 / 15 min; other jobs share these cores, so wall times vary with them).`,
    '',
    `Command (hyperfine, 1 warm-up run, then ${runs}): \`${COMMAND}\``,
    '',
    'Wall times depend on what else runs on the two cores (the load averages are given); the CPU column, the ' +
      "process's own user + system time with its worker thread, hardly does. A revision row is that tree exported " +
      "beside this checkout's node_modules; its bundle (where it has one) is built by the first, unmeasured run.",
    '',
    `| tree | priority | output | median (ms) | min (ms) | max (ms) | mean (ms) | CPU, user + system (ms) | load before | target |`,
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.priority} | ${r.output} | ${ms(r.median)} | ${ms(r.min)} | ${ms(r.max)} | ${ms(r.mean)} | ` +
        `${ms(r.cpu)} | ${r.loadBefore} | <= ${TARGET_MS}: ${ms(r.median) <= TARGET_MS ? 'met' : 'NOT met'} |`,
    ),
    '',
    END,
  ].join('\n');
}

const { values } = parseArgs({
  options: {
    rev: { type: 'string', multiple: true, default: [] },
    runs: { type: 'string', default: '10' },
    nice: { type: 'string' },
    'no-report': { type: 'boolean', default: false },
  },
});
const nices = values.nice === undefined ? [undefined] : [undefined, Number(values.nice)];
const runs = Number(values.runs);
if (spawnSync('hyperfine', ['--version']).status !== 0) throw new Error('needs hyperfine (apt-get install hyperfine)');
const short = (rev: string) =>
  execFileSync('git', ['-C', ROOT, 'rev-parse', '--short', rev], { encoding: 'utf8' }).trim();
const rows: Timing[] = [];
const exported: string[] = [];
try {
  for (const spec of values.rev) {
    const [rev, what] = spec.split(/=(.*)/s) as [string, string | undefined];
    exported.push(exportRevision(rev));
    const label = `revision ${short(rev)}${what ? `: ${what}` : ''}`;
    for (const nice of nices) rows.push(measure(label, exported.at(-1)!, runs, nice));
  }
  const dirty = execFileSync('git', ['-C', ROOT, 'status', '--porcelain'], { encoding: 'utf8' }).trim();
  for (const nice of nices) {
    rows.push(
      measure(`this checkout (${short('HEAD')}${dirty ? ', with uncommitted changes' : ''})`, ROOT, runs, nice),
    );
  }
} finally {
  for (const dir of exported) rmSync(dir, { recursive: true, force: true });
}
const args = process.argv
  .slice(2)
  .map((a) => (/[\s'"]/.test(a) ? `'${a.replaceAll("'", "'\\''")}'` : a))
  .join(' ');
for (const r of rows)
  console.log(`${r.label}, ${r.priority}: median ${ms(r.median)} ms, min ${ms(r.min)}, max ${ms(r.max)} (${r.output})`);
if (!values['no-report']) {
  const old = existsSync(REPORT) ? readFileSync(REPORT, 'utf8') : '';
  const at = old.indexOf(BEGIN);
  const kept = at < 0 ? old.trimEnd() : (old.slice(0, at) + old.slice(old.indexOf(END) + END.length)).trimEnd();
  writeFileSync(REPORT, `${kept}\n\n${section(rows, runs, args ? ` ${args}` : '')}\n`);
  console.log(`wrote ${REPORT}`);
}
