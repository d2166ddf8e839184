/**
 * `ogonek <command> [options]`: a small dispatcher. Each command lives in `electron/cli/<name>-command.ts`
 * and exports `run(args: string[]): Promise<number>` (the exit code). Commands are imported lazily, through
 * static import() calls so that the bundler (bin/cli-bundle.mjs) can split them into chunks: `ogonek fix`
 * does not load the evaluation code, and `--help` stays instant. Benchmarks are not commands (bench/).
 */

/** What a command module must export. */
export interface CommandModule {
  run(args: string[]): Promise<number>;
}

const COMMANDS: Record<string, { what: string; load: () => Promise<Partial<CommandModule>> }> = {
  fix: {
    what: 'correct text from stdin (or files) with the bundled model and print the result',
    load: () => import('./cli/fix-command.ts'),
  },
  eval: {
    what: 'score one system on one gold file (alpha-word accuracy, damage rate, speed)',
    load: () => import('./cli/eval-command.ts'),
  },
  'eval-report': {
    what: 'run every system on the benchmarks and regenerate models/EVAL.md',
    load: () => import('./cli/eval-report-command.ts'),
  },
  serve: {
    what: 'a local LanguageTool-compatible server (http://localhost:8081/v2) for LibreOffice, browsers, LTeX',
    load: () => import('./cli/serve-command.ts'),
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, { what }]) => `  ${name.padEnd(width)}  ${what}`);
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
  const mod = await COMMANDS[name]!.load();
  if (typeof mod.run !== 'function') {
    console.error(`ogonek: the '${name}' command module does not export run(args).`);
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
