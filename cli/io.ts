/** What a CLI command may touch: its output streams and the file system, injected for tests. */
export type CliIo = {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Working directory that relative paths resolve against. */
  cwd: string;
};

/** A CLI command: parses its own arguments, returns the process exit code. Never throws. */
export type CliCommand = {
  summary: string;
  usage: string;
  run: (argv: string[], io: CliIo) => Promise<number>;
};

/** A user-facing failure: printed as one line, exit code 1 (or the given code), never a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
