/**
 * `quarterdeck` entry point. Each command lives in `cli/commands/<name>.ts` and exports
 * `command: CliCommand`; a command whose module does not exist yet answers "not available yet"
 * with exit code 2 (never fake output).
 */
import { pathToFileURL } from 'node:url';
import { CliError, type CliCommand, type CliIo } from './io';

export const COMMAND_NAMES = ['validate', 'export', 'budget', 'scenario', 'kpis', 'deck'] as const;

async function loadCommand(name: string): Promise<CliCommand | null> {
  try {
    const mod = (await import(`./commands/${name}.ts`)) as { command?: CliCommand };
    return mod.command ?? null;
  } catch (e) {
    if (
      e &&
      typeof e === 'object' &&
      'code' in e &&
      (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND')
    ) {
      const msg = String((e as { message?: unknown }).message ?? '');
      if (msg.includes(`commands/${name}`)) return null;
    }
    throw e;
  }
}

function usage(): string {
  return [
    'Usage: quarterdeck <command> [options]',
    '',
    'Commands:',
    '  validate  --workspace FILE | --sample [--json]     check a workspace backup',
    '  export    --sample --out FILE                      write the sample workspace as a backup',
    '  budget    --workspace FILE | --sample [--year FY] --json',
    '  scenario  --workspace FILE | --sample [--json]',
    '  kpis      --tickets FILE [--preset P] [--period month|quarter] [--json]',
    '  deck      --workspace FILE | --sample [--quarter YYYY-Qn] [--preset executive|full] --out FILE.pdf',
    '',
    'Run `quarterdeck <command> --help` for the options of one command.',
  ].join('\n');
}

/** Runs the CLI with the given arguments; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  if (!(COMMAND_NAMES as readonly string[]).includes(name)) {
    io.err(`quarterdeck: unknown command "${name}". Run quarterdeck --help.`);
    return 2;
  }
  try {
    const command = await loadCommand(name);
    if (!command) {
      io.err(`quarterdeck ${name}: not available yet in this version.`);
      return 2;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(command.usage);
      return 0;
    }
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`quarterdeck ${name}: ${e.message}`);
      return e.exitCode;
    }
    // Last line of defence: one line, no stack trace.
    io.err(`quarterdeck ${name}: unexpected error: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

const isEntry = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (isEntry) {
  const io: CliIo = {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    cwd: process.cwd(),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`quarterdeck: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
