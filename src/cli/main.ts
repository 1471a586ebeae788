import { Command, CommanderError } from 'commander';
import { TOOL_VERSION } from '../core/version.js';
import { EXIT, UsageError } from './errors.js';
import { defineCommands } from './program.js';

/** Runs a command's action and maps what it throws onto the documented exit codes. */
async function run(action: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`shipshape: ${error.message}\n`);
      process.exitCode = EXIT.usage;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`shipshape: the audit could not complete: ${message}\n`);
    if (process.env.SHIPSHAPE_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exitCode = EXIT.incomplete;
  }
}

export function createProgram(): Command {
  const program = new Command('shipshape')
    .description('How far is this JavaScript/TypeScript codebase from production, why, and what to fix first.')
    .version(TOOL_VERSION, '-V, --version')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  defineCommands(program, run);
  return program;
}

export async function main(argv: readonly string[]): Promise<void> {
  // A reader that stops early (`shipshape checks --format json | head`) closes the pipe; what it did
  // not read is not a failure of the command.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? EXIT.ok);
  });
  const program = createProgram();
  try {
    await program.parseAsync(argv as string[]);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here too, with exit code 0.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return;
    }
    throw error;
  }
}
