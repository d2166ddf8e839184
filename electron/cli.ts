/**
 * `ogonek <command> [options]`: a small dispatcher. Each command lives in `electron/cli/<name>-command.ts`
 * and exports `run(args: string[]): Promise<number>` (the exit code). Commands are imported lazily so that
 * one missing or broken command does not take the others down, and `--help` stays instant.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** What a command module must export. */
export interface CommandModule {
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, string> = {
  fix: 'correct text from stdin (or files) with the bundled model and print the result',
  eval: 'score one system on one gold file (alpha-word accuracy, damage rate, speed)',
  'eval-report': 'run every system on the benchmarks and regenerate models/EVAL.md',
  bench: 'measure the engine speed and write a report',
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, what]) => `  ${name.padEnd(width)}  ${what}`);
  return [
    'Usage: ogonek <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `ogonek <command> --help` for the options of a command.',
  ].join('\n');
}

/** Runs the command named by `argv[0]` and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    console.error(`ogonek: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const url = new URL(`./cli/${name}-command.ts`, import.meta.url);
  // Distinguish "not written yet" from "fails to load": the second must show its real error.
  if (!existsSync(fileURLToPath(url))) {
    console.error(
      `ogonek: the '${name}' command is not available in this checkout ` + `(missing ${fileURLToPath(url)}).`,
    );
    return 1;
  }
  const mod = (await import(url.href)) as Partial<CommandModule>;
  if (typeof mod.run !== 'function') {
    console.error(`ogonek: ${fileURLToPath(url)} does not export run(args).`);
    return 1;
  }
  return mod.run(rest);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(`ogonek: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.OGONEK_DEBUG) console.error(error);
  process.exitCode = 1;
}
